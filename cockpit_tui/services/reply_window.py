"""WhatsApp's 24-hour rule: free text only within 24 h of the customer's last message.

Outside the window WhatsApp accepts only templates the business had approved.
The rule lives here so the reply dialog, ``cockpit reply`` and the delivery
worker all apply the same one. It binds only a store that sends its replies
through WhatsApp (``whatsapp_phone_number_id`` and ``whatsapp_access_token``
set): without that, replies wait in the outbox for another connector, and
free text is always allowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.models import Message
from cockpit_tui.domain.templates import (
    ReplyTemplate,
    TemplateSend,
    fill,
    whatsapp_parameters,
)
from cockpit_tui.services.clock import Clock
from cockpit_tui.services.store_service import StoreService
from cockpit_tui.store.handle import Store

if TYPE_CHECKING:
    from cockpit_tui.services.leads import LeadService
    from cockpit_tui.services.templates import TemplateService

#: How long after the customer's last message free text may be sent.
FREE_TEXT_WINDOW = timedelta(hours=24)


@dataclass(frozen=True, slots=True)
class ReplyWindow:
    """Whether free text may be sent to a lead's customer now.

    Attributes:
        last_inbound_at: The customer's last message (None: never wrote).
        closes_at: When free text stops being allowed (None: it is not allowed).
        is_open: Free text is allowed now.
        enforced: The store sends through WhatsApp, so the rule binds (when
            False, ``is_open`` is True whatever the times).
        hours_since: Whole hours since the customer's last message (None: never wrote).
    """

    last_inbound_at: datetime | None
    closes_at: datetime | None
    is_open: bool
    enforced: bool = True
    hours_since: int | None = None

    def refusal(self, lead_id: int) -> InvalidInputError:
        """Why free text is refused now, in the user's words (use when not ``is_open``)."""
        if self.hours_since is None:
            return InvalidInputError("reply.never_wrote", lead_id=lead_id)
        return InvalidInputError("reply.window_closed", lead_id=lead_id, hours=self.hours_since)


def window_at(last_inbound_at: datetime | None, now: datetime) -> ReplyWindow:
    """The window given the customer's last message and the present."""
    if last_inbound_at is None:
        return ReplyWindow(None, None, False)
    closes_at = last_inbound_at + FREE_TEXT_WINDOW
    hours = max(0, int((now - last_inbound_at).total_seconds() // 3600))
    return ReplyWindow(last_inbound_at, closes_at, now < closes_at, hours_since=hours)


class ReplyWindowService(StoreService):
    """The 24-hour window of a lead, and replies that respect it.

    Args:
        store: The open store.
        actor: The salesperson replying.
        clock: Time source.
    """

    def __init__(self, store: Store, *, actor: str = "cockpit", clock: Clock) -> None:
        super().__init__(store, actor=actor, clock=clock)

    def sends_through_whatsapp(self) -> bool:
        """Whether the store's replies go out through WhatsApp (its sending settings are set)."""
        from cockpit_tui.services.settings import SettingsService

        settings = SettingsService(self._store, actor=self._actor, clock=self._clock)
        return bool(
            settings.value("whatsapp_phone_number_id") and settings.value("whatsapp_access_token")
        )

    def window(self, lead_id: int) -> ReplyWindow:
        """Whether free text may be sent to the lead's customer now."""
        from dataclasses import replace

        from cockpit_tui.store.delivery import last_inbound_at

        with self._store.engine.execution_options(cockpit_read_only=True).begin() as connection:
            last = last_inbound_at(connection, lead_id=lead_id)
        window = window_at(last, self._clock.now())
        if window.is_open or self.sends_through_whatsapp():
            return window
        return replace(window, is_open=True, enforced=False)

    def reply(self, lead_id: int, text: str) -> Message:
        """Queue free text for the lead, refused outside the 24-hour window.

        Raises:
            InvalidInputError: ``reply.window_closed`` (with the hours since the customer
                wrote) or ``reply.never_wrote`` outside the window; an empty reply.
            LeadNotFoundError: no lead has that id.
        """
        leads = self._leads()
        leads.get(lead_id)  # a missing lead says so before the window does
        window = self.window(lead_id)
        if not window.is_open:
            raise window.refusal(lead_id)
        return leads.reply(lead_id, text)

    def approved_templates(self) -> list[ReplyTemplate]:
        """The store's templates linked to an approved WhatsApp template, by name."""
        return [t for t in self._templates().all() if t.whatsapp_template and t.whatsapp_language]

    def template_preview(self, lead_id: int, templates: list[ReplyTemplate]) -> list[str]:
        """Each template's text filled for the lead: what the customer will read.

        Raises:
            LeadNotFoundError: no lead has that id.
        """
        values = self._templates().values_for(lead_id)
        return [fill(template.text, values) for template in templates]

    def send_template(self, lead_id: int, template: ReplyTemplate) -> Message:
        """Queue ``template``, filled for the lead, to go out as its approved WhatsApp template.

        Allowed whatever the window. The conversation shows the filled text;
        the server sends the template's name, language and body parameters.

        Raises:
            InvalidInputError: ``reply.template_not_approved`` (no WhatsApp template
                linked) or ``reply.template_missing_value`` (a placeholder the lead has
                no value for).
            MarketingConsentError: a marketing template for a customer without consent.
            LeadNotFoundError: no lead has that id.
        """
        if not template.whatsapp_template or not template.whatsapp_language:
            raise InvalidInputError("reply.template_not_approved", template=template.name)
        templates = self._templates()
        values = templates.values_for(lead_id)
        if template.marketing:
            templates.check_marketing_consent(template, lead_id)
        send = TemplateSend(
            name=template.whatsapp_template,
            language=template.whatsapp_language,
            parameters=whatsapp_parameters(template.text, values),
        )
        return self._leads().reply(lead_id, fill(template.text, values), template=send)

    def retry_failed(self, lead_id: int) -> int:
        """Send again the lead's replies WhatsApp refused (``não enviado``); how many.

        A reply refused for a reason that still holds (outside the window, no
        phone) is refused again, with the same reason.
        """
        from cockpit_tui.services.delivery import requeue_failed_of_lead

        return requeue_failed_of_lead(self._store, lead_id, clock=self._clock, actor=self._actor)

    def _leads(self) -> LeadService:
        from cockpit_tui.services.leads import LeadService

        return LeadService(self._store, actor=self._actor, clock=self._clock)

    def _templates(self) -> TemplateService:
        from cockpit_tui.services.templates import TemplateService

        return TemplateService(self._store, actor=self._actor, clock=self._clock)
