"""What the lead screen shows: messages, moves, appointments, notes, outcomes, the history.

Frozen dataclasses with no database or UI type, created on first use of the
lead screen or a command that reads a lead.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from cockpit_tui.domain.cards import LeadCard
from cockpit_tui.domain.lead_edits import FieldChange
from cockpit_tui.domain.lead_kinds import (
    AppointmentEnd,
    AppointmentKind,
    Direction,
    HistoryKind,
    LostReason,
    OutcomeKind,
    PaymentMethod,
)
from cockpit_tui.domain.statuses import Status
from cockpit_tui.domain.whatsapp import DeliveryStatus


@dataclass(frozen=True, slots=True)
class Message:
    """One message of a lead's conversation."""

    id: int
    lead_id: int
    direction: Direction
    body: str
    at: datetime
    author: str | None
    read_at: datetime | None
    delivered_at: datetime | None


@dataclass(frozen=True, slots=True)
class StatusChange:
    """A recorded move: who moved the lead, when, from where to where."""

    id: int
    lead_id: int
    from_status: Status
    to_status: Status
    actor: str
    at: datetime
    undone: bool


@dataclass(frozen=True, slots=True)
class Appointment:
    """A scheduled visit, call back or video call; ``occurred`` is None until known.

    Attributes:
        created_by: Who scheduled it.
        created_at: When it was scheduled.
        resolved_by: Who said whether it occurred (or rescheduled or cancelled it).
        resolved_at: When they said it.
        ended: Rescheduled or cancelled (None: still on the agenda, or resolved).
        end_reason: Why it was cancelled, if they said.
        replaces_id: The appointment this one reschedules.
        undone: It was scheduled with a move that was undone.
    """

    id: int
    lead_id: int
    kind: AppointmentKind
    at: datetime
    occurred: bool | None
    created_by: str
    created_at: datetime | None = None
    resolved_by: str | None = None
    resolved_at: datetime | None = None
    ended: AppointmentEnd | None = None
    end_reason: str | None = None
    replaces_id: int | None = None
    undone: bool = False

    @property
    def is_pending(self) -> bool:
        """Still on the agenda: nobody said whether it happened, moved, cancelled or undid it."""
        return self.occurred is None and self.ended is None and not self.undone


@dataclass(frozen=True, slots=True)
class Note:
    """A note a salesperson left on a lead."""

    id: int
    lead_id: int
    body: str
    actor: str
    at: datetime


@dataclass(frozen=True, slots=True)
class Assignment:
    """A change of salesperson; ``assigned_to`` None means "Não atribuído".

    ``reason`` is None for a person's choice, ``round-robin`` or ``rescue``
    for the automatic distribution.
    """

    id: int
    lead_id: int
    assigned_to: str | None
    actor: str
    at: datetime
    reason: str | None = None
    undone: bool = False


#: ``Assignment.reason`` of the way back an undone assignment records (no history line).
ASSIGNMENT_UNDONE = "undo"


@dataclass(frozen=True, slots=True)
class Handled:
    """An "atendido": the salesperson dealt with the lead without replying."""

    id: int
    lead_id: int
    actor: str
    at: datetime
    undone: bool = False


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One line of a lead's history, with who and when.

    Attributes:
        kind: What happened.
        at: When.
        actor: Who did it (None for the lead's arrival).
        item: The record behind it (a move, an assignment, a note, an
            appointment — scheduled, resolved, rescheduled or cancelled — an
            outcome, or a corrected field); None for CREATED.
    """

    kind: HistoryKind
    at: datetime
    actor: str | None
    item: (
        StatusChange | Assignment | Handled | Note | Appointment | Outcome | FieldChange | None
    ) = None


@dataclass(frozen=True, slots=True)
class NegotiationSummary:
    """Another negotiation with the same customer, listed on the lead screen."""

    lead_id: int
    status: Status
    created_at: datetime
    vehicle: str | None


@dataclass(frozen=True, slots=True)
class LeadDetail:
    """Everything the lead screen shows.

    Attributes:
        card: The lead as the board shows it.
        messages: The conversation, oldest first.
        history: Moves, assignments, appointments, notes and outcomes, oldest first.
        appointments: Every appointment, soonest first.
        negotiations: The customer's other negotiations, newest first.
        previous_lead_id: The negotiation this one was started from, if any.
        deliveries: Delivery state of the replies ``cockpit serve`` handled, by message id.
    """

    card: LeadCard
    messages: tuple[Message, ...]
    history: tuple[HistoryEntry, ...]
    appointments: tuple[Appointment, ...]
    negotiations: tuple[NegotiationSummary, ...]
    previous_lead_id: int | None
    deliveries: Mapping[int, DeliveryStatus] = field(default_factory=dict)

    @property
    def pending_appointment(self) -> Appointment | None:
        """The earliest appointment nobody has resolved yet."""
        pending = [a for a in self.appointments if a.is_pending]
        return min(pending, key=lambda a: a.at) if pending else None


@dataclass(frozen=True, slots=True)
class Outcome:
    """How a negotiation ended: sale data, or the reason it was lost."""

    id: int
    lead_id: int
    kind: OutcomeKind
    actor: str
    at: datetime
    price: Decimal | None = None
    payment_method: PaymentMethod | None = None
    trade_in: str | None = None
    lost_reason: LostReason | None = None
    note: str | None = None
    undone: bool = False


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """An outbound reply waiting for a delivery connector."""

    message_id: int
    lead_id: int
    customer_name: str
    phone: str | None
    email: str | None
    body: str
    at: datetime
