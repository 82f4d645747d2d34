"""The reply to a customer: a text form whose ctrl+t inserts a reply template, filled."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import TextArea

from cockpit_tui.domain.templates import ReplyTemplate
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.ui.screens.forms.text_form import TextForm


class ReplyForm(TextForm):
    """A reply; ctrl+t picks a template and inserts its text at the cursor, ready to edit.

    Args:
        title: "Responder a Maria Souza".
        translate: The user's language.
        send: Stores the reply (raises :class:`CockpitError` to refuse it).
        matching: The store's templates whose name or text holds what was typed.
        fill: A template's text filled for this lead.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+t", "templates", "Modelos", id="reply.templates", key_display="^t"),
    ]

    def __init__(
        self,
        title: str,
        translate: Translator,
        *,
        send: Callable[[str], object],
        matching: Callable[[str], Sequence[ReplyTemplate]],
        fill: Callable[[ReplyTemplate], str],
    ) -> None:
        super().__init__(title, translate, send=send, placeholder=translate("reply.placeholder"))
        self._hint = translate("reply.hint")
        self._matching = matching
        self._fill = fill

    def action_templates(self) -> None:
        """Pick a template; its filled text goes in at the cursor."""
        from cockpit_tui.ui.screens.forms.template_picker import TemplatePicker

        def chosen(text: str | None) -> None:
            area = self.query_one(TextArea)
            if text:
                area.insert(text)
            area.focus()

        picker = TemplatePicker(self.t, matching=self._matching, fill=self._fill)
        self.app.push_screen(picker, chosen)
