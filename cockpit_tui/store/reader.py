"""The board's read path: plain DB-API queries, no ORM.

Importing SQLAlchemy and SQLModel costs most of a second here, more than
the whole start-up budget, so what the board needs to paint (counts, a page
of a column, the change log, the poll) is read through ``sqlite3`` or
``psycopg`` directly. Writes go through the ORM, imported when first needed.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from cockpit_tui.domain.errors import StoreUnavailableError
from cockpit_tui.store.limits import BUSY_TIMEOUT_MS
from cockpit_tui.store.urls import StoreUrl

Row = tuple[Any, ...]

#: Columns of a lead card, in the order :mod:`cockpit_tui.services.cards` reads them.
CARD_COLUMNS = (
    "l.id, l.version, l.status, l.customer_id, c.name, c.phone, c.email, l.vehicle, "
    "l.price, l.source, l.assigned_to, l.created_at, l.last_activity_at, "
    "l.attention_at, l.unread_count, l.next_appointment_at, l.needs_attention, l.sort_at, "
    "l.waiting_since, l.response_due_soon_at, l.response_due_at, l.first_response_at, "
    "l.first_response_seconds"
)
_CARD_FROM = f"SELECT {CARD_COLUMNS} FROM lead l JOIN customer c ON c.id = l.customer_id"
_BOARD_KEYS = "l.needs_attention DESC, l.sort_at DESC, l.id DESC"
_BOARD_ORDER = f"ORDER BY {_BOARD_KEYS}"
_REVERSED_ORDER = "ORDER BY l.needs_attention, l.sort_at, l.id"
# Naming every status lets queries on attention use the board index.
_ALL_STATUSES = "'new', 'negotiating', 'awaiting_visit', 'visited', 'sold', 'lost'"


@dataclass(frozen=True, slots=True)
class Clause:
    """A condition over ``l`` (the lead), with its parameters, added to board queries.

    Attributes:
        sql: The condition, e.g. ``l.assigned_to = ?``.
        params: Values of its placeholders, in order.
    """

    sql: str
    params: tuple[Any, ...] = ()


def _and(where: Clause | None) -> tuple[str, tuple[Any, ...]]:
    """`` AND (condition)`` and its parameters, or nothing."""
    return (f" AND ({where.sql})", where.params) if where is not None else ("", ())


@dataclass(frozen=True, slots=True)
class BoardKey:
    """Position of a card in its column's order, for keyset paging."""

    needs_attention: int
    sort_at: int
    lead_id: int


class _Cursor(Protocol):
    def execute(self, sql: str, params: Sequence[Any] = ...) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def fetchone(self) -> Any: ...
    def close(self) -> None: ...


class StoreReader:
    """Read-only queries of the board over one dedicated connection.

    Thread-safe: calls are serialised on a lock, so a worker thread and the
    poll can share one reader. ``PRAGMA data_version`` is per connection,
    which is why the reader keeps its own.
    """

    def __init__(self, store_url: StoreUrl) -> None:
        self._url = store_url
        self._lock = threading.Lock()
        self._placeholder = "?"
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

    def sibling(self) -> StoreReader:
        """A new reader on the same store, with its own connection (close it after use)."""
        return StoreReader(self._url)

    @property
    def is_sqlite(self) -> bool:
        """Whether the store is a SQLite file (else PostgreSQL)."""
        return self._url.is_sqlite

    def execute(self, sql: str) -> None:
        """Run a statement that returns no rows (``BEGIN``, ``ROLLBACK``…)."""
        with self._lock:
            try:
                self._connection.execute(sql)
            except (sqlite3.Error, _pg_error()) as error:
                raise StoreUnavailableError(reason=type(error).__name__) from error

    def _sql(self, sql: str) -> str:
        return sql if self._placeholder == "?" else sql.replace("?", "%s")

    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Run a read query and return all rows as tuples."""
        with self._lock:
            cursor: _Cursor = self._connection.cursor()
            try:
                cursor.execute(self._sql(sql), tuple(params))
                return [tuple(row) for row in cursor.fetchall()]
            except (sqlite3.Error, _pg_error()) as error:
                raise StoreUnavailableError(reason=type(error).__name__) from error
            finally:
                cursor.close()

    def fetchone(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        """Run a read query and return its first row, or None."""
        rows = self.fetchall(sql, params)
        return rows[0] if rows else None

    # -- the board's queries -------------------------------------------------

    def schema_version(self) -> int:
        """The schema version, 0 when the database has no schema yet."""
        if self._url.is_sqlite:
            exists = self.fetchone(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version'"
            )
        else:
            exists = self.fetchone("SELECT to_regclass('schema_version')::text")
            exists = exists if exists and exists[0] else None
        if not exists:
            return 0
        row = self.fetchone("SELECT MAX(version) FROM schema_version")
        return int(row[0]) if row and row[0] is not None else 0

    def counts(self, where: Clause | None = None) -> dict[str, int]:
        """Leads per status code (statuses with no lead are absent), those of ``where`` only."""
        if where is not None:
            rows = self.fetchall(
                f"SELECT l.status, COUNT(*) FROM lead l WHERE {where.sql} GROUP BY l.status",
                where.params,
            )
            return {str(status): int(count) for status, count in rows}
        rows = self.fetchall("SELECT status, COUNT(*) FROM lead GROUP BY status")
        return {str(status): int(count) for status, count in rows}

    def asking_totals(self, where: Clause | None = None) -> dict[str, int]:
        """Total asking price in cents per status code (statuses with no lead are absent)."""
        clause = f" WHERE {where.sql}" if where is not None else ""
        rows = self.fetchall(
            f"SELECT l.status, COALESCE(SUM(l.price), 0) FROM lead l{clause} GROUP BY l.status",
            where.params if where is not None else [],
        )
        return {str(status): int(total) for status, total in rows}

    def column_rows(
        self,
        status: str,
        *,
        limit: int,
        offset: int = 0,
        after: BoardKey | None = None,
        before: BoardKey | None = None,
        where: Clause | None = None,
    ) -> list[Row]:
        """Card rows of one column in board order.

        Args:
            status: The column's status code.
            limit: Most rows to return.
            offset: Rows to skip (for jumps); ignored when ``after`` or ``before`` is given.
            after: Return the rows that follow this card (keyset paging down).
            before: Return the rows that precede this card, still in board
                order (keyset paging up).
            where: Only the leads it holds for (search, filters).
        """
        extra, extra_params = _and(where)
        if after is not None:
            return self.fetchall(
                f"{_CARD_FROM} WHERE l.status = ?{extra} "
                "AND (l.needs_attention, l.sort_at, l.id) < (?, ?, ?) "
                f"{_BOARD_ORDER} LIMIT ?",
                (status, *extra_params, after.needs_attention, after.sort_at, after.lead_id, limit),
            )
        if before is not None:
            rows = self.fetchall(
                f"{_CARD_FROM} WHERE l.status = ?{extra} "
                "AND (l.needs_attention, l.sort_at, l.id) > (?, ?, ?) "
                f"{_REVERSED_ORDER} LIMIT ?",
                (
                    status,
                    *extra_params,
                    before.needs_attention,
                    before.sort_at,
                    before.lead_id,
                    limit,
                ),
            )
            rows.reverse()
            return rows
        return self.fetchall(
            f"{_CARD_FROM} WHERE l.status = ?{extra} {_BOARD_ORDER} LIMIT ? OFFSET ?",
            (status, *extra_params, limit, offset),
        )

    def first_rows(self, where: Clause, *, limit: int, cap: int) -> list[tuple[int, Row]]:
        """Each column's first ``limit`` card rows under ``where``, with its count, in one read.

        One match of ``where`` (a search runs its trigram look-up once, not once
        per column and once more for the counts), ranked per status in board
        order. Only the first ``cap + 1`` matches are ranked: when the counts
        add up to more than ``cap`` the match was cut, and the caller reads
        the columns one by one instead (a broad match fills each column's
        first page early in the board's own index). Statuses ``where``
        leaves empty have no row.

        Returns:
            ``(count of the row's column, card row)``, column by column, each in board order.
        """
        return [
            (int(row[0]), row[1:])
            for row in self.fetchall(
                "WITH ranked AS (SELECT l.id AS id, "
                f"ROW_NUMBER() OVER (PARTITION BY l.status ORDER BY {_BOARD_KEYS}) AS place, "
                "COUNT(*) OVER (PARTITION BY l.status) AS total "
                "FROM (SELECT l.id, l.status, l.needs_attention, l.sort_at FROM lead l "
                f"WHERE {where.sql} LIMIT ?) l) "
                f"SELECT r.total, {CARD_COLUMNS} FROM ranked r JOIN lead l ON l.id = r.id "
                "JOIN customer c ON c.id = l.customer_id WHERE r.place <= ? "
                "ORDER BY l.status, r.place",
                (*where.params, cap + 1, limit),
            )
        ]

    def column_tail(self, status: str, *, limit: int, where: Clause | None = None) -> list[Row]:
        """The last ``limit`` card rows of a column, in board order.

        Read backwards on the same index, so jumping to the end of a column of
        100,000 cards costs what reading its first page does.
        """
        extra, extra_params = _and(where)
        rows = self.fetchall(
            f"{_CARD_FROM} WHERE l.status = ?{extra} {_REVERSED_ORDER} LIMIT ?",
            (status, *extra_params, limit),
        )
        rows.reverse()
        return rows

    def in_time_rows(self, *, now: int, limit: int, where: Clause | None = None) -> list[Row]:
        """Leads waiting for a response still inside their SLA, the nearest deadline first.

        An index range on ``ix_lead_response_due`` (``now`` in µs).
        """
        extra, extra_params = _and(where)
        return self.fetchall(
            f"{_CARD_FROM} WHERE l.waiting_since IS NOT NULL AND l.response_due_at > ?{extra} "
            "ORDER BY l.response_due_at, l.id LIMIT ?",
            (now, *extra_params, limit),
        )

    def breached_rows(self, *, now: int, limit: int, where: Clause | None = None) -> list[Row]:
        """Leads waiting past their SLA, the most recently breached first."""
        extra, extra_params = _and(where)
        return self.fetchall(
            f"{_CARD_FROM} WHERE l.waiting_since IS NOT NULL AND l.response_due_at <= ?{extra} "
            "ORDER BY l.response_due_at DESC, l.id DESC LIMIT ?",
            (now, *extra_params, limit),
        )

    def breached_count(self, *, now: int) -> int:
        """How many leads wait past their SLA at ``now`` (µs)."""
        row = self.fetchone(
            "SELECT COUNT(*) FROM lead WHERE waiting_since IS NOT NULL AND response_due_at <= ?",
            (now,),
        )
        return int(row[0]) if row else 0

    def urgent_rows(self, *, limit: int, where: Clause | None = None) -> list[Row]:
        """Leads on top for attention: unread replies first, then new leads.

        Each group is ordered by how long it has waited, longest first.
        """
        extra, extra_params = _and(where)
        return self.fetchall(
            f"{_CARD_FROM} WHERE l.status IN ({_ALL_STATUSES}) AND l.needs_attention = 1{extra} "
            "ORDER BY CASE WHEN l.unread_count > 0 THEN 0 ELSE 1 END, l.sort_at, l.id LIMIT ?",
            (*extra_params, limit),
        )

    def due_appointment_rows(
        self, *, until: int, limit: int, where: Clause | None = None
    ) -> list[Row]:
        """Leads whose next appointment is due by ``until`` (µs), earliest first."""
        extra, extra_params = _and(where)
        return self.fetchall(
            f"{_CARD_FROM} WHERE l.next_appointment_at IS NOT NULL "
            f"AND l.next_appointment_at <= ?{extra} ORDER BY l.next_appointment_at, l.id LIMIT ?",
            (until, *extra_params, limit),
        )

    def waiting_rows(self, *, limit: int, where: Clause | None = None) -> list[Row]:
        """Every other lead, the one waiting longest (oldest last activity) first."""
        extra, extra_params = _and(where)
        return self.fetchall(
            f"{_CARD_FROM} WHERE l.status IN ({_ALL_STATUSES}) AND l.needs_attention = 0{extra} "
            "ORDER BY l.sort_at, l.id LIMIT ?",
            (*extra_params, limit),
        )

    def all_rows_in_board_order(self, status: str | None = None) -> list[Row]:
        """Every card row, column by column, each column in board order."""
        order = (
            "CASE l.status WHEN 'new' THEN 1 WHEN 'negotiating' THEN 2 "
            "WHEN 'awaiting_visit' THEN 3 WHEN 'visited' THEN 4 WHEN 'sold' THEN 5 ELSE 6 END"
        )
        if status is not None:
            return self.fetchall(f"{_CARD_FROM} WHERE l.status = ? {_BOARD_ORDER}", (status,))
        return self.fetchall(
            f"{_CARD_FROM} ORDER BY {order}, l.needs_attention DESC, l.sort_at DESC, l.id DESC"
        )

    def attention_count(self) -> int:
        """Leads that need an interaction (on top of their column)."""
        row = self.fetchone(
            f"SELECT COUNT(*) FROM lead WHERE status IN ({_ALL_STATUSES}) AND needs_attention = 1"
        )
        return int(row[0]) if row else 0

    def card_row(self, lead_id: int, where: Clause | None = None) -> Row | None:
        """One lead's card row (None if it does not exist, or ``where`` leaves it out)."""
        extra, extra_params = _and(where)
        return self.fetchone(f"{_CARD_FROM} WHERE l.id = ?{extra}", (lead_id, *extra_params))

    def lead_matches(self, lead_id: int, where: Clause) -> bool:
        """Whether a lead exists and ``where`` keeps it."""
        row = self.fetchone(
            f"SELECT 1 FROM lead l WHERE l.id = ? AND ({where.sql})", (lead_id, *where.params)
        )
        return row is not None

    def rank_in_column(self, status: str, key: BoardKey, where: Clause | None = None) -> int:
        """How many cards come before ``key`` in its column (its 0-based index)."""
        extra, extra_params = _and(where)
        row = self.fetchone(
            f"SELECT COUNT(*) FROM lead l WHERE l.status = ?{extra} "
            "AND (l.needs_attention, l.sort_at, l.id) > (?, ?, ?)",
            (status, *extra_params, key.needs_attention, key.sort_at, key.lead_id),
        )
        return int(row[0]) if row else 0

    def last_mover(self, lead_id: int) -> str | None:
        """Who made the lead's latest move (None: never moved)."""
        row = self.fetchone(
            "SELECT actor FROM status_change WHERE lead_id = ? ORDER BY id DESC LIMIT 1",
            (lead_id,),
        )
        return str(row[0]) if row else None

    def last_change_id(self) -> int:
        """The newest change-log id, 0 for an empty log."""
        row = self.fetchone("SELECT MAX(id) FROM change_log")
        return int(row[0]) if row and row[0] is not None else 0

    def changes_since(self, after_id: int, *, limit: int = 1000) -> list[Row]:
        """Change-log rows newer than ``after_id``, oldest first."""
        return self.fetchall(
            "SELECT id, kind, lead_id, actor, at FROM change_log WHERE id > ? ORDER BY id LIMIT ?",
            (after_id, limit),
        )

    def matching_rows(self, where: Clause, *, limit: int) -> list[Row]:
        """Card rows ``where`` keeps, those needing attention and most recent first."""
        return self.fetchall(
            f"{_CARD_FROM} WHERE {where.sql} ORDER BY l.needs_attention DESC, l.sort_at DESC, "
            "l.id DESC LIMIT ?",
            (*where.params, limit),
        )

    def sources(self) -> list[str]:
        """Every lead source in the store, alphabetically."""
        rows = self.fetchall("SELECT DISTINCT source FROM lead WHERE source IS NOT NULL")
        return sorted((str(row[0]) for row in rows), key=str.casefold)

    def is_team_member(self, name: str) -> bool:
        """Whether a salesperson of that exact name is on the store's team."""
        return self.fetchone("SELECT 1 FROM team_member WHERE name = ?", (name,)) is not None

    def setting(self, key: str) -> str | None:
        """A store setting's value."""
        row = self.fetchone("SELECT value FROM store_setting WHERE key = ?", (key,))
        return str(row[0]) if row else None

    def data_version(self) -> int:
        """A number that changes when another connection commits.

        SQLite's ``PRAGMA data_version`` costs microseconds; on PostgreSQL the
        newest change-log id plays the same role.
        """
        if self._url.is_sqlite:
            row = self.fetchone("PRAGMA data_version")
            return int(row[0]) if row else 0
        return self.last_change_id()


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
