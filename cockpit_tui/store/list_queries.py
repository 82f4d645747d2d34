"""The list view's reads: every lead in one order, a page at a time, by keyset.

An order is a tuple of SQL expressions compared as a row value, all in one
direction, ending with the lead id so every position is unique. The default
order (attention, across all statuses) has its own index; the others sort
on the fly, which stays well under a page's budget at 100,000 leads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cockpit_tui.store.reader import CARD_COLUMNS, Clause, Row, StoreReader

_FROM = f"SELECT {CARD_COLUMNS} FROM lead l JOIN customer c ON c.id = l.customer_id"
_COUNT_FROM = "SELECT COUNT(*) FROM lead l JOIN customer c ON c.id = l.customer_id"


@dataclass(frozen=True, slots=True)
class ListOrder:
    """One order of the list.

    Attributes:
        keys: SQL expressions over ``l`` (lead) and ``c`` (customer), never NULL.
        descending: Whether the list runs from the largest key to the smallest.
        status: Only leads of this status code, or all.
        where: Only the leads a search or filter keeps.
    """

    keys: tuple[str, ...]
    descending: bool
    status: str | None = None
    where: Clause | None = None

    def _where(self, extra: str = "") -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.status is not None:
            clauses.append("l.status = ?")
            params.append(self.status)
        if self.where is not None:
            clauses.append(f"({self.where.sql})")
            params += self.where.params
        if extra:
            clauses.append(extra)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def _order(self, *, reverse: bool = False) -> str:
        direction = "DESC" if self.descending != reverse else "ASC"
        return " ORDER BY " + ", ".join(f"{key} {direction}" for key in self.keys)

    def _tuple(self) -> str:
        return "(" + ", ".join(self.keys) + ")"

    @property
    def needs_customer(self) -> bool:
        """Whether a key reads the customer table (counting can skip the join otherwise)."""
        return any("c." in key for key in self.keys)

    def _marks(self) -> str:
        return "(" + ", ".join("?" for _ in self.keys) + ")"


def list_rows(
    reader: StoreReader,
    order: ListOrder,
    *,
    limit: int,
    offset: int = 0,
    after: Sequence[Any] | None = None,
    before: Sequence[Any] | None = None,
) -> list[Row]:
    """Card rows in ``order``: from ``offset``, or just after / before a key (keyset)."""
    if after is not None:
        comparison = "<" if order.descending else ">"
        where, params = order._where(f"{order._tuple()} {comparison} {order._marks()}")
        return reader.fetchall(f"{_FROM}{where}{order._order()} LIMIT ?", [*params, *after, limit])
    if before is not None:
        comparison = ">" if order.descending else "<"
        where, params = order._where(f"{order._tuple()} {comparison} {order._marks()}")
        rows = reader.fetchall(
            f"{_FROM}{where}{order._order(reverse=True)} LIMIT ?", [*params, *before, limit]
        )
        rows.reverse()
        return rows
    where, params = order._where()
    return reader.fetchall(
        f"{_FROM}{where}{order._order()} LIMIT ? OFFSET ?", [*params, limit, offset]
    )


def list_tail(reader: StoreReader, order: ListOrder, *, limit: int) -> list[Row]:
    """The last ``limit`` rows in ``order`` (read backwards, as cheap as the first page)."""
    where, params = order._where()
    rows = reader.fetchall(f"{_FROM}{where}{order._order(reverse=True)} LIMIT ?", [*params, limit])
    rows.reverse()
    return rows


def list_rank(reader: StoreReader, order: ListOrder, key: Sequence[Any]) -> int:
    """How many rows come before the row with ``key`` in ``order``."""
    comparison = ">" if order.descending else "<"
    where, params = order._where(f"{order._tuple()} {comparison} {order._marks()}")
    count_from = _COUNT_FROM if order.needs_customer else "SELECT COUNT(*) FROM lead l"
    row = reader.fetchone(f"{count_from}{where}", [*params, *key])
    return int(row[0]) if row else 0


def list_count(reader: StoreReader, order: ListOrder) -> int:
    """How many rows the list has (all leads, or those of the order's status)."""
    where, params = order._where()
    row = reader.fetchone(f"SELECT COUNT(*) FROM lead l{where}", params)
    return int(row[0]) if row else 0
