"""The list view: a header line and one line per lead, drawn with the Line API.

Only the rows on screen are drawn, from a page cache; the table costs the
same with 100 leads or 100,000 (Textual's ``DataTable`` took ~12 s to show
100,000 rows here).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from textual import events
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.services.clock import Clock
from cockpit_tui.ui.card_lines import STYLE_COMPONENTS, CardStyles
from cockpit_tui.ui.column_view import CardScroller
from cockpit_tui.ui.lead_rows import LeadRows
from cockpit_tui.ui.table_lines import header_line


class LeadTable(Widget, can_focus=False):
    """The leads of the list view; the screen sends it the keys.

    Args:
        rows: The rows to draw (their query, page cache and selection).
        translate: The user's language.
        clock: Time source, read once per line.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(f"table--{name}" for name in STYLE_COMPONENTS),
        "table--header",
    }

    # The same colour per meaning as the cards (see ui/urgency.py and BoardCanvas).
    DEFAULT_CSS = """
    LeadTable {
        width: 1fr;
        height: 1fr;
        background: $surface;
    }
    LeadTable > .table--card { background: $surface; color: $text; }
    LeadTable > .table--cursor { background: $foreground 22%; }
    LeadTable > .table--unread { text-style: bold; color: $foreground; }
    LeadTable > .table--reply { color: $text-primary; }
    LeadTable > .table--new { color: $text-success; text-style: bold; }
    LeadTable > .table--muted { color: $foreground 60%; background: $surface; }
    LeadTable > .table--overdue { color: $text-error; text-style: bold; }
    LeadTable > .table--price { text-style: bold; }
    LeadTable > .table--wait-ok { color: $foreground 60%; background: $surface; }
    LeadTable > .table--wait-soon { color: $text-warning; text-style: bold; }
    LeadTable > .table--wait-late { color: $text-error; text-style: bold; }
    LeadTable > .table--stripe-reply { color: $primary; }
    LeadTable > .table--stripe-new { color: $success; }
    LeadTable > .table--stripe-late { color: $error; }
    LeadTable > .table--blank { background: $surface; }
    LeadTable > .table--header { background: $panel; color: $text; text-style: bold; }
    """

    @dataclass
    class SelectionChanged(Message):
        """The selection, the rows or the scroll changed."""

    @dataclass
    class ReadFailed(Message):
        """The store could not be read for the rows."""

        error: CockpitError

    def __init__(self, rows: LeadRows, *, translate: Translator, clock: Clock) -> None:
        super().__init__(id="lead-table")
        self._translate = translate
        self._clock = clock
        self._styles: CardStyles | None = None
        self._header_style = Style()
        self._sized_for: tuple[int, int] = (0, 0)
        self.rows = rows
        rows.owner = self

    def use_rows(self, rows: LeadRows) -> None:
        """Show other rows (a new sort or filter)."""
        self.rows = rows
        rows.owner = self
        if self._styles is not None:
            rows.restyle(self._styles)
        self._sized_for = (0, 0)
        self.refresh()

    # -- what the rows tell the table ----------------------------------------------

    def column_changed(self, column: CardScroller) -> None:
        """Repaint and tell the screen."""
        self.refresh()
        self.post_message(LeadTable.SelectionChanged())

    def column_failed(self, column: CardScroller, error: CockpitError) -> None:
        """Tell the screen the store could not be read."""
        self.post_message(LeadTable.ReadFailed(error))

    def load_far(self, column: CardScroller, first: int, last: int) -> None:
        """Read a page deep in the list (its keyset reads rarely need this)."""
        try:
            self.rows.window.ensure(first, last)
        except CockpitError as error:
            self.post_message(LeadTable.ReadFailed(error))
        self.refresh()

    # -- styles and size -------------------------------------------------------------

    def notify_style_update(self) -> None:
        """The theme changed: resolve the styles again."""
        super().notify_style_update()
        self._styles = None

    def _resolve_styles(self) -> CardStyles:
        if self._styles is None:
            style = self.get_component_rich_style
            self._styles = CardStyles.from_components(style, "table")
            self._header_style = style("table--header")
            self.rows.restyle(self._styles)
        return self._styles

    def _size_rows(self) -> None:
        size = (self.size.width, self.size.height)
        if size != self._sized_for:
            self._sized_for = size
            self.rows.resize(max(1, size[0]), max(1, size[1] - 1))

    def on_resize(self) -> None:
        """Rows fill the table below its header."""
        self._size_rows()

    # -- mouse -----------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        """Select the clicked row."""
        if event.y >= 1:
            index = self.rows.index_at_line(event.y - 1)
            if index is not None:
                self.rows.select_index(index)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        """The wheel scrolls three rows."""
        event.stop()
        self.rows.scroll_by(3)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        """The wheel scrolls three rows."""
        event.stop()
        self.rows.scroll_by(-3)

    # -- drawing -----------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        """The header on line 0, rows below."""
        self._resolve_styles()
        self._size_rows()
        width = self.size.width
        if y == 0:
            query = self.rows.query
            return header_line(
                width,
                sort=query.sort,
                descending=query.descending,
                translate=self._translate,
                style=self._header_style,
            )
        return self.rows.render_line(y - 1, self._clock.now())
