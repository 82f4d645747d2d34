"""The SQLAlchemy engine, configured as the store rules require (DESIGN §7).

SQLite: WAL, ``busy_timeout``, foreign keys, ``synchronous=FULL``, a new
file's page size (:data:`~cockpit_tui.store.limits.PAGE_SIZE`), and write
transactions that start with ``BEGIN IMMEDIATE`` so two writers queue on the
lock instead of failing with SQLITE_BUSY when a read upgrades to a write.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, text

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.engine import ExceptionContext
    from sqlalchemy.orm import Session

from cockpit_tui.store.fileperms import ensure_private_file
from cockpit_tui.store.limits import BUSY_TIMEOUT_MS, PAGE_SIZE, PG_WRITE_LOCK
from cockpit_tui.store.urls import StoreUrl


def create_store_engine(store_url: StoreUrl) -> Engine:
    """Build the engine of a store, creating the SQLite file (0600) if needed."""
    if store_url.is_sqlite:
        assert store_url.sqlite_path is not None
        ensure_private_file(store_url.sqlite_path)
        engine = create_engine(
            store_url.url,
            hide_parameters=True,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        )
        event.listen(engine, "connect", _configure_sqlite_connection)
        _watch_for_corruption(engine, store_url.sqlite_path)  # before BEGIN: refuse first
        event.listen(engine, "begin", _begin_sqlite_transaction)
        return engine
    return create_engine(
        store_url.url,
        hide_parameters=True,
        pool_pre_ping=True,
        pool_size=2,
        max_overflow=4,
    )


def _configure_sqlite_connection(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's begin event (below) emit BEGIN itself: pysqlite's own
    # transaction handling would start deferred transactions behind our back.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # Only a new, empty file takes it (before the switch to WAL writes its first page).
        cursor.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _begin_sqlite_transaction(connection: Connection) -> None:
    if connection.get_execution_options().get("cockpit_read_only"):
        connection.exec_driver_sql("BEGIN DEFERRED")
    else:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _watch_for_corruption(engine: Engine, store_file: Path) -> None:
    """Mark the store damaged on SQLITE_CORRUPT; refuse write transactions while it is marked."""
    from cockpit_tui.store.failures import is_corruption
    from cockpit_tui.store.integrity import mark_corrupt, refuse_if_marked

    def on_error(context: ExceptionContext) -> None:
        if is_corruption(context.original_exception):
            mark_corrupt(store_file)

    def on_begin(connection: Connection) -> None:
        if not connection.get_execution_options().get("cockpit_read_only"):
            refuse_if_marked(store_file)

    event.listen(engine, "handle_error", on_error)
    event.listen(engine, "begin", on_begin)


@contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """A short write transaction: commits on success, rolls back on any error.

    On SQLite it begins with ``BEGIN IMMEDIATE``; on PostgreSQL it takes the
    store's write lock first, so the change log's ids commit in order.
    """
    from sqlalchemy.orm import Session  # lazy: the import path writes without the ORM

    with Session(engine, expire_on_commit=False, autoflush=False) as session, session.begin():
        if engine.dialect.name == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_WRITE_LOCK})
        yield session


@contextmanager
def write_connection(engine: Engine) -> Iterator[Connection]:
    """Like :func:`write_session`, on a Core connection (bulk writes with no ORM)."""
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_WRITE_LOCK})
        yield connection


@contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    """A read-only session that does not take SQLite's write lock."""
    from sqlalchemy.orm import Session

    read_engine = engine.execution_options(cockpit_read_only=True)
    with Session(read_engine, expire_on_commit=False, autoflush=False) as session, session.begin():
        yield session


def sync_serial_ids(connection: Connection, tables: tuple[str, ...]) -> None:
    """After inserting rows with ids chosen up front, move PostgreSQL's id sequences past them.

    SQLite needs nothing: its next id is always MAX(id) + 1.
    """
    if connection.dialect.name != "postgresql":
        return
    for table in tables:
        connection.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT MAX(id) FROM {table}))"
            )
        )
