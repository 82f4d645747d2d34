"""The read path's connection: one DB-API connection, queries serialised on a lock.

Importing SQLAlchemy and SQLModel costs most of a second here, more than
the whole start-up budget, so what the board needs to paint is read through
``sqlite3`` or ``psycopg`` directly. :class:`ReadConnection` holds that
connection and the SQL pieces every board read shares (the card's columns,
the board order); the queries themselves are
:class:`~cockpit_tui.store.reader.StoreReader` (board, columns, the poll)
and :class:`~cockpit_tui.store.search_reads.SearchReads` (search).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from typing import Any, Protocol, Self

from cockpit_tui.domain.errors import StoreUnavailableError
from cockpit_tui.domain.records import Record, set_field
from cockpit_tui.store.limits import BUSY_TIMEOUT_MS
from cockpit_tui.store.urls import StoreUrl

#: Longest a PostgreSQL cancel request may take before the stale read is left to finish.
CANCEL_TIMEOUT_SECONDS = 5.0

Row = tuple[Any, ...]

#: Columns of a lead card, in the order :mod:`cockpit_tui.services.cards` reads them.
CARD_COLUMNS = (
    "l.id, l.version, l.status, l.customer_id, c.name, c.phone, c.email, l.vehicle, "
    "l.price, l.source, l.assigned_to, l.created_at, l.last_activity_at, "
    "l.attention_at, l.unread_count, l.next_appointment_at, l.needs_attention, l.sort_at, "
    "l.waiting_since, l.response_due_soon_at, l.response_due_at, l.first_response_at, "
    "l.first_response_seconds"
)
CARD_FROM = f"SELECT {CARD_COLUMNS} FROM lead l JOIN customer c ON c.id = l.customer_id"
BOARD_KEYS = "l.needs_attention DESC, l.sort_at DESC, l.id DESC"
BOARD_ORDER = f"ORDER BY {BOARD_KEYS}"
REVERSED_ORDER = "ORDER BY l.needs_attention, l.sort_at, l.id"
# Naming every status lets queries on attention use the board index.
ALL_STATUSES = "'new', 'negotiating', 'awaiting_visit', 'visited', 'sold', 'lost'"


class Clause(Record):
    """A condition over ``l`` (the lead), with its parameters, added to board queries.

    Attributes:
        sql: The condition, e.g. ``l.assigned_to = ?``.
        params: Values of its placeholders, in order.
        walk_sql: The same condition checked lead by lead (a search's look-up
            listed once, each lead checked against the list and its document),
            for reading a broad match in the board's index order; None when
            ``sql`` already is (same parameters).
        scans: Whether matching reads every search document (a search whose terms
            are all too short for the trigram index).
    """

    __slots__ = ("params", "scans", "sql", "walk_sql")
    sql: str
    params: tuple[Any, ...]
    walk_sql: str | None
    scans: bool

    def __init__(
        self,
        sql: str,
        params: tuple[Any, ...] = (),
        walk_sql: str | None = None,
        scans: bool = False,
    ) -> None:
        set_field(self, "sql", sql)
        set_field(self, "params", params)
        set_field(self, "walk_sql", walk_sql)
        set_field(self, "scans", scans)


def and_clause(where: Clause | None) -> tuple[str, tuple[Any, ...]]:
    """`` AND (condition)`` and its parameters, or nothing."""
    return (f" AND ({where.sql})", where.params) if where is not None else ("", ())


class BoardKey(Record):
    """Position of a card in its column's order, for keyset paging."""

    __slots__ = ("lead_id", "needs_attention", "sort_at")
    needs_attention: int
    sort_at: int
    lead_id: int

    def __init__(self, needs_attention: int, sort_at: int, lead_id: int) -> None:
        set_field(self, "needs_attention", needs_attention)
        set_field(self, "sort_at", sort_at)
        set_field(self, "lead_id", lead_id)


class _Cursor(Protocol):
    def execute(self, sql: str, params: Sequence[Any] = ...) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def fetchone(self) -> Any: ...
    def close(self) -> None: ...


class ReadConnection:
    """Read-only queries of the board over one dedicated connection.

    Thread-safe: calls are serialised on a lock, so a worker thread and the
    poll can share one reader. ``PRAGMA data_version`` is per connection,
    which is why the reader keeps its own.
    """

    def __init__(self, store_url: StoreUrl) -> None:
        self._url = store_url
        self._lock = threading.Lock()
        self._placeholder = "?"
        #: Guards which query runs now (a PostgreSQL cancel must hit that one, not the next).
        self._running_lock = threading.Lock()
        self._queries = 0
        self._running = 0  # the number of the query running now; 0: none
        self._connection: Any = self._open()

    def _open(self) -> Any:
        if self._url.is_sqlite:
            assert self._url.sqlite_path is not None
            if not self._url.sqlite_path.exists():
                raise StoreUnavailableError(reason="missing")
            try:
                connection = sqlite3.connect(
                    self._url.sqlite_path,
                    timeout=BUSY_TIMEOUT_MS / 1000,
                    check_same_thread=False,
                    isolation_level=None,
                )
                connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                connection.execute("PRAGMA query_only = 1")
            except sqlite3.Error as error:
                raise StoreUnavailableError(reason=type(error).__name__) from error
            return connection
        import psycopg  # only PostgreSQL stores pay for this import

        assert self._url.pg_conninfo is not None
        self._placeholder = "%s"
        try:
            return psycopg.connect(self._url.pg_conninfo, autocommit=True)
        except psycopg.Error as error:
            raise StoreUnavailableError(reason=type(error).__name__) from error

    def close(self) -> None:
        """Close the reader's connection."""
        with self._lock:
            self._connection.close()

    def sibling(self) -> Self:
        """A new reader on the same store, with its own connection (close it after use)."""
        return type(self)(self._url)

    @property
    def is_sqlite(self) -> bool:
        """Whether the store is a SQLite file (else PostgreSQL)."""
        return self._url.is_sqlite

    def execute(self, sql: str) -> None:
        """Run a statement that returns no rows (``BEGIN``, ``ROLLBACK``…)."""
        with self._lock:
            self._started()
            try:
                self._connection.execute(sql)
            except (sqlite3.Error, _pg_error()) as error:
                raise StoreUnavailableError(reason=type(error).__name__) from error
            finally:
                self._ended()

    def interrupt(self) -> None:
        """Stop the query this reader runs now, from another thread.

        The interrupted query raises :class:`StoreUnavailableError` in its own
        thread; with no query running this does nothing. SQLite stops it at
        once (``sqlite3.Connection.interrupt``). PostgreSQL is sent a cancel
        request (``psycopg``'s ``cancel_safe``) from a thread of its own, so
        the caller (the UI thread) never waits on the network; the request is
        sent only while that same query still runs, so a query that ended
        meanwhile lets the next one run untouched.
        """
        if self._url.is_sqlite:
            self._connection.interrupt()
            return
        with self._running_lock:
            running = self._running
        if running:
            threading.Thread(
                target=self._cancel, args=(running,), name="cockpit-read-cancel", daemon=True
            ).start()

    def _cancel(self, query: int) -> None:
        """Cancel query number ``query`` on PostgreSQL if it still runs."""
        with self._running_lock:  # the next query cannot start until the request is sent
            if self._running != query:
                return
            try:
                self._connection.cancel_safe(timeout=CANCEL_TIMEOUT_SECONDS)
            except _pg_error():
                pass  # not cancelled: the stale read runs to its end, as it did before

    def _started(self) -> None:
        with self._running_lock:
            self._queries += 1
            self._running = self._queries

    def _ended(self) -> None:
        with self._running_lock:
            self._running = 0

    def _sql(self, sql: str) -> str:
        return sql if self._placeholder == "?" else sql.replace("?", "%s")

    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Run a read query and return all rows as tuples."""
        with self._lock:
            cursor: _Cursor = self._connection.cursor()
            self._started()
            try:
                cursor.execute(self._sql(sql), tuple(params))
                return [tuple(row) for row in cursor.fetchall()]
            except (sqlite3.Error, _pg_error()) as error:
                raise StoreUnavailableError(reason=type(error).__name__) from error
            finally:
                self._ended()
                cursor.close()

    def fetchone(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        """Run a read query and return its first row, or None."""
        rows = self.fetchall(sql, params)
        return rows[0] if rows else None


def _pg_error() -> type[Exception]:
    """psycopg's base error if psycopg is loaded, else an error never raised."""
    import sys

    module = sys.modules.get("psycopg")
    error: type[Exception] = (
        getattr(module, "Error", _NeverRaisedError) if module else _NeverRaisedError
    )
    return error


class _NeverRaisedError(Exception):
    """Stands in for psycopg.Error when psycopg is not loaded."""
