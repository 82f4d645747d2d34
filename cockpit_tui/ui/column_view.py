"""One status column of the board: its cards, selection and scroll (no widget).

The board draws all six columns in one Line-API widget
(:class:`~cockpit_tui.ui.widgets.board_canvas.BoardCanvas`); each column is
this plain object, which knows what the column holds (a
:class:`~cockpit_tui.services.column_window.ColumnWindow`), which card is
selected, which card is at the top, and how to draw one of its lines.
It never mounts a widget per card, and it scrolls by whole cards.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from rich.segment import Segment
from textual.cache import LRUCache
from textual.strip import Strip

from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.domain.models import LeadCard
from cockpit_tui.domain.statuses import Status
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.services.clock import Clock
from cockpit_tui.services.column_window import ColumnWindow, WindowContent
from cockpit_tui.ui.card_lines import (
    CARD_HEIGHT,
    CardStyles,
    card_lines,
    fit,
    placeholder_lines,
)


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

    Subclasses say how tall an item is (:attr:`item_height`) and draw lines.

    Args:
        window: The page cache.
        translate: The user's language.
        clock: Time source for "há 5 min" and overdue appointments.
    """

    #: Lines one card takes on screen.
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
        """Whole items that fit on screen."""
        return max(1, self.height // self.item_height)

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
            self._place_cursor(self.cursor)

    def scroll_by(self, cards: int) -> None:
        """Scroll without moving the selection (the mouse wheel)."""
        bottom = max(0, self.total - self.cards_per_page)
        self._scroll_to(max(0, min(self.top_card + cards, bottom)))
        self._changed()

    def apply_far(self, content: WindowContent, generation: int) -> None:
        """Take the cards a worker read for a far jump, unless the column changed since."""
        if generation == self.generation:
            self.window.replace(content, self.window.total)
            self._changed()

    def restyle(self, styles: CardStyles) -> None:
        """New styles (the theme changed): drop the drawn cards."""
        self._styles = styles
        self.forget_lines()

    def forget_lines(self) -> None:
        """Drop the lines drawn so far."""
        self._line_cache.clear()

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
        index = self.top_card + y // self.item_height
        return index if 0 <= index < self.total else None

    # -- internals -------------------------------------------------------------

    def _place_cursor(self, index: int | None) -> None:
        total = self.window.total
        if total == 0:
            self.cursor = None
            self._scroll_to(0)
            return
        self.cursor = max(0, min(0 if index is None else index, total - 1))
        top = min(self.top_card, max(0, total - self.cards_per_page))
        if self.cursor < top:
            top = self.cursor
        elif self.cursor >= top + self.cards_per_page:
            top = self.cursor - self.cards_per_page + 1
        self._scroll_to(top)
        self._load_visible(around=self.cursor)

    def _scroll_to(self, top: int) -> None:
        if top != self.top_card:
            self.top_card = top
            self._load_visible()

    def visible_range(self) -> tuple[int, int]:
        """First and last card positions on screen (partly shown ones included)."""
        first = self.top_card
        return first, first + (max(1, self.height) - 1) // self.item_height

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
        width = self.width
        styles = self._styles
        assert styles is not None, "restyle() before drawing"
        if self.total == 0:
            text = self._translate(self.empty_key) if y == 1 else ""
            return Strip([Segment(fit(" " + text, width), styles.blank + styles.muted)], width)
        index, row = divmod(self.top_card * self.item_height + y, self.item_height)
        if index >= self.total:
            return Strip([Segment(" " * width, styles.blank)], width)
        card = self.window.card_at(index)
        if card is None:
            return self.placeholder(row, styles)
        now = now or self._clock.now()
        selected = index == self.cursor
        minute = now.replace(second=0, microsecond=0)
        # The business-time wait replaces the wall-clock stand-in once the calendar loads.
        business = self.minutes_waited is not None and self.minutes_waited(now, now) is not None
        key = (card, selected, self.active, width, minute, business, card.id == self.next_lead_id)
        lines = self._line_cache.get(key)
        if lines is None:
            lines = self.draw(card, now=now, styles=styles, selected=selected)
            self._line_cache.set(key, lines)
        return lines[row]

    @abstractmethod
    def draw(
        self, card: LeadCard, *, now: datetime, styles: CardStyles, selected: bool
    ) -> list[Strip]:
        """The :attr:`item_height` lines of one card, :attr:`width` cells wide."""

    @abstractmethod
    def placeholder(self, row: int, styles: CardStyles) -> Strip:
        """Line ``row`` of a card not read yet."""


class ColumnView(CardScroller):
    """The cards of one status, in board order, with a selection.

    Args:
        window: The column's page cache.
        label: The status label in the user's language.
        translate: The user's language.
        clock: Time source for "há 5 min" and overdue appointments.
    """

    def __init__(
        self, window: ColumnWindow, *, label: str, translate: Translator, clock: Clock
    ) -> None:
        super().__init__(window, translate=translate, clock=clock)
        assert window.status is not None, "a board column has a status"
        self.status: Status = window.status
        self.label = label
        #: The column's total asking value ("R$ 4,2 mi") when the user shows it, else "".
        self.asking_total = ""

    def header_text(self, width: int) -> str:
        """ "3 Aguardando visita · 25" (``shown/total`` under a filter), fitted to ``width``."""
        total = self.total
        count = str(total) if self.filter_total is None else f"{total}/{self.filter_total}"
        for text in (
            f"{self.status.position} {self.label} · {count}",
            f"{self.label} · {count}",
            f"{self.label} {count}",
        ):
            if len(text) <= width:
                return text
        return self.label[: max(1, width - len(count) - 2)] + "… " + count

    def off_screen_text(self) -> str:
        """How many cards are above and below the screen: "▲ 6  ▼ 31"."""
        total = self.total
        if not total:
            return ""
        first, last = self.visible_range()
        above, below = min(first, total), max(0, total - 1 - last)
        parts = [f"▲ {above}"] if above else []
        parts += [f"▼ {below}"] if below else []
        return "  ".join(parts)

    # -- drawing -----------------------------------------------------------------

    def draw(
        self, card: LeadCard, *, now: datetime, styles: CardStyles, selected: bool
    ) -> list[Strip]:
        """The lines of one card."""
        waited = None
        if card.waiting_since is not None and self.minutes_waited is not None:
            waited = self.minutes_waited(card.waiting_since, now)
        return card_lines(
            card,
            width=self.width,
            now=now,
            translate=self._translate,
            styles=styles,
            selected=selected,
            focused=self.active,
            waited=waited,
            is_next=card.id == self.next_lead_id,
        )

    def placeholder(self, row: int, styles: CardStyles) -> Strip:
        """Line ``row`` of a card not read yet."""
        return placeholder_lines(self.width, styles)[row]


#: Header cells kept for the label and count before a column's total is dropped.
_HEADER_ROOM_FOR_LABEL = 10


def header_with_total(column: ColumnView, width: int) -> str:
    """The column's header, with its total asking value after it when one is shown:
    "Aguardando visita · 25 · R$ 4,2 mi" (the label is shortened first; too narrow
    a column keeps its label and count only)."""
    if column.asking_total:
        suffix = f" · {column.asking_total}"
        room = width - len(suffix)
        if room >= _HEADER_ROOM_FOR_LABEL:
            return column.header_text(room) + suffix
    return column.header_text(width)
