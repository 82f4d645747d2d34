"""Why a negotiation ended without a sale: a reason from a short list, and a few words."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, RadioButton, RadioSet, Static

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.models import LostReason, Outcome
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.ui.screens.forms.form_screen import FormScreen

REASON_ORDER = (
    LostReason.PRICE,
    LostReason.BOUGHT_ELSEWHERE,
    LostReason.FINANCING_DENIED,
    LostReason.GAVE_UP,
    LostReason.NO_CONTACT,
    LostReason.OTHER,
)


class LostForm(FormScreen[Outcome]):
    """A reason is required ("outro" also needs the text); the text is optional otherwise.

    Args:
        translate: The user's language.
        name: The customer's name (for the title).
        record: Stores the reason; raises :class:`CockpitError` to refuse it.
    """

    def __init__(
        self,
        translate: Translator,
        *,
        name: str,
        record: Callable[[LostReason, str | None], Outcome],
    ) -> None:
        super().__init__(translate("lost.title", name=name), translate, hint=translate("lost.hint"))
        self._record = record

    def compose_fields(self) -> ComposeResult:
        """The reasons and the text field."""
        t = self.t
        yield Static(Content(t("lost.reason")), classes="form-label")
        with RadioSet(id="lost-reason"):
            for reason in REASON_ORDER:
                yield RadioButton(Content(t(f"lost_reason.{reason.value}")))
        yield Static(Content(t("lost.note")), classes="form-label")
        yield Input(placeholder=t("lost.note_placeholder"), id="lost-note")

    def on_mount(self) -> None:
        """Start on the reasons."""
        self.query_one(RadioSet).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the text field saves."""
        event.stop()
        self.action_submit()

    def save(self) -> Outcome:
        """A reason must be chosen; then record it."""
        index = self.query_one(RadioSet).pressed_index
        if not 0 <= index < len(REASON_ORDER):
            raise InvalidInputError("form.choose_reason")
        note = self.query_one(Input).value.strip() or None
        return self._record(REASON_ORDER[index], note)
