"""A one-line text widget whose changes repaint it alone.

``Static.update`` asks for a new layout of the whole screen on every change,
which repaints every column; the board's header, the column headers and the
hidden-column hints change on every move, so they use this instead.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget

from cockpit_tui.ui.card_lines import fit


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
        #: Shorter forms of :attr:`text`, shown in turn when it does not fit.
        self._shorter: tuple[str, ...] = ()

    def show_forms(self, forms: list[str]) -> None:
        """Show the first of ``forms`` (longest first) that fits the line's width.

        :attr:`text` holds the full form; :attr:`shown_text` the one on screen.
        Nothing is cut unless even the last form is too long.
        """
        full, *shorter = forms or [""]
        if tuple(shorter) != self._shorter:
            self._shorter = tuple(shorter)
            self.refresh()
        self.text = full

    @property
    def shown_text(self) -> str:
        """The form of the text that fits the line now (cut with "…" if none does)."""
        width = self.content_size.width
        if width <= 0 or not self._shorter:
            return self.text
        for form in (self.text, *self._shorter):
            if cell_len(form) <= width:
                return form
        return fit(form, width).rstrip()

    def say(self, text: str, *, seconds: float) -> None:
        """Show ``text`` for ``seconds`` (a notice), then nothing."""
        self._shorter = ()
        self._set_notice(text)
        if self._clear_timer is not None:
            self._clear_timer.stop()
        self._clear_timer = self.set_timer(seconds, lambda: self._set_notice(""))

    def _set_notice(self, text: str) -> None:
        self.text = text
        if self.styles.width is not None and self.styles.width.is_auto:
            # As wide as its text: only a new layout gives it the room (one per notice).
            self.refresh(layout=True)

    def render(self) -> Content:
        """The text, literally (its first form that fits)."""
        return Content(self.shown_text)
