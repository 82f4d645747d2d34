"""Why a lead wants the salesperson now, and the one colour each reason has everywhere.

Cards, list rows and the lead screen mark a lead with the same colour for the
same reason (a stripe at a card's left edge, the row's first cell, the badge):

- a customer's message waiting for an answer ("✉ 2", "✉ lida"): ``$primary``;
- a new lead nobody has acted on ("NOVO"): ``$success``;
- something late (an appointment past its time; a wait past the SLA): ``$error``;
- a wait in the last part of the SLA: ``$warning`` (the wait's text only).

The selection and the active column use none of these (a neutral tint), so a
selected card never looks urgent and an urgent card never looks selected.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from cockpit_tui.domain.cards import LeadCard


class Urgency(StrEnum):
    """The reason shown by a lead's stripe, most pressing first."""

    REPLY = "reply"
    NEW = "new"
    LATE = "late"


def card_urgency(card: LeadCard, now: datetime) -> Urgency | None:
    """The reason a lead's stripe shows, or None when nothing waits on the salesperson.

    A customer's message comes first (it is what ``space`` takes first), then
    a new lead, then an appointment whose time has passed.
    """
    if card.has_unread_reply or (card.needs_attention and not card.is_new):
        return Urgency.REPLY
    if card.is_new:
        return Urgency.NEW
    if card.appointment_overdue(now):
        return Urgency.LATE
    return None
