"""WhatsApp webhooks into the store: customers' messages and our messages' statuses.

A customer's message is applied as a ``lead.created`` event through the
intake service — the path ``cockpit ingest`` takes — with the id
``wa:<WhatsApp message id>``: it lands on the customer's open lead (on top,
name bold) or opens a new lead (source "WhatsApp"), and a webhook replayed by
WhatsApp changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cockpit_tui.domain.whatsapp import InboundMessage, inbound_messages, status_updates

if TYPE_CHECKING:
    from cockpit_tui.services.clock import Clock
    from cockpit_tui.services.consent import ConsentService
    from cockpit_tui.services.delivery import DeliveryService
    from cockpit_tui.services.intake import IntakeService

#: The ``source`` of leads opened by a WhatsApp message.
WHATSAPP_SOURCE = "WhatsApp"


@dataclass(slots=True)
class WebhookResult:
    """What one webhook did.

    Attributes:
        messages: Customers' messages stored.
        repeated: Messages already stored (a replayed webhook).
        refused: Messages that could not be stored (e.g. a number that is no phone).
        statuses: Status updates that changed one of our replies.
    """

    messages: int = 0
    repeated: int = 0
    refused: int = 0
    statuses: int = 0


def handle_inbound_message(intake: IntakeService, message: InboundMessage) -> bool | None:
    """Store one customer's message; the one place every WhatsApp message goes through.

    Returns:
        True when stored, False when it was stored before, None when refused.
    """
    from cockpit_tui.domain.events import IngestProblem

    event = {
        "event": "lead.created",
        "id": f"wa:{message.message_id}",
        "at": message.at.isoformat(),
        "lead": {
            "name": message.name or message.phone,
            "phone": message.phone,
            "source": WHATSAPP_SOURCE,
            "message": message.text,
        },
    }
    outcome = intake.apply_event(event)
    if isinstance(outcome, IngestProblem):
        return None
    return outcome


def handle_webhook(
    payload: Any,
    *,
    intake: IntakeService,
    delivery: DeliveryService,
    clock: Clock,
    consent: ConsentService | None = None,
) -> WebhookResult:
    """Apply a decoded, signature-checked webhook body.

    A stored message that is an opt-out ("PARAR", "SAIR", "STOP") also revokes
    the customer's WhatsApp consent (LGPD), recorded as coming from WhatsApp.
    """
    from cockpit_tui.domain.consent import Channel, is_opt_out

    result = WebhookResult()
    now = clock.now()
    for message in inbound_messages(payload, now=now):
        stored = handle_inbound_message(intake, message)
        if stored is None:
            result.refused += 1
        elif stored:
            result.messages += 1
            if consent is not None and is_opt_out(message.text):
                consent.record_opt_out(message.phone, Channel.WHATSAPP, at=message.at)
        else:
            result.repeated += 1
    for status in status_updates(payload, now=now):
        if delivery.apply_status(
            wa_message_id=status.wa_message_id,
            claim_token=status.claim_token,
            state=status.state,
            at=status.at,
            error=status.error,
        ):
            result.statuses += 1
    return result
