"""Record a customer's consent on one channel: granted or revoked (LGPD Art. 8, Art. 18 IX)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import RadioButton, RadioSet, Static

from cockpit_tui.domain.consent import Channel, ConsentRecord, ConsentState
from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.ui.screens.forms.form_screen import FormScreen

CHANNEL_ORDER = (Channel.WHATSAPP, Channel.SMS, Channel.EMAIL, Channel.PHONE)
STATE_ORDER = (ConsentState.GRANTED, ConsentState.REVOKED)


class ConsentForm(FormScreen[ConsentRecord]):
    """A channel (each shown with its state now) and the new state; both are required.

    Args:
        translate: The user's language.
        name: The customer's name, cleaned (for the title).
        current: The state in effect on each channel (None: never asked).
        record: Stores the change; raises :class:`CockpitError` to refuse it.
    """

    def __init__(
        self,
        translate: Translator,
        *,
        name: str,
        current: Mapping[Channel, ConsentState | None],
        record: Callable[[Channel, ConsentState], ConsentRecord],
    ) -> None:
        super().__init__(
            translate("consent.form_title", name=name), translate, hint=translate("consent.hint")
        )
        self._current = current
        self._record = record

    def compose_fields(self) -> ComposeResult:
        """The channels with their state now, then granted / revoked."""
        t = self.t
        yield Static(Content(t("consent.channel")), classes="form-label")
        with RadioSet(id="consent-channel"):
            for channel in CHANNEL_ORDER:
                state = self._current.get(channel)
                now = t(f"consent.now.{state.value}" if state else "consent.now.none")
                label = t("consent.channel_now", channel=t(f"consent.channel.{channel}"), now=now)
                yield RadioButton(Content(label))
        yield Static(Content(t("consent.state")), classes="form-label")
        with RadioSet(id="consent-state"):
            for choice in STATE_ORDER:
                yield RadioButton(Content(t(f"consent.set.{choice}")))

    def on_mount(self) -> None:
        """Start on the channels."""
        self.query_one("#consent-channel", RadioSet).focus()

    def save(self) -> ConsentRecord:
        """A channel and a state must be chosen; then record them."""
        channel = self.query_one("#consent-channel", RadioSet).pressed_index
        if not 0 <= channel < len(CHANNEL_ORDER):
            raise InvalidInputError("form.choose_channel")
        state = self.query_one("#consent-state", RadioSet).pressed_index
        if not 0 <= state < len(STATE_ORDER):
            raise InvalidInputError("form.choose_consent")
        return self._record(CHANNEL_ORDER[channel], STATE_ORDER[state])
