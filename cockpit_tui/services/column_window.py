"""A page cache: the slice of a column (or of the list view) a screen has in memory.

A column of 100,000 cards is never read whole. The board keeps one
contiguous window of cards in order and grows it a page at a time as the
selection moves, reading by keyset (the card at the edge of the window is
the bookmark), so every read costs the same wherever the user is. The list
view uses the same cache over its own query (see :mod:`card_source`).
"""

from __future__ import annotations

from cockpit_tui.domain.cards import LeadCard
from cockpit_tui.domain.records import Record, set_field
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services.board import BoardService
from cockpit_tui.services.card_source import CardSource, ColumnSource

#: Cards read per query when the window grows.
PAGE_SIZE = 60
#: Most cards kept in memory per column.
CAPACITY = 600
#: Above this position a reload re-anchors on a card instead of using OFFSET.
_OFFSET_LIMIT = 2000


class WindowSpec(Record):
    """What a window holds, captured so a worker thread can re-read it.

    Attributes:
        source: Where the cards come from (thread-safe: it only runs queries).
        start: Position of the first card held.
        length: How many cards are held.
        anchor: The first card held, if any.
    """

    __slots__ = ("anchor", "length", "source", "start")
    source: CardSource
    start: int
    length: int
    anchor: LeadCard | None

    def __init__(
        self, source: CardSource, start: int, length: int, anchor: LeadCard | None
    ) -> None:
        set_field(self, "source", source)
        set_field(self, "start", start)
        set_field(self, "length", length)
        set_field(self, "anchor", anchor)


class WindowContent(Record):
    """A window's cards as read from the store.

    Attributes:
        start: Position of ``cards[0]`` in the column.
        cards: Cards in board order.
    """

    __slots__ = ("cards", "start")
    start: int
    cards: tuple[LeadCard, ...]

    def __init__(self, start: int, cards: tuple[LeadCard, ...]) -> None:
        set_field(self, "start", start)
        set_field(self, "cards", cards)


class ColumnWindow:
    """The cards of one column (or of the list) that a screen holds, filled on demand.

    Not thread-safe: the UI thread owns it. Workers re-read a window from a
    :class:`WindowSpec` with :func:`read_window` and hand back the result.

    Args:
        board: The board queries (with ``status``: a board column).
        status: The column.
        total: The current count.
        source: Any other ordered source of cards (the list view), instead of
            ``board`` and ``status``.
    """

    def __init__(
        self,
        board: BoardService | None = None,
        status: Status | None = None,
        *,
        total: int = 0,
        source: CardSource | None = None,
    ) -> None:
        if source is None:
            if board is None or status is None:
                raise TypeError("ColumnWindow needs a board and a status, or a source")
            source = ColumnSource(board, status)
        self.source = source
        self.status = source.status
        self.total = total
        self.start = 0
        self.cards: list[LeadCard] = []

    @property
    def end(self) -> int:
        """Position just after the last card held."""
        return self.start + len(self.cards)

    def card_at(self, index: int) -> LeadCard | None:
        """The card at ``index`` if it is held (never reads the store)."""
        if self.start <= index < self.end:
            return self.cards[index - self.start]
        return None

    def index_of(self, lead_id: int) -> int | None:
        """Where a lead is in the column, if it is held."""
        for offset, card in enumerate(self.cards):
            if card.id == lead_id:
                return self.start + offset
        return None

    def ensure(self, first: int, last: int) -> None:
        """Hold every card from ``first`` to ``last`` (inclusive, clamped to the column).

        Grows the window by keyset when the range touches it, reads the end of
        the column backwards for jumps near the end, and only uses OFFSET for
        a jump into the middle of a long column.
        """
        last = min(last, self.total - 1)
        first = max(0, min(first, last))
        if last < 0 or (self.start <= first and last < self.end):
            return
        if self.cards and self.start <= first <= self.end:
            wanted = last - self.end + 1 + PAGE_SIZE
            more = self.source.after(self.cards[-1], limit=wanted)
            self.cards.extend(more)
            if len(more) < wanted:  # the column is shorter than the count we had
                self.total = self.end
        elif self.cards and self.start - 1 <= last < self.end:
            wanted = self.start - first + PAGE_SIZE
            earlier = self.source.before(self.cards[0], limit=wanted)
            self.cards[:0] = earlier
            self.start = 0 if len(earlier) < wanted else self.start - len(earlier)
        elif first < PAGE_SIZE:
            # The top of the column (the first frame): read just past what is asked.
            self.cards = self.source.at(offset=0, limit=last + 1 + PAGE_SIZE // 3)
            self.start = 0
        elif self.total - first <= CAPACITY:
            tail = self.source.last(limit=self.total - max(0, first - PAGE_SIZE))
            self.cards = tail
            self.start = max(0, self.total - len(tail))
        else:
            begin = max(0, first - PAGE_SIZE // 2)
            self.cards = self.source.at(offset=begin, limit=last - begin + 1 + PAGE_SIZE)
            self.start = begin
        self._trim(keep_from=first, keep_to=last)

    def _trim(self, *, keep_from: int, keep_to: int) -> None:
        excess = len(self.cards) - CAPACITY
        if excess <= 0:
            return
        room_before = keep_from - self.start
        drop_front = min(excess, max(0, room_before - PAGE_SIZE))
        if drop_front:
            del self.cards[:drop_front]
            self.start += drop_front
            excess -= drop_front
        if excess > 0:
            keep = max(keep_to - self.start + 1 + PAGE_SIZE, CAPACITY)
            del self.cards[keep:]

    def spec(self) -> WindowSpec:
        """What this window holds, for :func:`read_window` in a worker."""
        return WindowSpec(
            self.source, self.start, max(len(self.cards), PAGE_SIZE), self.card_at(self.start)
        )

    def replace(self, content: WindowContent, total: int) -> None:
        """Take a fresh read of the window and the column's new count."""
        self.total = total
        self.start = content.start
        self.cards = list(content.cards)

    def read_fresh(self) -> WindowContent:
        """The held window as the store has it now (reads; changes nothing)."""
        return read_window(self.spec())

    def read_around(self, card: LeadCard, index: int) -> WindowContent:
        """The cards around ``card``, which is at ``index``, read by keyset from the card itself.

        As cheap ten thousand cards down a column as at its top (changes nothing).
        """
        before = self.source.before(card, limit=PAGE_SIZE // 2)
        after = self.source.after(card, limit=PAGE_SIZE)
        return WindowContent(max(0, index - len(before)), (*before, card, *after))

    def is_cheap(self, first: int, last: int) -> bool:
        """Whether holding ``first``..``last`` costs a keyset read (not a deep OFFSET)."""
        touching = bool(self.cards) and self.start - 1 <= last and first <= self.end
        return touching or self.total - first <= CAPACITY or first < _OFFSET_LIMIT

    def read_range(self, first: int, last: int) -> WindowContent:
        """Cards ``first``..``last`` plus a margin, by OFFSET (for a worker; changes nothing)."""
        begin = max(0, first - PAGE_SIZE // 2)
        cards = self.source.at(offset=begin, limit=last - begin + 1 + PAGE_SIZE)
        return WindowContent(begin, tuple(cards))


def read_window(spec: WindowSpec) -> WindowContent:
    """Re-read a window as the store has it now (safe to call from a worker).

    Near the top the window is read again from its position; deep in a long
    column it is re-anchored on its first card, so the read stays cheap and
    the user keeps looking at the same cards.
    """
    source = spec.source
    if spec.start == 0 or spec.anchor is None or spec.start < _OFFSET_LIMIT:
        cards = source.at(offset=spec.start, limit=spec.length)
        if not cards and spec.start > 0:
            cards = source.last(limit=spec.length)
            return WindowContent(max(0, source.total() - len(cards)), tuple(cards))
        return WindowContent(spec.start, tuple(cards))
    earlier = source.before(spec.anchor, limit=1)
    first = earlier[0] if earlier else None
    rest = source.after(first, limit=spec.length) if first else None
    if first is None or rest is None:
        return WindowContent(0, tuple(source.at(offset=0, limit=spec.length)))
    return WindowContent(source.rank(first) + 1, tuple(rest))
