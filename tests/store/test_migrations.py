"""Versioned migrations: applied at start-up, backed up first, atomic on failure."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.store.engine import create_store_engine
from cockpit_tui.store.handle import open_store
from cockpit_tui.store.migrations import LATEST_VERSION
from cockpit_tui.store.migrations.runner import Migration, all_migrations, migrate
from cockpit_tui.store.tables import LeadRow  # noqa: F401 - registers every table
from cockpit_tui.store.urls import parse_store_url


def version_one_store(path: Path) -> None:
    """A store as release 1 of the schema left it, with one lead in it."""
    url = parse_store_url(f"sqlite:///{path}")
    engine = create_store_engine(url)
    migrate(engine, url, migrations=all_migrations()[:1])
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO customer (id, name, created_at) VALUES (1, 'Maria', 0)"
        )
        connection.exec_driver_sql(
            "INSERT INTO lead (id, customer_id, status, version, created_at, last_activity_at, "
            "unread_count, needs_attention, sort_at) VALUES (1, 1, 'new', 1, 0, 0, 0, 1, 0)"
        )
    engine.dispose()


def index_names(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type='index'").fetchall()
    return {name for (name,) in rows if not name.startswith("sqlite_autoindex")}


def test_a_new_store_gets_the_latest_schema_without_backup(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'new.sqlite'}")
    assert store.migration is not None
    assert (store.migration.from_version, store.migration.to_version) == (0, LATEST_VERSION)
    assert store.migration.backup_path is None
    assert store.reader.schema_version() == LATEST_VERSION
    store.close()


def test_a_version_one_file_is_upgraded_after_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    version_one_store(path)
    assert "ix_lead_board" not in index_names(path)

    store = open_store(f"sqlite:///{path}")
    report = store.migration
    store.close()

    assert report is not None
    assert (report.from_version, report.to_version) == (1, LATEST_VERSION)
    assert "ix_lead_board" in index_names(path)
    assert report.backup_path is not None
    assert report.backup_path.exists()
    with sqlite3.connect(report.backup_path) as backup:
        assert backup.execute("SELECT MAX(version) FROM schema_version").fetchone() == (1,)
        assert backup.execute("SELECT name FROM customer").fetchall() == [("Maria",)]
    with sqlite3.connect(path) as upgraded:
        assert upgraded.execute("SELECT name FROM customer").fetchall() == [("Maria",)]
        assert upgraded.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    # Opening again does nothing: no second backup.
    again = open_store(f"sqlite:///{path}")
    assert again.migration is None
    again.close()


def test_the_progress_bar_counts_the_steps_after_the_backup(tmp_path: Path) -> None:
    """A step that rebuilds a table takes a while: the bar must not sit at the backup's 100%."""
    path = tmp_path / "old.sqlite"
    version_one_store(path)
    url = parse_store_url(f"sqlite:///{path}")
    engine = create_store_engine(url)
    seen: list[tuple[int, int]] = []
    migrate(engine, url, on_progress=lambda done, total: seen.append((done, total)))
    engine.dispose()

    pending = len(all_migrations()) - 1
    steps = [(done, pending) for done in range(pending + 1)]
    assert seen[-len(steps) :] == steps
    assert len(seen) > len(steps)  # the backup's pages came first


def test_a_failing_migration_keeps_the_previous_schema_and_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    version_one_store(path)

    def broken(connection: sa.Connection) -> None:
        connection.exec_driver_sql("CREATE INDEX ix_half_done ON lead (status)")
        connection.exec_driver_sql("ALTER TABLE no_such_table ADD COLUMN x INTEGER")

    steps = (*all_migrations()[:1], Migration(2, "broken", broken))
    url = parse_store_url(f"sqlite:///{path}")
    engine = create_store_engine(url)
    with pytest.raises(CockpitError) as error:
        migrate(engine, url, migrations=steps)
    engine.dispose()
    assert error.value.message_id == "error.migration_failed"
    assert error.value.values == {"version": 2, "kept": 1}
    assert "ix_half_done" not in index_names(path)
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT MAX(version) FROM schema_version").fetchone() == (1,)
        assert connection.execute("SELECT COUNT(*) FROM lead").fetchone() == (1,)


def test_a_store_from_a_newer_release_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    open_store(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO schema_version VALUES (99, 0)")
    with pytest.raises(CockpitError) as error:
        open_store(f"sqlite:///{path}")
    assert error.value.message_id == "error.schema_too_new"


def test_migrated_schema_matches_the_table_models(store_url: str) -> None:
    from sqlmodel import SQLModel

    store = open_store(store_url)
    try:
        with store.engine.connect() as connection:
            inspector = sa.inspect(connection)
            for table in SQLModel.metadata.sorted_tables:
                found = {column["name"] for column in inspector.get_columns(table.name)}
                assert found == {column.name for column in table.columns}, table.name
    finally:
        store.close()


def test_the_board_indexes_serve_the_board_queries(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 's.sqlite'}")
    store.close()
    with sqlite3.connect(tmp_path / "s.sqlite") as connection:
        count_plan = " ".join(
            row[3]
            for row in connection.execute(
                "EXPLAIN QUERY PLAN SELECT status, COUNT(*) FROM lead GROUP BY status"
            )
        )
        page_plan = " ".join(
            row[3]
            for row in connection.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM lead WHERE status = 'new' "
                "ORDER BY needs_attention DESC, sort_at DESC, id DESC LIMIT 50"
            )
        )
    # Counts read an index led by status, never the table: the board's, or the
    # report's narrower ix_lead_pipeline (migration 16), whichever SQLite picks.
    assert "COVERING INDEX ix_lead_board" in count_plan or (
        "COVERING INDEX ix_lead_pipeline" in count_plan
    )
    assert "TEMP B-TREE" not in count_plan
    assert "ix_lead_board" in page_plan
    assert "TEMP B-TREE" not in page_plan
