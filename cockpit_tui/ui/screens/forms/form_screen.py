"""The frame every small form shares: a title, its fields, one error line, a hint."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.events import Mount
from textual.widgets import Input, Static, TextArea

from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.i18n.translate import Translator, describe_error
from cockpit_tui.ui.bindings import translate_bindings
from cockpit_tui.ui.screens.backdrop import DimmedModal

ResultT = TypeVar("ResultT")


class FormScreen(DimmedModal[ResultT | None]):
    """A modal form: ctrl+s (or enter in a one-line field) saves, esc closes without saving.

    Subclasses compose their fields and implement :meth:`save`, which validates,
    writes through a service callback and returns what the form dismisses with.
    A :class:`CockpitError` raised there is shown on the form's error line, in
    the user's language, and the form stays open with what was typed.

    Args:
        title: The form's title (already translated).
        translate: The user's language.
        hint: The keys line under the fields (defaults to save/cancel).
    """

    CSS_PATH = "forms.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancelar", id="form.cancel"),
        Binding("ctrl+s", "submit", "Salvar", id="form.submit", key_display="^s"),
    ]

    def __init__(self, title: str, translate: Translator, *, hint: str | None = None) -> None:
        super().__init__()
        self.t = translate
        self._title = title
        self._hint = hint if hint is not None else translate("form.hint")

    def compose(self) -> ComposeResult:
        """Title, the subclass's fields, the error line and the hint."""
        translate_bindings(self, self.t)
        with Vertical(id="form-panel"):
            yield Static(Content(self._title), id="form-title")
            yield from self.compose_fields()
            yield Static("", id="form-error")
            yield Static(Content(self._hint), id="form-hint")

    @on(Mount)
    def _steady_cursor(self) -> None:
        """No blinking cursor: each blink would repaint the dimmed screen behind the form too."""
        for field in self.query("Input, TextArea"):
            if isinstance(field, Input | TextArea):
                field.cursor_blink = False

    def compose_fields(self) -> ComposeResult:
        """The form's own fields."""
        yield from ()

    def save(self) -> ResultT:
        """Validate what was typed and store it.

        Raises:
            CockpitError: the input is not acceptable; shown on the error line.
        """
        # Abstract: mixed into Textual's screens, whose metaclass rules out abc.ABC.
        raise NotImplementedError

    def action_submit(self) -> None:
        """Save, or say what is wrong and keep the form open."""
        try:
            result = self.save()
        except CockpitError as error:
            self.show_error(describe_error(error, self.t))
            return
        self.dismiss(result)

    def show_error(self, text: str) -> None:
        """Put one sentence on the error line."""
        line = self.query_one("#form-error", Static)
        line.update(Content(text))
        line.display = bool(text)

    @property
    def error_text(self) -> str:
        """The sentence on the error line ("" when none)."""
        return str(self.query_one("#form-error", Static).content)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
