"""The list view's query: every lead in a chosen order, optionally one status.

The orders themselves (SQL and keyset key) live in :mod:`cockpit_tui.store.list_orders`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from cockpit_tui.domain.list_sort import ListSort
from cockpit_tui.domain.models import LeadCard
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services.card_rows import card_from_row
from cockpit_tui.services.filtering import Where, clause_of
from cockpit_tui.store.handle import Store
from cockpit_tui.store.list_orders import LIST_ORDERS, list_key, list_order
from cockpit_tui.store.list_queries import ListOrder, list_count, list_rank, list_rows, list_tail
from cockpit_tui.store.reader import Clause

__all__ = ["ListQuery", "ListSort", "ListSource"]


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
        return LIST_ORDERS[self.sort].descending != self.reverse

    def order(self, where: Clause | None = None) -> ListOrder:
        """The query's order for the store, for the leads of ``where`` only."""
        status = self.status.value if self.status else None
        return list_order(self.sort, reverse=self.reverse, status=status, where=where)


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
        key = list_key(self.query.sort, card)
        rows = list_rows(self._reader, self._order, limit=limit, after=key)
        return [card_from_row(row) for row in rows]

    def before(self, card: LeadCard, *, limit: int) -> list[LeadCard]:
        """See :meth:`CardSource.before`."""
        key = list_key(self.query.sort, card)
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
        return list_rank(self._reader, self._order, list_key(self.query.sort, card))

    def total(self) -> int:
        """See :meth:`CardSource.total`."""
        return list_count(self._reader, self._order)

    def contains(self, card: LeadCard) -> bool:
        """Whether the card is in this list (its status filter and any search or filter)."""
        if self.query.status is not None and card.status is not self.query.status:
            return False
        if self.where is None:
            return True
        return self._reader.lead_matches(card.id, self.where)
