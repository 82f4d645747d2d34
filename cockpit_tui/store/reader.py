"""The board's read path: plain DB-API queries, no ORM.

Importing SQLAlchemy and SQLModel costs most of a second here, more than
the whole start-up budget, so what the board needs to paint (counts, a page
of a column, the change log, the poll) is read through ``sqlite3`` or
``psycopg`` directly (the connection: :mod:`cockpit_tui.store.read_connection`;
the search's reads: :mod:`cockpit_tui.store.search_reads`). Writes go
through the ORM, imported when first needed.
"""

from __future__ import annotations

from cockpit_tui.store.read_connection import (
    ALL_STATUSES,
    BOARD_ORDER,
    CARD_COLUMNS,
    CARD_FROM,
    REVERSED_ORDER,
    BoardKey,
    Clause,
    Row,
    and_clause,
)
from cockpit_tui.store.search_reads import SearchReads

__all__ = ["CARD_COLUMNS", "BoardKey", "Clause", "Row", "StoreReader"]

# Every lead per status as six range counts over the status index, not one GROUP BY: at
# 100,000 leads ~11 ms instead of ~15 (the GROUP BY scans the index and sorts into groups).
# The schema's CHECK allows these six statuses only, so the totals are the same.
_COUNT_EACH_STATUS = " UNION ALL ".join(
    f"SELECT {code}, COUNT(*) FROM lead WHERE status = {code}"
    for code in (quoted.strip() for quoted in ALL_STATUSES.split(","))
)


class StoreReader(SearchReads):
    """Read-only queries of the board over one dedicated connection.

    Thread-safe: calls are serialised on a lock, so a worker thread and the
    poll can share one reader. ``PRAGMA data_version`` is per connection,
    which is why the reader keeps its own.
    """

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
        rows = self.fetchall(_COUNT_EACH_STATUS)
        return {str(status): int(count) for status, count in rows if count}

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
        extra, extra_params = and_clause(where)
        if after is not None:
            return self.fetchall(
                f"{CARD_FROM} WHERE l.status = ?{extra} "
                "AND (l.needs_attention, l.sort_at, l.id) < (?, ?, ?) "
                f"{BOARD_ORDER} LIMIT ?",
                (status, *extra_params, after.needs_attention, after.sort_at, after.lead_id, limit),
            )
        if before is not None:
            rows = self.fetchall(
                f"{CARD_FROM} WHERE l.status = ?{extra} "
                "AND (l.needs_attention, l.sort_at, l.id) > (?, ?, ?) "
                f"{REVERSED_ORDER} LIMIT ?",
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
            f"{CARD_FROM} WHERE l.status = ?{extra} {BOARD_ORDER} LIMIT ? OFFSET ?",
            (status, *extra_params, limit, offset),
        )

    def column_tail(self, status: str, *, limit: int, where: Clause | None = None) -> list[Row]:
        """The last ``limit`` card rows of a column, in board order.

        Read backwards on the same index, so jumping to the end of a column of
        100,000 cards costs what reading its first page does.
        """
        extra, extra_params = and_clause(where)
        rows = self.fetchall(
            f"{CARD_FROM} WHERE l.status = ?{extra} {REVERSED_ORDER} LIMIT ?",
            (status, *extra_params, limit),
        )
        rows.reverse()
        return rows

    def in_time_rows(self, *, now: int, limit: int, where: Clause | None = None) -> list[Row]:
        """Leads waiting for a response still inside their SLA, the nearest deadline first.

        An index range on ``ix_lead_response_due`` (``now`` in µs).
        """
        extra, extra_params = and_clause(where)
        return self.fetchall(
            f"{CARD_FROM} WHERE l.waiting_since IS NOT NULL AND l.response_due_at > ?{extra} "
            "ORDER BY l.response_due_at, l.id LIMIT ?",
            (now, *extra_params, limit),
        )

    def breached_rows(self, *, now: int, limit: int, where: Clause | None = None) -> list[Row]:
        """Leads waiting past their SLA, the most recently breached first."""
        extra, extra_params = and_clause(where)
        return self.fetchall(
            f"{CARD_FROM} WHERE l.waiting_since IS NOT NULL AND l.response_due_at <= ?{extra} "
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
        extra, extra_params = and_clause(where)
        return self.fetchall(
            f"{CARD_FROM} WHERE l.status IN ({ALL_STATUSES}) AND l.needs_attention = 1{extra} "
            "ORDER BY CASE WHEN l.unread_count > 0 THEN 0 ELSE 1 END, l.sort_at, l.id LIMIT ?",
            (*extra_params, limit),
        )

    def due_appointment_rows(
        self, *, until: int, limit: int, where: Clause | None = None
    ) -> list[Row]:
        """Leads whose next appointment is due by ``until`` (µs), earliest first."""
        extra, extra_params = and_clause(where)
        return self.fetchall(
            f"{CARD_FROM} WHERE l.next_appointment_at IS NOT NULL "
            f"AND l.next_appointment_at <= ?{extra} ORDER BY l.next_appointment_at, l.id LIMIT ?",
            (until, *extra_params, limit),
        )

    def waiting_rows(self, *, limit: int, where: Clause | None = None) -> list[Row]:
        """Every other lead, the one waiting longest (oldest last activity) first."""
        extra, extra_params = and_clause(where)
        return self.fetchall(
            f"{CARD_FROM} WHERE l.status IN ({ALL_STATUSES}) AND l.needs_attention = 0{extra} "
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
            return self.fetchall(f"{CARD_FROM} WHERE l.status = ? {BOARD_ORDER}", (status,))
        return self.fetchall(
            f"{CARD_FROM} ORDER BY {order}, l.needs_attention DESC, l.sort_at DESC, l.id DESC"
        )

    def attention_count(self) -> int:
        """Leads that need an interaction (on top of their column)."""
        row = self.fetchone(
            f"SELECT COUNT(*) FROM lead WHERE status IN ({ALL_STATUSES}) AND needs_attention = 1"
        )
        return int(row[0]) if row else 0

    def card_row(self, lead_id: int, where: Clause | None = None) -> Row | None:
        """One lead's card row (None if it does not exist, or ``where`` leaves it out)."""
        extra, extra_params = and_clause(where)
        return self.fetchone(f"{CARD_FROM} WHERE l.id = ?{extra}", (lead_id, *extra_params))

    def rank_in_column(self, status: str, key: BoardKey, where: Clause | None = None) -> int:
        """How many cards come before ``key`` in its column (its 0-based index)."""
        extra, extra_params = and_clause(where)
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
