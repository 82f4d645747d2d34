"""The SQLite engine follows the store rules of DESIGN §7."""

from __future__ import annotations

import sqlite3
import stat
import threading
from contextlib import closing
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from cockpit_tui.store.engine import create_store_engine, read_session, write_session
from cockpit_tui.store.handle import open_store
from cockpit_tui.store.limits import PAGE_SIZE
from cockpit_tui.store.urls import parse_store_url


def test_pragmas_and_file_mode(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "store.sqlite"
    store = open_store(f"sqlite:///{path}")
    try:
        with store.engine.connect() as connection:
            pragma = {
                name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
            }
        assert pragma == {
            "journal_mode": "wal",
            "synchronous": 2,
            "foreign_keys": 1,
            "busy_timeout": 15000,
        }
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    finally:
        store.close()


def test_a_new_store_gets_the_page_size_and_an_existing_one_keeps_its_own(tmp_path: Path) -> None:
    new = open_store(f"sqlite:///{tmp_path / 'new.sqlite'}")
    try:
        with new.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA page_size").scalar() == PAGE_SIZE
    finally:
        new.close()
    old_path = tmp_path / "old.sqlite"
    with closing(sqlite3.connect(old_path)) as old:  # a store made before: SQLite's default
        old.execute("PRAGMA journal_mode = WAL")
    old_store = open_store(f"sqlite:///{old_path}")
    try:
        with old_store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA page_size").scalar() == 4096
            assert connection.exec_driver_sql("SELECT COUNT(*) FROM lead").scalar() == 0
    finally:
        old_store.close()


def test_writes_begin_immediate_and_reads_deferred(tmp_path: Path) -> None:
    engine = create_store_engine(parse_store_url(f"sqlite:///{tmp_path / 's.sqlite'}"))
    statements: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    with write_session(engine) as session:
        session.execute(sa.text("CREATE TABLE t (x INTEGER)"))
    with read_session(engine) as session:
        session.execute(sa.text("SELECT 1"))
    assert [s for s in statements if s.startswith("BEGIN")] == ["BEGIN IMMEDIATE", "BEGIN DEFERRED"]
    engine.dispose()


def test_a_second_writer_waits_for_the_lock_instead_of_failing(tmp_path: Path) -> None:
    url = parse_store_url(f"sqlite:///{tmp_path / 's.sqlite'}")
    first, second = create_store_engine(url), create_store_engine(url)
    with write_session(first) as session:
        session.execute(sa.text("CREATE TABLE t (x INTEGER)"))
    holding = threading.Event()
    release = threading.Event()

    def hold_the_lock() -> None:
        with write_session(first) as session:
            session.execute(sa.text("INSERT INTO t VALUES (1)"))
            holding.set()
            release.wait(timeout=10)

    thread = threading.Thread(target=hold_the_lock)
    thread.start()
    assert holding.wait(timeout=10)
    timer = threading.Timer(0.2, release.set)
    timer.start()
    with write_session(second) as session:  # blocks on BEGIN IMMEDIATE until released
        session.execute(sa.text("INSERT INTO t VALUES (2)"))
    thread.join()
    with first.connect() as connection:
        assert connection.exec_driver_sql("SELECT COUNT(*) FROM t").scalar() == 2
    first.dispose()
    second.dispose()


def test_errors_never_show_parameters(tmp_path: Path) -> None:
    engine = create_store_engine(parse_store_url(f"sqlite:///{tmp_path / 's.sqlite'}"))
    with write_session(engine) as session:
        session.execute(sa.text("CREATE TABLE t (x TEXT UNIQUE)"))
        session.execute(sa.text("INSERT INTO t VALUES (:x)"), {"x": "Maria Souza 11987654321"})
    with pytest.raises(sa.exc.IntegrityError) as error, write_session(engine) as session:
        session.execute(sa.text("INSERT INTO t VALUES (:x)"), {"x": "Maria Souza 11987654321"})
    assert "Maria" not in str(error.value)
    assert "hidden due to hide_parameters" in str(error.value)
    engine.dispose()


def test_memory_and_unknown_urls_are_refused() -> None:
    from cockpit_tui.domain.errors import CockpitError

    for url in ("sqlite://", "sqlite:///:memory:", "mysql://x/y"):
        with pytest.raises(CockpitError) as error:
            parse_store_url(url)
        assert error.value.message_id == "error.bad_db_url"
    redacted = None
    try:
        parse_store_url("mysql://u:secret@h/db")
    except CockpitError as error:
        redacted = error.values["url"]
    assert redacted == "mysql://u:***@h/db"
