"""Where a page cache reads its cards from: one board column, or the list view's query.

A :class:`~cockpit_tui.services.column_window.ColumnWindow` only needs to read
cards after or before a card it holds (keyset), at a position, at the end,
and to know a card's position and the total; anything that can answer those
can be scrolled through at any size.
"""

from __future__ import annotations

from typing import Protocol

from cockpit_tui.domain.cards import LeadCard
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services.board import BoardService
from cockpit_tui.services.filtering import Where


class CardSource(Protocol):
    """An ordered sequence of cards, read a page at a time."""

    @property
    def status(self) -> Status | None:
        """The one status of every card, if the sequence is a column."""
        ...

    def after(self, card: LeadCard, *, limit: int) -> list[LeadCard]:
        """Up to ``limit`` cards that follow ``card`` (as the caller saw it)."""
        ...

    def before(self, card: LeadCard, *, limit: int) -> list[LeadCard]:
        """Up to ``limit`` cards that precede ``card``, in order."""
        ...

    def at(self, *, offset: int, limit: int) -> list[LeadCard]:
        """Up to ``limit`` cards from position ``offset``."""
        ...

    def last(self, *, limit: int) -> list[LeadCard]:
        """The last ``limit`` cards, in order."""
        ...

    def rank(self, card: LeadCard) -> int:
        """How many cards precede ``card``."""
        ...

    def total(self) -> int:
        """How many cards there are now."""
        ...


class ColumnSource:
    """The cards of one status in board order.

    Args:
        board: The board queries.
        status: The column.
        where: Only the leads a search or filter keeps.
    """

    def __init__(self, board: BoardService, status: Status, where: Where = None) -> None:
        self._board = board
        self._status = status
        self.where = where

    @property
    def status(self) -> Status:
        """The column's status."""
        return self._status

    def after(self, card: LeadCard, *, limit: int) -> list[LeadCard]:
        """See :meth:`CardSource.after`."""
        return self._board.cards_after(self._status, card, limit=limit, where=self.where)

    def before(self, card: LeadCard, *, limit: int) -> list[LeadCard]:
        """See :meth:`CardSource.before`."""
        return self._board.cards_before(self._status, card, limit=limit, where=self.where)

    def at(self, *, offset: int, limit: int) -> list[LeadCard]:
        """See :meth:`CardSource.at`."""
        return self._board.cards_at(self._status, offset=offset, limit=limit, where=self.where)

    def last(self, *, limit: int) -> list[LeadCard]:
        """See :meth:`CardSource.last`."""
        return self._board.last_cards(self._status, limit=limit, where=self.where)

    def rank(self, card: LeadCard) -> int:
        """See :meth:`CardSource.rank`."""
        return self._board.rank_of(card, self.where)

    def total(self) -> int:
        """See :meth:`CardSource.total`."""
        return self._board.counts(self.where)[self._status]
