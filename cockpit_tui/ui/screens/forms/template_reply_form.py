"""Outside WhatsApp's 24-hour window: why free text cannot go, and the approved templates."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.sanitize import clean_message, clean_text
from cockpit_tui.domain.templates import ReplyTemplate
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.ui.screens.forms.form_screen import FormScreen


class TemplateReplyForm(FormScreen[str]):
    """The reason free text is refused, the store's approved templates, and the chosen one filled.

    Enter (or ctrl+s) queues the highlighted template; the server sends it as
    that WhatsApp template. Dismisses with the text the customer will read.

    Args:
        title: "Responder a Maria Souza".
        translate: The user's language.
        reason: Why only templates can go (the 24-hour rule, with the hours).
        templates: The store's templates linked to an approved WhatsApp template.
        previews: Each template's text filled for this lead, in the same order.
        send: Queues a template (raises :class:`CockpitError` to refuse it).
    """

    def __init__(
        self,
        title: str,
        translate: Translator,
        *,
        reason: str,
        templates: Sequence[ReplyTemplate],
        previews: Sequence[str],
        send: Callable[[ReplyTemplate], object],
    ) -> None:
        hint_key = "reply_template.hint" if templates else "reply_template.hint_none"
        super().__init__(title, translate, hint=translate(hint_key))
        self._reason = reason
        self.templates = list(templates)
        self._previews = list(previews)
        self._send = send

    def compose_fields(self) -> ComposeResult:
        """The reason, the approved templates and the highlighted one as the customer reads it."""
        yield Static(Content(self._reason), id="reply-window")
        if not self.templates:
            yield Static(Content(self.t("reply_template.none")), id="reply-no-templates")
            return
        yield Static(Content(self.t("reply_template.choose")), classes="form-label")
        yield OptionList(
            *(
                Option(
                    Content.assemble(
                        (clean_text(template.name, max_length=60), "bold"),
                        "  ",
                        (f"{template.whatsapp_template} · {template.whatsapp_language}", "dim"),
                    )
                )
                for template in self.templates
            ),
            id="approved-templates",
        )
        yield Static("", id="template-preview")

    def on_mount(self) -> None:
        """The first template highlighted, its text shown."""
        if self.templates:
            options = self.query_one(OptionList)
            options.highlighted = 0
            options.focus()
            self._preview(0)

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._preview(event.option_index)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_submit()

    def _preview(self, index: int) -> None:
        if 0 <= index < len(self._previews):
            text = clean_message(self._previews[index])
            self.query_one("#template-preview", Static).update(Content(text))

    @property
    def preview_text(self) -> str:
        """The highlighted template as the customer will read it ("" when none)."""
        if not self.templates:
            return ""
        return str(self.query_one("#template-preview", Static).content)

    def save(self) -> str:
        """Queue the highlighted template.

        Raises:
            CockpitError: no template to send, a value the lead lacks, no consent
                for a marketing template.
        """
        if not self.templates:
            raise InvalidInputError("reply_template.none")
        index = self.query_one(OptionList).highlighted
        if index is None or not 0 <= index < len(self.templates):
            raise InvalidInputError("template_picker.choose")
        self._send(self.templates[index])
        return self._previews[index]
