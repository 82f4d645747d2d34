"""The list view's sort orders: one table giving each order's SQL and its keyset key.

Each key of an order is an SQL expression next to the function that reads
the same value off a card as the caller saw it, so the ``ORDER BY`` and the
key a page continues after come from one row of :data:`LIST_ORDERS` and
cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cockpit_tui.domain.list_sort import ListSort
from cockpit_tui.domain.models import LeadCard
from cockpit_tui.domain.statuses import STATUS_ORDER
from cockpit_tui.store.board_keys import board_key
from cockpit_tui.store.codec import to_cents, to_micros
from cockpit_tui.store.list_queries import ListOrder
from cockpit_tui.store.reader import Clause


@dataclass(frozen=True, slots=True)
class SortKey:
    """One key of an order.

    Attributes:
        sql: The expression over ``l`` (lead) and ``c`` (customer); never NULL.
        of_card: The same value read off a card.
    """

    sql: str
    of_card: Callable[[LeadCard], Any]


@dataclass(frozen=True, slots=True)
class SortSpec:
    """An order of the list.

    Attributes:
        keys: Compared as a row value, ending with the lead id (every position unique).
        descending: Whether it runs from the largest key down in its natural direction.
    """

    keys: tuple[SortKey, ...]
    descending: bool


_STATUS_RANK = (
    "CASE l.status "
    + " ".join(f"WHEN '{status.value}' THEN {status.position}" for status in STATUS_ORDER)
    + " END"
)
_ID = SortKey("l.id", lambda card: card.id)
#: Leads waiting for nothing sort after every waiting one (the largest BIGINT).
_NOT_WAITING = 9223372036854775807

#: Every order of the list, by what it sorts on.
LIST_ORDERS: dict[ListSort, SortSpec] = {
    ListSort.ATTENTION: SortSpec(
        (
            SortKey("l.needs_attention", lambda card: board_key(card).needs_attention),
            SortKey("l.sort_at", lambda card: board_key(card).sort_at),
            _ID,
        ),
        descending=True,
    ),
    ListSort.NAME: SortSpec((SortKey("c.name", lambda card: card.customer_name), _ID), False),
    ListSort.STATUS: SortSpec(
        (
            SortKey(_STATUS_RANK, lambda card: card.status.position),
            SortKey("-l.needs_attention", lambda card: -board_key(card).needs_attention),
            SortKey("-l.sort_at", lambda card: -board_key(card).sort_at),
            SortKey("-l.id", lambda card: -card.id),
        ),
        descending=False,
    ),
    ListSort.VEHICLE: SortSpec(
        (SortKey("COALESCE(l.vehicle, '')", lambda card: card.vehicle or ""), _ID), False
    ),
    ListSort.PRICE: SortSpec(
        (
            SortKey(
                "COALESCE(l.price, -1)",
                lambda card: -1 if card.price is None else to_cents(card.price),
            ),
            _ID,
        ),
        descending=True,
    ),
    ListSort.SOURCE: SortSpec(
        (SortKey("COALESCE(l.source, '')", lambda card: card.source or ""), _ID), False
    ),
    ListSort.SALESPERSON: SortSpec(
        (SortKey("COALESCE(l.assigned_to, '')", lambda card: card.assigned_to or ""), _ID), False
    ),
    ListSort.ACTIVITY: SortSpec(
        (SortKey("l.last_activity_at", lambda card: to_micros(card.last_activity_at)), _ID), True
    ),
    ListSort.ARRIVED: SortSpec(
        (SortKey("l.created_at", lambda card: to_micros(card.created_at)), _ID), True
    ),
    # The earliest start waits longest, in business time too (it only grows with wall time).
    ListSort.WAIT: SortSpec(
        (
            SortKey(
                f"COALESCE(l.waiting_since, {_NOT_WAITING})",
                lambda card: (
                    _NOT_WAITING if card.waiting_since is None else to_micros(card.waiting_since)
                ),
            ),
            _ID,
        ),
        descending=False,
    ),
}


def list_order(
    sort: ListSort, *, reverse: bool, status: str | None, where: Clause | None
) -> ListOrder:
    """The store's order for a sort, run the other way with ``reverse``, narrowed."""
    spec = LIST_ORDERS[sort]
    keys = tuple(key.sql for key in spec.keys)
    return ListOrder(keys, spec.descending != reverse, status, where)


def list_key(sort: ListSort, card: LeadCard) -> tuple[Any, ...]:
    """The values of ``sort``'s keys for a card as the caller saw it (no query)."""
    return tuple(key.of_card(card) for key in LIST_ORDERS[sort].keys)
