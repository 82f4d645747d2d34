"""The list view's query: every lead in a chosen order, optionally one status."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from cockpit_tui.domain.models import LeadCard
from cockpit_tui.domain.statuses import STATUS_ORDER, Status
from cockpit_tui.services.cards import card_from_row, key_from_card
from cockpit_tui.services.filtering import clause_of
from cockpit_tui.store.codec import to_cents, to_micros
from cockpit_tui.store.handle import Store
from cockpit_tui.store.list_queries import ListOrder, list_count, list_rank, list_rows, list_tail
from cockpit_tui.store.reader import Clause

if TYPE_CHECKING:
    from cockpit_tui.services.board import Where


class ListSort(StrEnum):
    """What the list is sorted by; ``s`` cycles through them in this order."""

    ATTENTION = "attention"
    NAME = "name"
    STATUS = "status"
    VEHICLE = "vehicle"
    PRICE = "price"
    SOURCE = "source"
    SALESPERSON = "salesperson"
    ACTIVITY = "activity"
    ARRIVED = "arrived"

    def following(self) -> ListSort:
        """The next sort in the cycle."""
        members = list(ListSort)
        return members[(members.index(self) + 1) % len(members)]


_STATUS_RANK = (
    "CASE l.status "
    + " ".join(f"WHEN '{status.value}' THEN {status.position}" for status in STATUS_ORDER)
    + " END"
)

#: SQL keys of each sort and whether it runs from the largest value by default.
_ORDERS: dict[ListSort, tuple[tuple[str, ...], bool]] = {
    ListSort.ATTENTION: (("l.needs_attention", "l.sort_at", "l.id"), True),
    ListSort.NAME: (("c.name", "l.id"), False),
    ListSort.STATUS: ((_STATUS_RANK, "-l.needs_attention", "-l.sort_at", "-l.id"), False),
    ListSort.VEHICLE: (("COALESCE(l.vehicle, '')", "l.id"), False),
    ListSort.PRICE: (("COALESCE(l.price, -1)", "l.id"), True),
    ListSort.SOURCE: (("COALESCE(l.source, '')", "l.id"), False),
    ListSort.SALESPERSON: (("COALESCE(l.assigned_to, '')", "l.id"), False),
    ListSort.ACTIVITY: (("l.last_activity_at", "l.id"), True),
    ListSort.ARRIVED: (("l.created_at", "l.id"), True),
}


def _key(sort: ListSort, card: LeadCard) -> tuple[Any, ...]:
    """The values of ``sort``'s SQL keys for a card as the caller saw it (no query)."""
    board = key_from_card(card)
    if sort is ListSort.ATTENTION:
        return (board.needs_attention, board.sort_at, card.id)
    if sort is ListSort.NAME:
        return (card.customer_name, card.id)
    if sort is ListSort.STATUS:
        return (card.status.position, -board.needs_attention, -board.sort_at, -card.id)
    if sort is ListSort.VEHICLE:
        return (card.vehicle or "", card.id)
    if sort is ListSort.PRICE:
        return (-1 if card.price is None else to_cents(card.price), card.id)
    if sort is ListSort.SOURCE:
        return (card.source or "", card.id)
    if sort is ListSort.SALESPERSON:
        return (card.assigned_to or "", card.id)
    if sort is ListSort.ACTIVITY:
        return (to_micros(card.last_activity_at), card.id)
    return (to_micros(card.created_at), card.id)


@dataclass(frozen=True, slots=True)
class ListQuery:
    """What the list shows.

    Attributes:
        sort: The sort column.
        reverse: Run the sort the other way round from its natural direction.
        status: Only this status (keys 1–6), or every lead (0).
    """

    sort: ListSort = ListSort.ATTENTION
    reverse: bool = False
    status: Status | None = None

    def with_status(self, status: Status | None) -> ListQuery:
        """The same list for another status filter."""
        return replace(self, status=status)

    def next_sort(self) -> ListQuery:
        """The next sort column, in its natural direction."""
        return replace(self, sort=self.sort.following(), reverse=False)

    def reversed(self) -> ListQuery:
        """The same sort the other way round."""
        return replace(self, reverse=not self.reverse)

    @property
    def descending(self) -> bool:
        """Whether the list runs from the largest key down."""
        return _ORDERS[self.sort][1] != self.reverse

    def order(self, where: Clause | None = None) -> ListOrder:
        """The query's order for the store, for the leads of ``where`` only."""
        keys, natural = _ORDERS[self.sort]
        status = self.status.value if self.status else None
        return ListOrder(keys, natural != self.reverse, status, where)


class ListSource:
    """The leads of a :class:`ListQuery`, for a page cache (see ``card_source``).

    Args:
        store: The open store.
        query: What to list.
        where: Only the leads a search or filter keeps.
    """

    status = None

    def __init__(self, store: Store, query: ListQuery, where: Where = None) -> None:
        self._reader = store.reader
        self.query = query
        self.where = clause_of(where)
        self._order = query.order(self.where)

    def after(self, card: LeadCard, *, limit: int) -> list[LeadCard]:
        """See :meth:`CardSource.after`."""
        key = _key(self.query.sort, card)
        rows = list_rows(self._reader, self._order, limit=limit, after=key)
        return [card_from_row(row) for row in rows]

    def before(self, card: LeadCard, *, limit: int) -> list[LeadCard]:
        """See :meth:`CardSource.before`."""
        key = _key(self.query.sort, card)
        rows = list_rows(self._reader, self._order, limit=limit, before=key)
        return [card_from_row(row) for row in rows]

    def at(self, *, offset: int, limit: int) -> list[LeadCard]:
        """See :meth:`CardSource.at`."""
        rows = list_rows(self._reader, self._order, limit=limit, offset=offset)
        return [card_from_row(row) for row in rows]

    def last(self, *, limit: int) -> list[LeadCard]:
        """See :meth:`CardSource.last`."""
        return [card_from_row(row) for row in list_tail(self._reader, self._order, limit=limit)]

    def rank(self, card: LeadCard) -> int:
        """See :meth:`CardSource.rank`."""
        return list_rank(self._reader, self._order, _key(self.query.sort, card))

    def total(self) -> int:
        """See :meth:`CardSource.total`."""
        return list_count(self._reader, self._order)

    def contains(self, card: LeadCard) -> bool:
        """Whether the card is in this list (its status filter and any search or filter)."""
        if self.query.status is not None and card.status is not self.query.status:
            return False
        if self.where is None:
            return True
        row = self._reader.fetchone(
            f"SELECT 1 FROM lead l WHERE l.id = ? AND ({self.where.sql})",
            (card.id, *self.where.params),
        )
        return row is not None
