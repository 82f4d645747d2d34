"""The reply to a customer: their last messages quoted, a text area, ctrl+t for a template."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static, TextArea

from cockpit_tui.domain.models import Direction, Message
from cockpit_tui.domain.sanitize import clean_message
from cockpit_tui.domain.templates import ReplyTemplate
from cockpit_tui.i18n.format import format_datetime
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
        conversation: The lead's messages, oldest first: the customer's last
            ones are quoted above the text area, with their time.
        draft: The text left in this lead's reply last time (esc keeps it).
        keep_draft: Called with what is typed when esc closes the form unsent.
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
        conversation: Sequence[Message] = (),
        draft: str = "",
        keep_draft: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__(
            title, translate, send=send, placeholder=translate("reply.placeholder"), text=draft
        )
        self._quoted = last_from_customer(conversation)
        self._keep_draft = keep_draft
        self._hint = translate("reply.hint")
        self._matching = matching
        self._fill = fill

    def compose_fields(self) -> ComposeResult:
        """The customer's last messages, then the text area."""
        if self._quoted:
            yield Static(quote_text(self._quoted, self.t), id="reply-quote")
        yield from super().compose_fields()

    def action_cancel(self) -> None:
        """Close unsent; what was typed stays as this lead's draft."""
        if self._keep_draft is not None:
            self._keep_draft(self.query_one(TextArea).text)
        super().action_cancel()

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


#: How many of the customer's messages the reply form quotes, and how much of each.
QUOTED_MESSAGES, QUOTED_CHARACTERS = 3, 280


def last_from_customer(conversation: Sequence[Message]) -> list[Message]:
    """The customer's last messages (at most :data:`QUOTED_MESSAGES`), oldest first."""
    inbound = [message for message in conversation if message.direction is Direction.INBOUND]
    return inbound[-QUOTED_MESSAGES:]


def quote_text(messages: Sequence[Message], t: Translator) -> Content:
    """The messages with their time, as plain text (never markup: the customer wrote them)."""
    parts: list[tuple[str, str]] = []
    for index, message in enumerate(messages):
        body = " ".join(clean_message(message.body).split())
        if len(body) > QUOTED_CHARACTERS:
            body = body[: QUOTED_CHARACTERS - 1] + "…"
        parts.append(("\n" if index else "", ""))
        parts.append((format_datetime(message.at, t.lang) + "  ", "bold"))
        parts.append((body, ""))
    return Content.assemble(*parts)
