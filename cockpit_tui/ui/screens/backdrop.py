"""Dialogs that dim the screen behind them, painted once (issue 13, defect 3).

A translucent ``ModalScreen`` makes Textual render the whole screen below
and tint every cell again on each frame of the dialog (each key typed, each
cursor blink): about four times a dialog frame's cost on the board. Here the
screen below is rendered and tinted once, when the dialog first paints (and
again after a resize); each frame then reuses those lines. What changes
behind an open dialog shows when it closes.
"""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from textual.geometry import Size
from textual.renderables.background_screen import BackgroundScreen
from textual.screen import ModalScreen, Screen
from textual.strip import Strip

from cockpit_tui.ui.type_ahead import KeyHoldScreen

ResultT = TypeVar("ResultT")


class _Lines:
    """Lines rendered before, as a Rich renderable."""

    def __init__(self, lines: list[Strip]) -> None:
        self._lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        newline = Segment.line()
        for line in self._lines:
            yield from line
            yield newline


class DimmedModal(ModalScreen[ResultT], KeyHoldScreen[ResultT]):
    """A modal screen whose backdrop is the screen below, dimmed, rendered once.

    ModalScreen comes first: Textual takes the CSS of the first base only.

    Keys typed before its first field is focused wait for that field
    (``ui/type_ahead.py``): ``n`` then "Carlos" at once types "Carlos".
    """

    HOLD_UNTIL_FOCUS: ClassVar[bool] = True
    # The dialog focuses its own first field (on mount, or _take_first_focus): focusing
    # the first widget after compose would let the waiting keys go to the wrong one.
    AUTO_FOCUS = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._backdrop: tuple[Size, _Lines] | None = None

    def on_mount(self) -> None:
        """The dialog's own key bar; then its first focus (after the dialog's ``on_mount``,
        whose focus calls are queued already)."""
        from cockpit_tui.ui.context import cockpit_of
        from cockpit_tui.ui.widgets.key_bar import KeyBar

        # Over the dimmed bar of the screen behind, whose keys do not work here.
        self.mount(KeyBar(palette_label=cockpit_of(self.app).t("board.palette_key")))
        self.app.call_later(self._take_first_focus)

    def _take_first_focus(self) -> None:
        if not self.holding_keys or self.focused is not None:
            return
        chain = self.focus_chain
        if chain:
            self.set_focus(chain[0])
        else:
            self.stop_holding()

    def render(self) -> RenderableType:
        """The screen below, tinted with this screen's translucent background."""
        below = self._screen_below()
        background = self.styles.background
        if below is None or background.a >= 1:
            return super().render()
        if self._backdrop is None or self._backdrop[0] != self.size:
            tint = BackgroundScreen.process_segments
            lines = [
                Strip(tint(line, background), line.cell_length)
                for line in below._compositor.render_strips()
            ]
            self._backdrop = (self.size, _Lines(lines))
        return self._backdrop[1]

    def _screen_below(self) -> Screen[Any] | None:
        stack = self.app.screen_stack
        if self not in stack:
            return None
        index = stack.index(self)
        return stack[index - 1] if index > 0 else None
