"""One status column of the board: a virtual list of cards (Line API).

The column never mounts a widget per card. Its virtual height is the
column's count times :data:`CARD_HEIGHT`; ``render_line`` draws only the
lines on screen, from the cards a :class:`ColumnWindow` holds in memory.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from textual import events, work
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.domain.models import LeadCard
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.services.clock import Clock
from cockpit_tui.services.column_window import ColumnWindow, WindowContent
from cockpit_tui.ui.widgets.card_lines import (
    CARD_HEIGHT,
    CardStyles,
    card_lines,
    fit,
    placeholder_lines,
)

_CACHE_SIZE = 400


class LeadColumn(ScrollView, can_focus=False, inherit_bindings=False):
    """The cards of one status, in board order, with a selection.

    The column never takes the keyboard focus: the board keeps one column
    "active" and sends it the keys, so moving between columns does not make
    Textual recompute every binding and footer.

    Args:
        window: The column's page cache.
        label: The status label in the user's language.
        translate: The user's language.
        clock: Time source for "há 5 min" and overdue appointments.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "lead-column--card",
        "lead-column--cursor",
        "lead-column--cursor-blurred",
        "lead-column--unread",
        "lead-column--new",
        "lead-column--muted",
        "lead-column--overdue",
        "lead-column--blank",
    }

    DEFAULT_CSS = """
    LeadColumn {
        width: 1fr;
        height: 1fr;
        scrollbar-size-vertical: 0;  /* the frame says how many cards are above and below */
        overflow-x: hidden;
        background: $surface;
    }
    LeadColumn > .lead-column--card { background: $panel; color: $text; }
    LeadColumn > .lead-column--cursor { background: $accent 45%; }
    LeadColumn > .lead-column--cursor-blurred { background: $panel-lighten-2; }
    LeadColumn > .lead-column--unread { text-style: bold; color: $text; }
    LeadColumn > .lead-column--new { color: $text-accent; text-style: bold; }
    LeadColumn > .lead-column--muted { color: $text-muted; }
    LeadColumn > .lead-column--overdue { color: $text-warning; text-style: bold; }
    LeadColumn > .lead-column--blank { background: $surface; }
    """

    @dataclass
    class SelectionChanged(Message):
        """The selected card changed (or the column became empty)."""

        column: LeadColumn
        card: LeadCard | None

        @property
        def control(self) -> LeadColumn:
            """The column that posted the message."""
            return self.column

    @dataclass
    class Clicked(Message):
        """The user clicked a card of this column (which selected it)."""

        column: LeadColumn

        @property
        def control(self) -> LeadColumn:
            """The column that posted the message."""
            return self.column

    @dataclass
    class FarPageLoaded(Message):
        """A worker read the cards for a jump into the middle of a long column."""

        column: LeadColumn
        content: WindowContent
        generation: int

    def __init__(
        self, window: ColumnWindow, *, label: str, translate: Translator, clock: Clock
    ) -> None:
        super().__init__(id=f"column-{window.status.value}")
        self.window = window
        self.status = window.status
        self.label = label
        self._translate = translate
        self._clock = clock
        self.cursor: int | None = 0 if window.total else None
        self.filter_total: int | None = None
        self._generation = 0
        self._line_cache: OrderedDict[tuple[object, ...], list[Strip]] = OrderedDict()
        self._styles: CardStyles | None = None
        self.active = False
        #: Receives (label, count, off-screen summary) whenever they change.
        self.on_titles: Callable[[str, str, str], None] | None = None

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
        """Whole cards that fit on screen."""
        return max(1, self.scrollable_content_region.height // CARD_HEIGHT)

    # -- changing what the column holds ------------------------------------------

    def show(self, content: WindowContent, total: int) -> None:
        """Take a fresh read of the column, keeping the selected lead selected.

        If the selected lead left the column, the selection stays at the same
        position; the scroll position is kept unless the selection would leave
        the screen.
        """
        selected = self.selected_card
        self._generation += 1
        self.window.replace(content, total)
        index = self.window.index_of(selected.id) if selected else None
        if index is None:
            index = self.cursor
        self._place_cursor(index, scroll=True)
        self._after_change()

    def reload(self, total: int) -> None:
        """Re-read the held cards now (after this user's move or undo)."""
        self.show(self.window.read_fresh(), total)

    def select_index(self, index: int) -> None:
        """Select the card at ``index`` (clamped) and scroll it into view."""
        self._place_cursor(index, scroll=True)
        self.refresh()
        self._post_selection()

    def select_lead(self, lead_id: int, index: int) -> None:
        """Select a lead known to be at ``index`` in this column."""
        self.window.ensure(index - CARD_HEIGHT, index + self.cards_per_page)
        found = self.window.index_of(lead_id)
        self.select_index(index if found is None else found)

    def set_active(self, active: bool) -> None:
        """Become (or stop being) the column the keys act on."""
        if active != self.active:
            self.active = active
            self.refresh()

    # -- keys (sent by the board) ----------------------------------------------

    def action_cursor_up(self) -> None:
        """Select the card above."""
        if self.cursor is not None:
            self.select_index(self.cursor - 1)

    def action_cursor_down(self) -> None:
        """Select the card below."""
        if self.cursor is not None:
            self.select_index(self.cursor + 1)

    def action_page_up(self) -> None:
        """Select the card a screen above."""
        if self.cursor is not None:
            self.select_index(self.cursor - self.cards_per_page)

    def action_page_down(self) -> None:
        """Select the card a screen below."""
        if self.cursor is not None:
            self.select_index(self.cursor + self.cards_per_page)

    def action_first(self) -> None:
        """Select the first card."""
        if self.cursor is not None:
            self.select_index(0)

    def action_last(self) -> None:
        """Select the last card."""
        if self.cursor is not None:
            self.select_index(self.total - 1)

    def on_click(self, event: events.Click) -> None:
        """Select the clicked card."""
        if self.total and event.y >= 0:
            line = int(self.scroll_y) + event.y - self.gutter.top
            self.select_index(max(0, line) // CARD_HEIGHT)
            self.post_message(LeadColumn.Clicked(self))

    # -- internals -------------------------------------------------------------

    def _place_cursor(self, index: int | None, *, scroll: bool) -> None:
        total = self.window.total
        # The spare lines below the last card make the deepest scroll a whole
        # number of cards, so the top line is a card's first line there too.
        spare = self.scrollable_content_region.height % CARD_HEIGHT
        self.virtual_size = Size(1, total * CARD_HEIGHT + spare)  # cards fit the width
        if total == 0 or index is None:
            self.cursor = 0 if total else None
            if total == 0:
                return
            index = 0
        self.cursor = max(0, min(index, total - 1))
        if scroll:
            # Scroll by whole cards, so a card's first line is always the top line.
            first_shown = int(self.scroll_y) // CARD_HEIGHT
            if self.cursor < first_shown:
                first_shown = self.cursor
            elif self.cursor >= first_shown + self.cards_per_page:
                first_shown = self.cursor - self.cards_per_page + 1
            if first_shown * CARD_HEIGHT != self.scroll_y:
                self.scroll_to(y=first_shown * CARD_HEIGHT, animate=False, immediate=True)
        self._load_visible(around=self.cursor)

    def _visible_range(self) -> tuple[int, int]:
        first = int(self.scroll_y) // CARD_HEIGHT
        height = max(1, self.scrollable_content_region.height)
        last = (int(self.scroll_y) + height - 1) // CARD_HEIGHT
        return first, last

    def _load_visible(self, around: int | None = None) -> None:
        first, last = self._visible_range()
        if around is not None:
            first, last = min(first, around), max(last, around)
        window = self.window
        if window.total == 0 or (window.start <= first and last < min(window.end, window.total)):
            return
        if window.is_cheap(first, last):
            window.ensure(first, last)
        else:
            self._load_far(first, last, self._generation)

    @work(thread=True, exclusive=True, group="far-page")
    def _load_far(self, first: int, last: int, generation: int) -> None:
        """Read a page in the middle of a long column off the UI thread."""
        try:
            content = self.window.read_range(first, last)
        except CockpitError:
            return  # the poll reports an unreadable store; placeholders stay until then
        self.post_message(LeadColumn.FarPageLoaded(self, content, generation))

    def on_lead_column_far_page_loaded(self, message: FarPageLoaded) -> None:
        """Show the cards of a far jump, unless the column changed meanwhile."""
        message.stop()
        if message.generation == self._generation:
            self.window.replace(message.content, self.window.total)
            self.refresh()

    def _after_change(self) -> None:
        self.update_titles()
        self.refresh()
        self._post_selection()

    def _post_selection(self) -> None:
        self.post_message(LeadColumn.SelectionChanged(self, self.selected_card))

    def update_titles(self) -> None:
        """Tell the frame the label, the count (``shown/total`` if filtered), what is off-screen."""
        sink = self.on_titles
        if sink is None:
            return
        total = self.total
        count = str(total) if self.filter_total is None else f"{total}/{self.filter_total}"
        first, last = self._visible_range()
        above, below = min(first, total), max(0, total - 1 - last)
        parts = [f"▲ {above}"] if above else []
        parts += [f"▼ {below}"] if below else []
        sink(self.label, count, "  ".join(parts))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Load what scrolled into view and say what is above and below."""
        super().watch_scroll_y(old_value, new_value)
        if self.is_mounted:
            self._load_visible()
            self.update_titles()

    def on_resize(self) -> None:
        """Keep the virtual height in step with the width and the count."""
        self._place_cursor(self.cursor, scroll=True)
        self.update_titles()

    def notify_style_update(self) -> None:
        """The theme changed: drop styles and drawn cards."""
        super().notify_style_update()
        self._styles = None
        self._line_cache.clear()

    def _card_styles(self) -> CardStyles:
        if self._styles is None:
            style = self.get_component_rich_style
            self._styles = CardStyles(
                card=style("lead-column--card"),
                cursor=style("lead-column--cursor"),
                cursor_blurred=style("lead-column--cursor-blurred"),
                unread=style("lead-column--unread", partial=True),
                new=style("lead-column--new", partial=True),
                muted=style("lead-column--muted", partial=True),
                overdue=style("lead-column--overdue", partial=True),
                blank=style("lead-column--blank"),
            )
        return self._styles

    def render_line(self, y: int) -> Strip:
        """One line of the column: part of a card, the gap below it, or empty space."""
        width = self.scrollable_content_region.width
        styles = self._card_styles()
        line = int(self.scroll_y) + y
        index, row = divmod(line, CARD_HEIGHT)
        if self.total == 0:
            text = self._translate("board.column_empty") if y == 1 else ""
            return Strip([Segment(fit(" " + text, width), styles.blank + styles.muted)], width)
        if index >= self.total:
            return Strip([Segment(" " * width, styles.blank)], width)
        card = self.window.card_at(index)
        if card is None:
            return placeholder_lines(width, styles)[row]
        now = self._clock.now()
        selected = index == self.cursor
        focused = self.active
        key = (card, selected, focused, width, now.replace(second=0, microsecond=0))
        lines = self._line_cache.get(key)
        if lines is None:
            lines = card_lines(
                card,
                width=width,
                now=now,
                translate=self._translate,
                styles=styles,
                selected=selected,
                focused=focused,
            )
            self._line_cache[key] = lines
            if len(self._line_cache) > _CACHE_SIZE:
                self._line_cache.popitem(last=False)
        return lines[row]
