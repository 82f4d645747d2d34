"""An import's checkpoints run on a thread of their own and are done when the import ends."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from contextlib import closing
from pathlib import Path

import sqlalchemy as sa

from cockpit_tui.store.checkpointer import Checkpointer, checkpoints_beside, left_to_checkpointer
from cockpit_tui.store.engine import create_store_engine
from cockpit_tui.store.urls import parse_store_url


def _checkpoint_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "cockpit-checkpoint"]


def _write(engine: sa.Engine, rows: int) -> None:
    """One write transaction of ``rows`` wide rows, its checkpoint left to the checkpointer."""
    with engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        with left_to_checkpointer(engine, driver), connection.begin():
            connection.exec_driver_sql(
                "INSERT INTO t (x) SELECT randomblob(1000) FROM json_each(?)",
                (str(list(range(rows))),),
            )


def test_the_last_write_is_in_the_database_file_when_the_checkpoints_end(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite"
    engine = create_store_engine(parse_store_url(f"sqlite:///{store}"))
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE t (x BLOB)")
        with checkpoints_beside(engine):
            assert _checkpoint_threads() == [], "no thread before a commit (a fork may come)"
            _write(engine, 2000)
            _write(engine, 3000)  # past SQLite's own threshold: it leaves it to the thread
        assert _checkpoint_threads() == []
        copied = hashlib.sha256(store.read_bytes()).digest()
        with closing(sqlite3.connect(store)) as other:
            other.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        assert hashlib.sha256(store.read_bytes()).digest() == copied, "nothing was left to copy"
        with engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT COUNT(*) FROM t").scalar() == 5000
    finally:
        engine.dispose()


def test_closing_does_the_checkpoint_asked_last(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite"
    with closing(sqlite3.connect(store, isolation_level=None)) as writer:
        writer.execute("PRAGMA journal_mode = WAL")
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        writer.execute("CREATE TABLE t (x BLOB)")
        writer.execute("INSERT INTO t SELECT randomblob(1000) FROM json_each(?)", (str([0] * 500),))
        before = store.read_bytes()
        checkpointer = Checkpointer(str(store))
        checkpointer.request()
        checkpointer.close()  # at once: the thread may not have begun the checkpoint
        assert store.read_bytes() != before
        copied = store.read_bytes()
        writer.execute("PRAGMA wal_checkpoint(PASSIVE)")
        assert store.read_bytes() == copied, "nothing was left to copy"


class _SlowFirstCheckpoint(Checkpointer):
    """A checkpointer whose first checkpoint, once done, lasts until :meth:`close` is called."""

    def __init__(self, database: str) -> None:
        super().__init__(database)
        self.runs = 0
        self.running = threading.Event()

    def _checkpoint(self, connection: sqlite3.Connection) -> None:
        super()._checkpoint(connection)
        self.runs += 1
        if self.runs == 1:
            self.running.set()
            self._stopping.wait()


def test_a_checkpoint_asked_while_one_runs_is_done_before_closing_returns(
    tmp_path: Path,
) -> None:
    store = tmp_path / "store.sqlite"
    with closing(sqlite3.connect(store, isolation_level=None)) as writer:
        writer.execute("PRAGMA journal_mode = WAL")
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        writer.execute("CREATE TABLE t (x BLOB)")
        insert = "INSERT INTO t SELECT randomblob(1000) FROM json_each(?)"
        writer.execute(insert, (str([0] * 500),))
        checkpointer = _SlowFirstCheckpoint(str(store))
        checkpointer.request()
        assert checkpointer.running.wait(timeout=60)
        # The import's last write (its search index moving in) commits while that one runs.
        writer.execute(insert, (str([0] * 300),))
        checkpointer.request()
        checkpointer.close()
        copied = store.read_bytes()
        writer.execute("PRAGMA wal_checkpoint(PASSIVE)")
        assert store.read_bytes() == copied, "the last write was left in the log"
        assert checkpointer.runs == 2


def test_without_a_checkpointer_a_commit_checkpoints_as_sqlite_does(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite"
    engine = create_store_engine(parse_store_url(f"sqlite:///{store}"))
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE t (x BLOB)")
        _write(engine, 3000)
        with engine.connect() as connection:
            every = connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar()
        assert every == 1000, "the connection's own setting is untouched"
        assert _checkpoint_threads() == []
    finally:
        engine.dispose()
