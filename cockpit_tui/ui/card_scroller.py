"""Cards read through a page cache, with a selection and a scroll position (no widget).

The base of a board column (:class:`~cockpit_tui.ui.column_view.ColumnView`)
and of the list's rows (:class:`~cockpit_tui.ui.lead_rows.LeadRows`): which
item is selected, which is at the top, how the items' lines fall on screen
(items may differ in height), and the cache of drawn lines.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from rich.segment import Segment
from textual.cache import LRUCache
from textual.strip import Strip

from cockpit_tui.domain.cards import LeadCard
from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.services.clock import Clock
from cockpit_tui.services.column_window import ColumnWindow, WindowContent
from cockpit_tui.ui.card_area import draw_area
from cockpit_tui.ui.card_lines import CARD_HEIGHT, CardStyles


class ColumnOwner(Protocol):
    """What a column (or the list) tells the widget that draws it."""

    def column_changed(self, column: CardScroller) -> None:
        """The column's cards, selection or scroll changed: repaint it."""

    def column_failed(self, column: CardScroller, error: CockpitError) -> None:
        """The store could not be read for the column."""

    def load_far(self, column: CardScroller, first: int, last: int) -> None:
        """Read cards ``first``..``last`` off the UI thread (a deep OFFSET)."""


class CardScroller(ABC):
    """Cards read through a page cache, with a selection and a scroll position.

    Subclasses say how tall an item is (:attr:`item_height` for the tallest,
    :meth:`lines_of` for one) and draw lines. Items may differ in height (a card
    without an appointment is a line shorter); the scroller walks from its top
    card, so only the cards on screen are measured.

    Args:
        window: The page cache.
        translate: The user's language.
        clock: Time source for "há 5 min" and overdue appointments.
    """

    #: Lines the tallest card takes on screen.
    item_height = CARD_HEIGHT
    #: The catalog key of what an empty scroller says on its second line.
    empty_key = "board.column_empty"
    #: Cards (with their selection, width and minute) whose lines are kept drawn.
    cache_size = 400

    def __init__(self, window: ColumnWindow, *, translate: Translator, clock: Clock) -> None:
        self.window = window
        self._translate = translate
        self._clock = clock
        self.owner: ColumnOwner | None = None
        self.cursor: int | None = 0 if window.total else None
        #: The first card on screen.
        self.top_card = 0
        #: The column's size on screen, in cells (the cards' area).
        self.width = 24
        self.height = 40
        self.active = False
        self.filter_total: int | None = None
        self.generation = 0
        self._styles: CardStyles | None = None
        self._line_cache: LRUCache[tuple[object, ...], list[Strip]] = LRUCache(self.cache_size)
        #: Business minutes a lead has waited (since, now); None until the calendar is loaded.
        self.minutes_waited: Callable[[datetime, datetime], int | None] | None = None
        #: The lead ``space`` would pick next (issue 15: marked "▶ próximo"), if known.
        self.next_lead_id: int | None = None
        #: Bumped by every change of what the scroller shows (its drawn frame is then stale).
        self._serial = 0
        self._frame: tuple[tuple[object, ...], list[Strip]] | None = None

    # -- what the board reads --------------------------------------------------

    @property
    def total(self) -> int:
        """Cards in the column."""
        return self.window.total

    @property
    def selected_card(self) -> LeadCard | None:
        """The selected card, if the column has one loaded."""
        return None if self.cursor is None else self.window.card_at(self.cursor)

    @property
    def cards_per_page(self) -> int:
        """Whole items on screen from the top card (at least one): a page for PgUp/PgDn."""
        count, used = 0, 0
        while self.top_card + count < self.total:
            used += self.lines_of(self.top_card + count)
            if used > self.height:
                break
            count += 1
        return max(1, count if self.total else self.height // self.item_height)

    def lines_of(self, index: int) -> int:
        """Lines the item at ``index`` takes (the tallest while it is not read)."""
        return self.item_height

    def line_of(self, index: int) -> int | None:
        """The line where the item at ``index`` starts, if it is at or below the top."""
        if index < self.top_card:
            return None
        return sum(self.lines_of(i) for i in range(self.top_card, index))

    def _item_at_line(self, y: int) -> tuple[int, int]:
        """The item drawn at line ``y`` (maybe past the last) and the row inside it."""
        index, top = self.top_card, 0
        while True:
            lines = self.lines_of(index)
            if y < top + lines or index >= self.total:
                return index, y - top
            top += lines
            index += 1

    def _fits(self, top: int, index: int) -> bool:
        """Whether the items ``top``..``index`` all fit on screen whole."""
        used = 0
        for i in range(top, index + 1):
            used += self.lines_of(i)
            if used > self.height:
                return False
        return True

    def _top_showing_last(self, index: int) -> int:
        """The lowest top card that still shows item ``index`` whole (at the bottom)."""
        top, used = index, self.lines_of(index)
        while top > 0 and used + self.lines_of(top - 1) <= self.height:
            top -= 1
            used += self.lines_of(top)
        return top

    # -- changing what the column holds ------------------------------------------

    def show(self, content: WindowContent, total: int) -> None:
        """Take a fresh read of the column, keeping the selected lead selected.

        If the selected lead left the column, the selection stays at the same
        position; the scroll position is kept unless the selection would leave
        the screen.
        """
        selected = self.selected_card
        self.generation += 1
        self.window.replace(content, total)
        index = self.window.index_of(selected.id) if selected else None
        self._place_cursor(self.cursor if index is None else index)
        self._changed()

    def reload(self, total: int) -> None:
        """Re-read the held cards now (after this user's move or undo)."""
        try:
            content = self.window.read_fresh()
        except CockpitError as error:
            self._failed(error)
            return
        self.show(content, total)

    def use_window(
        self, window: ColumnWindow, total: int, content: WindowContent | None = None
    ) -> None:
        """Read through another page cache (a search or filter changed), from the top.

        Args:
            window: The new page cache.
            total: Its count.
            content: Its first cards, if a worker read them already (else read now).
        """
        self.window = window
        window.total = total
        self.generation += 1
        self.cursor = 0 if total else None
        self.top_card = 0
        if content is None:
            self.reload(total)
        else:
            self.show(content, total)

    def select_index(self, index: int) -> None:
        """Select the card at ``index`` (clamped) and scroll it into view."""
        self._place_cursor(index)
        self._changed()

    def show_card(self, card: LeadCard, index: int, total: int) -> None:
        """Hold the column around ``card`` (now at ``index``) and select it: where a move lands."""
        try:
            content = self.window.read_around(card, index)
        except CockpitError as error:
            self._failed(error)
            return
        self.show_around(content, index, total)

    def show_around(self, content: WindowContent, index: int, total: int) -> None:
        """Hold ``content`` (read around the card now at ``index``) and select that card."""
        self.generation += 1
        self.window.replace(content, total)
        self._place_cursor(index)
        self._changed()

    def select_lead(self, lead_id: int, index: int) -> None:
        """Select a lead known to be at ``index`` in this column."""
        try:
            self.window.ensure(index - self.item_height, index + self.cards_per_page)
        except CockpitError as error:
            self._failed(error)
            return
        found = self.window.index_of(lead_id)
        self.select_index(index if found is None else found)

    def set_active(self, active: bool) -> None:
        """Become (or stop being) the column the keys act on."""
        if active != self.active:
            self.active = active
            self._changed()

    def resize(self, width: int, height: int) -> None:
        """The column got a new size on screen; keep the selection visible."""
        if (width, height) != (self.width, self.height):
            self.width, self.height = width, height
            self._serial += 1
            self._place_cursor(self.cursor)

    def scroll_by(self, cards: int) -> None:
        """Scroll without moving the selection (the mouse wheel)."""
        bottom = self._top_showing_last(self.total - 1) if self.total else 0
        self._scroll_to(max(0, min(self.top_card + cards, bottom)))
        self._changed()

    def apply_far(self, content: WindowContent, generation: int) -> None:
        """Take the cards a worker read for a far jump, unless the column changed since."""
        if generation == self.generation:
            self.window.replace(content, self.window.total)
            # Placed while the cards were unread (each counted as the tallest):
            # place again with their real heights.
            self._place_cursor(self.cursor)
            self._changed()

    def restyle(self, styles: CardStyles) -> None:
        """New styles (the theme changed): drop the drawn cards."""
        self._styles = styles
        self.forget_lines()

    def forget_lines(self) -> None:
        """Drop the lines drawn so far."""
        self._line_cache.clear()
        self._serial += 1

    # -- keys (sent by the board) ----------------------------------------------

    def cursor_up(self) -> None:
        """Select the card above."""
        if self.cursor is not None:
            self.select_index(self.cursor - 1)

    def cursor_down(self) -> None:
        """Select the card below."""
        if self.cursor is not None:
            self.select_index(self.cursor + 1)

    def page_up(self) -> None:
        """Select the card a screen above."""
        if self.cursor is not None:
            self.select_index(self.cursor - self.cards_per_page)

    def page_down(self) -> None:
        """Select the card a screen below."""
        if self.cursor is not None:
            self.select_index(self.cursor + self.cards_per_page)

    def first(self) -> None:
        """Select the first card."""
        if self.cursor is not None:
            self.select_index(0)

    def last(self) -> None:
        """Select the last card."""
        if self.cursor is not None:
            self.select_index(self.total - 1)

    def index_at_line(self, y: int) -> int | None:
        """The card drawn at line ``y`` of the column, if any."""
        index, _ = self._item_at_line(y)
        return index if 0 <= index < self.total else None

    # -- internals -------------------------------------------------------------

    def _place_cursor(self, index: int | None) -> None:
        total = self.window.total
        if total == 0:
            self.cursor = None
            self._scroll_to(0)
            return
        self.cursor = max(0, min(0 if index is None else index, total - 1))
        self._settle_top()
        self._load_visible(around=self.cursor)
        # Cards just read may be shorter than the tallest they were counted as.
        self._settle_top()

    def _settle_top(self) -> None:
        """Scroll so the cursor is on screen whole, leaving no room below the last card."""
        assert self.cursor is not None
        top = min(self.top_card, self._top_showing_last(self.window.total - 1))
        if self.cursor < top:
            top = self.cursor
        elif not self._fits(top, self.cursor):
            top = self._top_showing_last(self.cursor)
        self._scroll_to(top)

    def _scroll_to(self, top: int) -> None:
        if top != self.top_card:
            self.top_card = top
            self._load_visible()

    def visible_range(self) -> tuple[int, int]:
        """First and last card positions on screen (partly shown ones included)."""
        last, _ = self._item_at_line(max(1, self.height) - 1)
        return self.top_card, last

    def _load_visible(self, around: int | None = None) -> None:
        first, last = self.visible_range()
        if around is not None:
            first, last = min(first, around), max(last, around)
        window = self.window
        if window.total == 0 or (window.start <= first and last < min(window.end, window.total)):
            return
        if window.is_cheap(first, last):
            try:
                window.ensure(first, last)
            except CockpitError as error:
                self._failed(error)
        elif self.owner is not None:
            self.owner.load_far(self, first, last)

    def _changed(self) -> None:
        self._serial += 1
        if self.owner is not None:
            self.owner.column_changed(self)

    def _failed(self, error: CockpitError) -> None:
        if self.owner is not None:
            self.owner.column_failed(self, error)

    # -- drawing -----------------------------------------------------------------

    def render_line(self, y: int, now: datetime | None = None) -> Strip:
        """Line ``y`` of the scroller's area, :attr:`width` cells wide.

        Args:
            y: The line, from the top of the area.
            now: The present, if the caller already has it (one clock read per line).
        """
        lines = self.frame(now)
        if 0 <= y < len(lines):
            return lines[y]
        assert self._styles is not None, "restyle() before drawing"
        return Strip([Segment(" " * self.width, self._styles.blank)], self.width)

    def frame(self, now: datetime | None = None) -> list[Strip]:
        """Every line of the scroller's area (:attr:`height` lines), drawn once per state.

        A repaint of the board asks each column for each of its lines; the
        column walks its cards once and keeps the lines until something it
        shows changes (its cards, selection, scroll, size, focus, the minute,
        the next-lead mark), so a line costs a list index, and a column that
        did not change costs nothing when another one did.
        """
        styles = self._styles
        assert styles is not None, "restyle() before drawing"
        now = now or self._clock.now()
        minute = now.replace(second=0, microsecond=0)
        # The business-time wait replaces the wall-clock stand-in once the calendar loads.
        business = self.minutes_waited is not None and self.minutes_waited(now, now) is not None
        window = self.window
        key = (
            self._serial,
            self.width,
            self.height,
            self.active,
            minute,
            business,
            self.next_lead_id,
            id(window),
            window.start,
            len(window.cards),
            window.total,
            self.top_card,
            self.cursor,
            id(styles),
        )
        if self._frame is not None and self._frame[0] == key:
            return self._frame[1]
        lines = draw_area(self, now, minute, business, styles)
        self._frame = (key, lines)
        return lines

    def empty_text(self) -> str:
        """What an empty scroller says on its second line."""
        return self._translate(self.empty_key)

    def card_strips(
        self,
        card: LeadCard,
        index: int,
        now: datetime,
        minute: datetime,
        business: bool,
        styles: CardStyles,
    ) -> list[Strip]:
        """One card's lines, from the cache of drawn cards when it was drawn before."""
        selected = index == self.cursor
        key = (
            card,
            selected,
            self.active,
            self.width,
            minute,
            business,
            card.id == self.next_lead_id,
        )
        lines = self._line_cache.get(key)
        if lines is None:
            lines = self.draw(card, now=now, styles=styles, selected=selected)
            self._line_cache.set(key, lines)
        return lines

    @abstractmethod
    def draw(
        self, card: LeadCard, *, now: datetime, styles: CardStyles, selected: bool
    ) -> list[Strip]:
        """The :attr:`item_height` lines of one card, :attr:`width` cells wide."""

    @abstractmethod
    def placeholder(self, row: int, styles: CardStyles) -> Strip:
        """Line ``row`` of a card not read yet."""
