"""The board's search reads: every column's first cards and counts under a filter.

A search is matched once per read, not once per column: see :meth:`SearchReads.first_rows`.
"""

from __future__ import annotations

from cockpit_tui.store.read_connection import (
    BOARD_KEYS,
    CARD_COLUMNS,
    CARD_FROM,
    Clause,
    ReadConnection,
    Row,
)


class SearchReads(ReadConnection):
    """The reads a search or filter makes (the board's reader inherits them)."""

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
                f"ROW_NUMBER() OVER (PARTITION BY l.status ORDER BY {BOARD_KEYS}) AS place, "
                "COUNT(*) OVER (PARTITION BY l.status) AS total "
                "FROM (SELECT l.id, l.status, l.needs_attention, l.sort_at FROM lead l "
                f"WHERE {where.sql} LIMIT ?) l) "
                f"SELECT r.total, {CARD_COLUMNS} FROM ranked r JOIN lead l ON l.id = r.id "
                "JOIN customer c ON c.id = l.customer_id WHERE r.place <= ? "
                "ORDER BY l.status, r.place",
                (*where.params, cap + 1, limit),
            )
        ]

    def matching_rows(self, where: Clause, *, limit: int) -> list[Row]:
        """Card rows ``where`` keeps, those needing attention and most recent first."""
        return self.fetchall(
            f"{CARD_FROM} WHERE {where.sql} ORDER BY l.needs_attention DESC, l.sort_at DESC, "
            "l.id DESC LIMIT ?",
            (*where.params, limit),
        )

    def lead_matches(self, lead_id: int, where: Clause) -> bool:
        """Whether a lead exists and ``where`` keeps it."""
        row = self.fetchone(
            f"SELECT 1 FROM lead l WHERE l.id = ? AND ({where.sql})", (lead_id, *where.params)
        )
        return row is not None
