"""Why ``space`` picked a lead: its deadline, how long it is past it, or its appointment.

The notice after ``space`` says it ("vence em 2 min", "fora do prazo há 12
min"); minutes are business minutes on the store's calendar, the time the
response clock runs.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from cockpit_tui.domain.business_time import BusinessCalendar
from cockpit_tui.domain.cards import LeadCard
from cockpit_tui.domain.records import Record, set_field


class NextKind(StrEnum):
    """The group of ``space``'s order the lead was picked from."""

    DUE_IN = "due_in"
    BREACHED = "breached"
    APPOINTMENT = "appointment"
    OTHER = "other"


class NextReason(Record):
    """Why a lead comes next.

    Attributes:
        kind: Its group.
        minutes: Business minutes left (``due_in``, rounded up) or past the
            deadline (``breached``, rounded down); 0 otherwise.
    """

    __slots__ = ("kind", "minutes")
    kind: NextKind
    minutes: int

    def __init__(self, kind: NextKind, minutes: int = 0) -> None:
        set_field(self, "kind", kind)
        set_field(self, "minutes", minutes)


def reason_for(card: LeadCard, now: datetime, calendar: BusinessCalendar) -> NextReason:
    """Why ``card`` is where it is in ``space``'s order at ``now``."""
    due = card.response_due_at
    if card.waiting_since is not None and due is not None:
        if due > now:
            left = calendar.seconds_between(now, due)
            return NextReason(NextKind.DUE_IN, max(1, -(-int(left) // 60)))
        return NextReason(NextKind.BREACHED, int(calendar.seconds_between(due, now)) // 60)
    if card.next_appointment_at is not None:
        return NextReason(NextKind.APPOINTMENT)
    return NextReason(NextKind.OTHER)
