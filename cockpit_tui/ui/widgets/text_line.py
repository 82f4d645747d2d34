"""A one-line text widget whose changes repaint it alone.

``Static.update`` asks for a new layout of the whole screen on every change,
which repaints every column; the board's header, the column headers and the
hidden-column hints change on every move, so they use this instead.
"""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget


class TextLine(Widget):
    """One line of plain text (never markup), repainted in place when it changes.

    Args:
        text: The initial text.
        id: The widget id.
        classes: CSS classes.
    """

    DEFAULT_CSS = """
    TextLine {
        height: 1;
        width: 1fr;
    }
    """

    text: reactive[str] = reactive("", layout=False)

    def __init__(
        self, text: str = "", *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.set_reactive(TextLine.text, text)
        self._clear_timer: Timer | None = None

    def say(self, text: str, *, seconds: float) -> None:
        """Show ``text`` for ``seconds`` (a notice), then nothing."""
        self.text = text
        if self._clear_timer is not None:
            self._clear_timer.stop()
        self._clear_timer = self.set_timer(seconds, lambda: setattr(self, "text", ""))

    def render(self) -> Content:
        """The text, literally."""
        return Content(self.text)
