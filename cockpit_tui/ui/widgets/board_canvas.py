"""The six status columns drawn by one Line-API widget.

Each line of the board is built from the visible columns' lines (cached per
card), so Textual composes one strip per line instead of cutting a line at a
dozen widget borders: the first frame, a move and a page scroll each cost a
fraction of what a widget (and a frame) per column did.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.services.clock import Clock
from cockpit_tui.services.column_window import WindowContent
from cockpit_tui.ui.card_lines import STYLE_COMPONENTS, CardStyles, fit
from cockpit_tui.ui.column_view import CardScroller, ColumnView, header_with_total

#: Narrowest a column may get before the board shows fewer columns at once.
MIN_COLUMN_WIDTH = 25


class BoardCanvas(Widget, can_focus=False):
    """The visible columns side by side: a header line, the cards, a line of what is off-screen.

    Args:
        columns: The six columns in board order.
        clock: Time source ("há 5 min", overdue appointments), read once per line.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(f"board--{name}" for name in STYLE_COMPONENTS),
        "board--header",
        "board--header-active",
        "board--rule",
        "board--rule-active",
    }

    # One colour per meaning (ui/urgency.py): $primary a customer's message to
    # answer, $success a new lead, $error late, $warning soon. The selection and
    # the active column are neutral tints of the foreground, which no urgency uses.
    # Styles drawn over the card (partial ones) name $foreground, not $text: "auto"
    # text colours resolve against no background there (white on a light theme).
    DEFAULT_CSS = """
    BoardCanvas {
        width: 1fr;
        height: 1fr;
        background: $surface;
    }
    BoardCanvas > .board--card { background: $panel; color: $text; }
    BoardCanvas > .board--cursor { background: $foreground 22%; }
    BoardCanvas > .board--unread { text-style: bold; color: $foreground; }
    BoardCanvas > .board--reply { color: $text-primary; }
    BoardCanvas > .board--new { color: $text-success; text-style: bold; }
    BoardCanvas > .board--muted { color: $foreground 60%; background: $panel; }
    BoardCanvas > .board--overdue { color: $text-error; text-style: bold; }
    BoardCanvas > .board--price { text-style: bold; }
    BoardCanvas > .board--wait-ok { color: $foreground 60%; background: $panel; }
    BoardCanvas > .board--wait-soon { color: $text-warning; text-style: bold; }
    BoardCanvas > .board--wait-late { color: $text-error; text-style: bold; }
    BoardCanvas > .board--stripe-reply { color: $primary; }
    BoardCanvas > .board--stripe-new { color: $success; }
    BoardCanvas > .board--stripe-late { color: $error; }
    BoardCanvas > .board--blank { background: $surface; }
    BoardCanvas > .board--header { background: $surface; color: $text-muted; text-style: bold; }
    BoardCanvas > .board--header-active {
        background: $foreground 22%; color: $text; text-style: bold;
    }
    BoardCanvas > .board--rule { background: $surface; color: $panel-lighten-2; }
    BoardCanvas > .board--rule-active { background: $surface; color: $foreground; }
    """

    class SelectionChanged(Message):
        """A column's selection, cards or scroll changed."""

        def __init__(self, column: ColumnView) -> None:
            self.column = column
            super().__init__()

    class Clicked(Message):
        """The user clicked a card (which selected it) in this column."""

        def __init__(self, column: ColumnView) -> None:
            self.column = column
            super().__init__()

    class ReadFailed(Message):
        """The store could not be read for a column's cards."""

        def __init__(self, error: CockpitError) -> None:
            self.error = error
            super().__init__()

    class FarPageLoaded(Message):
        """A worker read the cards for a jump into the middle of a long column."""

        def __init__(self, column: ColumnView, content: WindowContent, generation: int) -> None:
            self.column = column
            self.content = content
            self.generation = generation
            super().__init__()

    def __init__(self, columns: list[ColumnView], *, clock: Clock) -> None:
        super().__init__(id="board-canvas")
        self.columns = columns
        self._clock = clock
        for column in columns:
            column.owner = self
        self.first_visible = 0
        self.visible_count = len(columns)
        self._styles: CardStyles | None = None
        self._chrome: dict[str, Style] = {}
        self._sized_for: tuple[object, ...] = ()
        self._block_layout: list[tuple[int, int]] = []
        self._pass: _Pass | None = None

    # -- layout ----------------------------------------------------------------

    @property
    def shown_columns(self) -> list[ColumnView]:
        """The columns on screen, left to right."""
        return self.columns[self.first_visible : self.first_visible + self.visible_count]

    def fit_count(self, width: int) -> int:
        """How many columns fit in ``width`` cells."""
        return max(1, min(len(self.columns), width // MIN_COLUMN_WIDTH))

    def show_columns(self, first: int, count: int) -> None:
        """Show ``count`` columns from position ``first``."""
        if (first, count) != (self.first_visible, self.visible_count):
            self.first_visible, self.visible_count = first, count
            self._size_columns()
            self.refresh()

    def _blocks(self) -> list[tuple[int, int]]:
        """(x, width) of each visible column's block, as of the last sizing."""
        return self._block_layout

    def _measure_blocks(self) -> list[tuple[int, int]]:
        """(x, width) of each visible column's block, the rule included."""
        width = self.size.width
        count = max(1, self.visible_count)
        base, extra = divmod(width, count)
        blocks, x = [], 0
        for index in range(count):
            block = base + (1 if index < extra else 0)
            blocks.append((x, block))
            x += block
        return blocks

    def _size_columns(self) -> None:
        self._sized_for = (self.size, self.first_visible, self.visible_count)
        self._block_layout = self._measure_blocks()
        cards_height = max(1, self.size.height - 2)
        for column, (_, block) in zip(self.shown_columns, self._blocks(), strict=False):
            column.resize(max(1, block - 1), cards_height)

    def on_resize(self) -> None:
        """Share the width between the visible columns."""
        self._size_columns()

    def notify_style_update(self) -> None:
        """The theme changed: resolve the styles again."""
        super().notify_style_update()
        self._styles = None

    def _resolve_styles(self) -> CardStyles:
        if self._styles is None:
            style = self.get_component_rich_style
            self._styles = CardStyles.from_components(style, "board")
            self._chrome = {
                name: style(f"board--{name}")
                for name in ("header", "header-active", "rule", "rule-active")
            }
            for column in self.columns:
                column.restyle(self._styles)
        return self._styles

    # -- what columns tell the canvas ------------------------------------------------

    def column_changed(self, column: CardScroller) -> None:
        """Repaint one column's block and tell the board."""
        assert isinstance(column, ColumnView)
        self.refresh_column(column)
        self.post_message(BoardCanvas.SelectionChanged(column))

    def refresh_column(self, column: ColumnView) -> None:
        """Repaint the board if ``column`` is on screen.

        Whole lines are repainted: Textual keeps a Line-API widget's lines in
        a cache, and a refresh of part of a line would leave the rest blank.
        A line is cheap to rebuild from the columns' cached card lines.
        """
        if column in self.shown_columns:
            self.refresh()

    def column_failed(self, column: CardScroller, error: CockpitError) -> None:
        """Tell the board the store could not be read."""
        self.post_message(BoardCanvas.ReadFailed(error))

    def load_far(self, column: CardScroller, first: int, last: int) -> None:
        """Read a page deep in a long column off the UI thread."""
        assert isinstance(column, ColumnView)
        self._read_far(column, first, last, column.generation)

    @work(thread=True, exclusive=True, group="far-page")
    def _read_far(self, column: ColumnView, first: int, last: int, generation: int) -> None:
        try:
            content = column.window.read_range(first, last)
        except CockpitError as error:
            self.post_message(BoardCanvas.ReadFailed(error))
            return
        self.post_message(BoardCanvas.FarPageLoaded(column, content, generation))

    def on_board_canvas_far_page_loaded(self, message: FarPageLoaded) -> None:
        """Show the cards of a far jump, unless the column changed meanwhile."""
        message.stop()
        message.column.apply_far(message.content, message.generation)

    # -- mouse -----------------------------------------------------------------

    def _column_at(self, x: int) -> ColumnView | None:
        for column, (left, width) in zip(self.shown_columns, self._blocks(), strict=False):
            if left <= x < left + width:
                return column
        return None

    def on_click(self, event: events.Click) -> None:
        """Select the clicked card and its column."""
        column = self._column_at(event.x)
        if column is None or event.y < 1:
            return
        index = column.index_at_line(event.y - 1)
        if index is not None:
            column.select_index(index)
            self.post_message(BoardCanvas.Clicked(column))

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        """The wheel scrolls the column under the pointer by a card."""
        column = self._column_at(event.x)
        if column is not None:
            event.stop()
            column.scroll_by(1)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        """The wheel scrolls the column under the pointer by a card."""
        column = self._column_at(event.x)
        if column is not None:
            event.stop()
            column.scroll_by(-1)

    # -- drawing -----------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        """Render the lines in ``crop``: the size, the clock and each column's frame are
        read once for all of them (per line, they were a tenth of a repaint)."""
        self._pass = self._start_pass()
        try:
            return super().render_lines(crop)
        finally:
            self._pass = None

    def _start_pass(self) -> _Pass:
        """What every line of one repaint shares."""
        styles = self._resolve_styles()
        size = self.size
        if self._sized_for != (size, self.first_visible, self.visible_count):
            self._size_columns()  # the first frame can be drawn before the Resize event
        now = self._clock.now()
        frames = [column.frame(now) for column in self.shown_columns]
        return _Pass(styles, size.height, now, frames)

    def render_line(self, y: int) -> Strip:
        """One line across the visible columns.

        Built as one strip from the columns' drawn lines (each column draws
        its area once per change, see ``CardScroller.frame``): joining strips
        per column would build a dozen strips per line, each with its caches.
        """
        drawing = self._pass or self._start_pass()
        styles, height = drawing.styles, drawing.height
        segments: list[Segment] = []
        width = 0
        for column, (_, block), frame in zip(
            self.shown_columns, self._blocks(), drawing.frames, strict=False
        ):
            rule = self._chrome["rule-active" if column.active else "rule"]
            inner = block - 1
            if y == 0:
                header = self._chrome["header-active" if column.active else "header"]
                part = Strip(
                    [Segment(fit(" " + header_with_total(column, inner - 1), inner), header)]
                )
            elif y == height - 1:
                text = column.off_screen_text()
                line = fit(text.rjust(inner - 1) + " ", inner) if text else " " * inner
                part = Strip([Segment(line, styles.blank + styles.muted)])
            elif y - 1 < len(frame):
                part = frame[y - 1]
            else:
                part = column.render_line(y - 1, drawing.now)
            segments.append(Segment("▏", rule))
            segments.extend(part)
            width += 1 + part.cell_length
        return Strip(segments, width) if segments else Strip.blank(self.size.width)


class _Pass:
    """What the lines of one repaint share (see :meth:`BoardCanvas.render_lines`).

    A plain class, as the board's other start-up classes (no dataclass at import).
    """

    __slots__ = ("frames", "height", "now", "styles")

    def __init__(
        self, styles: CardStyles, height: int, now: datetime, frames: list[list[Strip]]
    ) -> None:
        self.styles = styles
        self.height = height
        self.now = now
        self.frames = frames
