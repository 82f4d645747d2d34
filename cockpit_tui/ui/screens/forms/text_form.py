"""A form with one text area: a reply to the customer, or a note on the lead."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import TextArea

from cockpit_tui.i18n.translate import Translator
from cockpit_tui.ui.screens.forms.form_screen import FormScreen


class _TextField(TextArea):
    """The form's text area: focused, with the cursor after its text, once it is mounted.

    Its own mount, not the form's: the form's ``Mount`` can come before the
    fields inside its panel are mounted (seen with keys typed ahead), and the
    keys typed meanwhile wait for this first focus (``ui/type_ahead.py``).
    """

    def on_mount(self) -> None:
        self.cursor_blink = False
        self.move_cursor(self.document.end)
        self.screen.set_focus(self)


class TextForm(FormScreen[str]):
    """Type a text and send it with ctrl+s or ctrl+j (terminals rarely send ctrl+enter).

    Args:
        title: e.g. "Responder a Maria Souza".
        translate: The user's language.
        send: Stores the text; raises :class:`CockpitError` to refuse it
            (an empty reply), which the form shows.
        placeholder: Shown while the area is empty.
        text: What the area holds when the form opens (a draft), the cursor after it.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+j", "submit", "Enviar", id="form.send", show=False),
    ]

    def __init__(
        self,
        title: str,
        translate: Translator,
        *,
        send: Callable[[str], object],
        placeholder: str = "",
        text: str = "",
    ) -> None:
        super().__init__(title, translate, hint=translate("form.text_hint"))
        self._send = send
        self._placeholder = placeholder
        self._text = text

    def compose_fields(self) -> ComposeResult:
        """The text area."""
        yield _TextField(self._text, id="form-text", placeholder=self._placeholder, soft_wrap=True)

    def save(self) -> str:
        """Send the text as typed (the service cleans and checks it)."""
        text = self.query_one(TextArea).text
        self._send(text)
        return text
