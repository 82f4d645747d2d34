"""Migration 21 on a populated store: the lead table rebuilt, nothing lost (SQLite, PostgreSQL)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from cockpit_tui.store.engine import create_store_engine
from cockpit_tui.store.migrations.runner import all_migrations, migrate
from cockpit_tui.store.urls import parse_store_url

_STATUSES = ("new", "negotiating", "awaiting_visit", "visited", "sold", "lost")


def _populate(connection: sa.Connection) -> None:
    """Customers, leads of every status (one reopening an earlier lead), their rows around."""
    for n in range(1, 13):
        connection.exec_driver_sql(
            "INSERT INTO customer (id, name, phone, created_at) VALUES (%s, %s, %s, %s)"
            if connection.dialect.name == "postgresql"
            else "INSERT INTO customer (id, name, phone, created_at) VALUES (?, ?, ?, ?)",
            (n, f"Cliente {n}", f"+55119876500{n:02}", n),
        )
    mark = "%s" if connection.dialect.name == "postgresql" else "?"
    for n in range(1, 13):
        connection.exec_driver_sql(
            "INSERT INTO lead (id, customer_id, previous_lead_id, status, version, assigned_to, "
            "vehicle, price, source, external_id, created_at, last_activity_at, attention_at, "
            "unread_count, needs_attention, sort_at, waiting_since, response_due_at) "
            f"VALUES ({', '.join([mark] * 18)})",
            (
                n,
                n,
                1 if n == 12 else None,
                _STATUSES[n % 6],
                n,
                "Bruno" if n % 2 else None,
                f"Onix {n}",
                n * 100_000,
                "Webmotors",
                f"ext-{n}",
                n * 1000,
                n * 2000,
                n * 3000 if n % 3 else None,
                n % 4,
                1 if n % 3 else 0,
                n * 5000,
                n * 1000 if n % 2 else None,
                n * 9000 if n % 2 else None,
            ),
        )
        connection.exec_driver_sql(
            "INSERT INTO message (lead_id, direction, body, at) "
            f"VALUES ({mark}, 'in', {mark}, {mark})",
            (n, f"Quero o Onix {n}", n * 1000),
        )
        connection.exec_driver_sql(
            "INSERT INTO import_fingerprint (fingerprint, lead_id, at) "
            f"VALUES ({mark}, {mark}, {mark})",
            (f"print-{n}", n, n),
        )
        key = "rowid" if connection.dialect.name == "sqlite" else "lead_id"
        connection.exec_driver_sql(
            f"INSERT INTO lead_search ({key}, doc) VALUES ({mark}, {mark})",
            (n, f"cliente {n} onix {n}"),
        )


def _snapshot(connection: sa.Connection) -> dict[str, object]:
    tables = ("lead", "customer", "message", "import_fingerprint")
    found: dict[str, object] = {
        table: list(map(tuple, connection.exec_driver_sql(f"SELECT * FROM {table} ORDER BY 1")))
        for table in tables
    }
    if connection.dialect.name == "sqlite":
        found["indexes"] = sorted(
            tuple(row)
            for row in connection.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'lead' AND type = 'index'"
            )
        )
        found["stats"] = sorted(
            tuple(row)
            for row in connection.exec_driver_sql("SELECT * FROM sqlite_stat1 WHERE tbl = 'lead'")
        )
    return found


def test_the_lead_table_is_rebuilt_with_every_row_index_and_reference(store_url: str) -> None:
    url = parse_store_url(store_url)
    engine = create_store_engine(url)
    try:
        before_21 = [step for step in all_migrations() if step.version < 21]
        migrate(engine, url, migrations=before_21)
        with engine.begin() as connection:
            _populate(connection)
            if connection.dialect.name == "sqlite":
                connection.exec_driver_sql("ANALYZE")
        with engine.connect() as connection:
            before = _snapshot(connection)

        report = migrate(engine, url, migrations=[s for s in all_migrations() if s.version <= 21])
        assert (report.from_version, report.to_version) == (before_21[-1].version, 21)

        with engine.connect() as connection:
            assert _snapshot(connection) == before
            sqlite = connection.dialect.name == "sqlite"
            if sqlite:
                table_sql = connection.exec_driver_sql(
                    "SELECT sql FROM sqlite_master WHERE name = 'lead'"
                ).scalar_one()
                assert "status IN" not in table_sql
                assert "status = 'lost'" in table_sql
                assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
                assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
                # The search index still finds each lead by its id (its rowid).
                found = connection.exec_driver_sql(
                    "SELECT l.id FROM lead_search s JOIN lead l ON l.id = s.rowid "
                    "WHERE lead_search MATCH '\"onix 12\"'"
                ).all()
                assert found == [(12,)]
        # The status check and the references still hold, on the rebuilt table.
        mark = "%s" if not sqlite else "?"
        for bad in (
            ("UPDATE lead SET status = 'archived' WHERE id = 1", ()),
            (f"UPDATE lead SET customer_id = {mark} WHERE id = 1", (999,)),
            (f"UPDATE lead SET previous_lead_id = {mark} WHERE id = 2", (999,)),
            (
                f"INSERT INTO message (lead_id, direction, body, at) VALUES ({mark}, 'in', 'x', 1)",
                (999,),
            ),
        ):
            with pytest.raises(sa.exc.IntegrityError), engine.begin() as connection:
                connection.exec_driver_sql(*bad)
        with engine.begin() as connection:
            for status in _STATUSES:
                update = f"UPDATE lead SET status = {mark} WHERE id = 1"
                connection.exec_driver_sql(update, (status,))
    finally:
        engine.dispose()
