"""The customer's rights on the lead screen (LGPD): consent per channel, and erasing the person.

:class:`CustomerRights` is a line under the lead's summary that shows the
customer's consent on each channel (granted / revoked with when and where
from, or never asked) and, once the person was erased, that earlier backups
still hold their data. It also runs the two flows the lead screen's keys
start (:class:`CustomerRightsKeys`): recording a consent change (source
``lead_screen``) and erasing the customer after a confirmation that names
them and says what goes. Store work runs in thread workers that post back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from textual import work
from textual.binding import Binding
from textual.content import Content
from textual.dom import DOMNode
from textual.message import Message
from textual.widgets import Static

from cockpit_tui.domain.consent import Channel, ConsentRecord, ConsentSource, ConsentState
from cockpit_tui.domain.customers import CustomerSummary, ErasePreview
from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.domain.models import LeadCard
from cockpit_tui.domain.sanitize import clean_text
from cockpit_tui.i18n.format import format_datetime
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.ui.context import CockpitContext, cockpit_of
from cockpit_tui.ui.errors import report_error
from cockpit_tui.ui.lead_text import Pieces

if TYPE_CHECKING:
    from textual.worker import Worker

_LABEL = "dim"
_GRANTED = "bold $success"
_REVOKED = "bold $error"
_WARNING = "bold $warning"


def rights_bindings() -> list[Binding]:
    """The lead screen's keys for the customer's rights (shown by ``?`` and ctrl+p)."""
    return [
        Binding("c", "change_consent", "Consentimento", id="lead.consent", show=False),
        Binding(
            "X", "erase_customer", "Apagar dados do cliente (LGPD)", id="lead.erase", show=False
        ),
    ]


class RightsHost(Protocol):
    """The screen showing the lead: its notice line and a way to read the lead again."""

    def say(self, text: str) -> None:
        """Show what just happened on the screen's notice line."""

    def reload(self) -> None:
        """Read the lead again (in a worker)."""


class CustomerRightsKeys:
    """The handlers of :func:`rights_bindings`, mixed into the lead screen before ``Screen``."""

    @property
    def card(self) -> LeadCard | None:
        """The lead the keys act on (None until it is read)."""
        # Abstract: mixed into Textual's screens, whose metaclass rules out abc.ABC.
        raise NotImplementedError

    def _rights(self) -> CustomerRights:
        assert isinstance(self, DOMNode)
        return self.query_one(CustomerRights)

    def action_change_consent(self) -> None:
        """Record that the customer granted or revoked consent on a channel."""
        if (card := self.card) is not None:
            self._rights().change_consent(card)

    def action_erase_customer(self) -> None:
        """Erase the customer's personal data, after a confirmation that names them."""
        if (card := self.card) is not None:
            self._rights().ask_erase(card)


def consent_text(
    customer: CustomerSummary, consent: list[ConsentRecord], *, t: Translator
) -> Content:
    """Each channel's consent (the channels never asked together), then what erasure means."""
    latest: dict[Channel, ConsentRecord] = {record.channel: record for record in consent}
    text = Pieces()
    text.append(t("consent.label") + " ", style=_LABEL)
    for index, record in enumerate(latest[channel] for channel in Channel if channel in latest):
        if index:
            text.append(" · ", style=_LABEL)
        text.append(t(f"consent.channel.{record.channel}") + " ")
        granted = record.state is ConsentState.GRANTED
        text.append(t(f"consent.state.{record.state}"), style=_GRANTED if granted else _REVOKED)
        when = format_datetime(record.at, t.lang)[:10]
        text.append(" " + t("consent.when", when=when, source=t(f"consent.source.{record.source}")))
    never = [t(f"consent.channel.{channel}") for channel in Channel if channel not in latest]
    if never:
        text.append(" · " if latest else "", style=_LABEL)
        text.append(t("consent.none", channels=", ".join(never)), style=_LABEL)
    if customer.erased_at is not None:
        text.append("\n")
        erased = format_datetime(customer.erased_at, t.lang)
        text.append(t("rights.erased_line", when=erased), style=_WARNING)
    return text.content()


class CustomerRights(Static):
    """The customer's consent and erasure state, and the consent and erase flows.

    Args:
        host: The lead screen (notice line, re-reading the lead).
    """

    DEFAULT_CSS = """
    CustomerRights {
        height: auto;
        padding: 0 1;
    }
    """

    @dataclass
    class Read(Message):
        """The customer and their consent records, as read by a worker."""

        customer: CustomerSummary
        consent: list[ConsentRecord]

    @dataclass
    class PreviewRead(Message):
        """What erasing the customer would clear (the confirmation shows it)."""

        preview: ErasePreview

    @dataclass
    class Erased(Message):
        """The customer was anonymised; ``backups`` may still hold their data."""

        customer: CustomerSummary
        backups: list[str]

    @dataclass
    class Failed(Message):
        """Reading or writing failed (the reason goes to the user)."""

        error: CockpitError

    def __init__(self, host: RightsHost, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self._host = host
        self.customer_id: int | None = None
        self.customer: CustomerSummary | None = None
        self._consent: list[ConsentRecord] | None = None
        self._erasing: Worker[None] | None = None

    @property
    def cockpit(self) -> CockpitContext:
        """The app, as screens see it."""
        return cockpit_of(self.app)

    @property
    def busy(self) -> bool:
        """Whether an erasure is under way (tests wait on this)."""
        return self._erasing is not None and self._erasing.is_running

    # -- showing -------------------------------------------------------------------

    def show_customer(self, customer_id: int) -> None:
        """Read the customer's consent (and whether they were erased) again, in a worker."""
        self.customer_id = customer_id
        self._read(customer_id)

    @work(thread=True, exclusive=True, group="customer-rights-read")
    def _read(self, customer_id: int) -> None:
        services = self.cockpit.services
        try:
            customer = services.customers.get(customer_id)
            consent = services.consent.history(customer_id)
        except CockpitError as error:
            self.post_message(CustomerRights.Failed(error))
            return
        self.post_message(CustomerRights.Read(customer, consent))

    def on_customer_rights_read(self, message: Read) -> None:
        """Show the consent line of the customer on screen (a late read of another is dropped)."""
        message.stop()
        if message.customer.id != self.customer_id:
            return
        self.customer = message.customer
        self._consent = message.consent
        self.update(consent_text(message.customer, message.consent, t=self.cockpit.t))

    def on_customer_rights_failed(self, message: Failed) -> None:
        """Say why; what is on screen stays."""
        message.stop()
        self._host.say("")
        report_error(self, message.error)

    # -- consent -------------------------------------------------------------------

    def change_consent(self, card: LeadCard) -> None:
        """Open the consent form; once saved, show the new state."""
        from cockpit_tui.ui.screens.forms.consent_form import ConsentForm

        app = self.cockpit
        t = app.t
        customer_id = card.customer_id
        if self._consent is not None and customer_id == self.customer_id:
            state: dict[Channel, ConsentState | None] = dict.fromkeys(Channel)
            state.update((record.channel, record.state) for record in self._consent)
        else:  # pressed before the first read came back: ask now
            try:
                state = app.services.consent.consent_state(customer_id)
            except CockpitError as error:
                report_error(self, error)
                return

        def record(channel: Channel, new_state: ConsentState) -> ConsentRecord:
            return app.services.consent.record_consent(
                customer_id, channel, new_state, source=ConsentSource.LEAD_SCREEN
            )

        def closed(result: ConsentRecord | None) -> None:
            if result is not None:
                channel = t(f"consent.channel.{result.channel}")
                self._host.say(t(f"consent.recorded.{result.state}", channel=channel))
                self.show_customer(customer_id)

        name = clean_text(card.customer_name)
        form = ConsentForm(t, name=name, current=state, record=record)
        self.app.push_screen(form, closed)

    # -- erasure -------------------------------------------------------------------

    def ask_erase(self, card: LeadCard) -> None:
        """Read what would go, then ask (enter erases, esc cancels)."""
        self._host.say(self.cockpit.t("rights.reading_preview"))
        self._read_preview(card.customer_id)

    @work(thread=True, exclusive=True, group="customer-rights-preview")
    def _read_preview(self, customer_id: int) -> None:
        try:
            preview = self.cockpit.services.customers.erase_preview(customer_id)
        except CockpitError as error:
            self.post_message(CustomerRights.Failed(error))
            return
        self.post_message(CustomerRights.PreviewRead(preview))

    def on_customer_rights_preview_read(self, message: PreviewRead) -> None:
        """Ask, naming the customer; nothing happens unless enter confirms."""
        message.stop()
        from cockpit_tui.ui.screens.forms.erase_confirm import EraseConfirm

        t = self.cockpit.t
        customer = message.preview.customer
        self._host.say("")
        if customer.erased_at is not None:
            self._host.say(t("cli.customer_already_erased", customer_id=customer.id))
            return

        def closed(confirmed: bool | None) -> None:
            if confirmed:
                self._host.say(t("rights.erasing", customer_id=customer.id))
                self._erasing = self._erase(customer.id)
            else:
                self._host.say(t("cli.customer_erase_cancelled"))

        self.app.push_screen(EraseConfirm(t, preview=message.preview), closed)

    @work(thread=True, exclusive=True, group="customer-rights-erase")
    def _erase(self, customer_id: int) -> None:
        customers = self.cockpit.services.customers
        try:
            erased = customers.erase(customer_id)
            backups = customers.known_backups()
        except CockpitError as error:
            self.post_message(CustomerRights.Failed(error))
            return
        self.post_message(CustomerRights.Erased(erased, backups))

    def on_customer_rights_erased(self, message: Erased) -> None:
        """Show the anonymised lead, and say that earlier backups still hold the data."""
        message.stop()
        t = self.cockpit.t
        customer = message.customer
        self._host.say(t("cli.customer_erased", customer_id=customer.id))
        listed = "\n".join(f"  {path}" for path in message.backups)
        backups = listed or t("cli.customer_backups_none")
        self.notify(
            t("cli.customer_backups_warning") + "\n" + backups,
            severity="warning",
            timeout=20,
        )
        self._host.reload()  # the lead screen shows it again, this line included
