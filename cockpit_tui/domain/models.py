"""Value objects of the domain: what the services hand to the UI and the CLI.

They are frozen dataclasses, free of any database or UI type, so the board,
the CLI and the tests can hold them without a session.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from cockpit_tui.domain.business_time import SlaMarks, SlaState
from cockpit_tui.domain.lead_edits import FieldChange
from cockpit_tui.domain.statuses import Status
from cockpit_tui.domain.whatsapp import DeliveryStatus


class Direction(StrEnum):
    """Who wrote a message."""

    INBOUND = "in"
    OUTBOUND = "out"


class AppointmentKind(StrEnum):
    """What kind of appointment a salesperson schedules."""

    VISIT = "visit"
    CALL_BACK = "call_back"
    VIDEO_CALL = "video_call"


class AppointmentEnd(StrEnum):
    """How an appointment left the agenda without happening or not."""

    RESCHEDULED = "rescheduled"
    CANCELLED = "cancelled"


class OutcomeKind(StrEnum):
    """How a negotiation ended."""

    SOLD = "sold"
    LOST = "lost"


class PaymentMethod(StrEnum):
    """How a sold vehicle was paid."""

    CASH = "cash"
    FINANCING = "financing"
    CONSORTIUM = "consortium"
    TRADE_IN = "trade_in"


class LostReason(StrEnum):
    """Why a negotiation ended without a sale."""

    PRICE = "price"
    BOUGHT_ELSEWHERE = "bought_elsewhere"
    FINANCING_DENIED = "financing_denied"
    GAVE_UP = "gave_up"
    NO_CONTACT = "no_contact"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Customer:
    """A person the store talks to; one customer may have several leads over time."""

    id: int
    name: str
    phone: str | None
    email: str | None


@dataclass(frozen=True, slots=True)
class AttentionState:
    """The facts the attention and ordering rules read from a lead.

    Attributes:
        attention_at: When the event that needs an interaction happened (the
            lead's arrival or a later inbound message); None once someone acted.
        unread_count: Inbound messages after arrival not yet read.
        last_activity_at: The lead's most recent event of any kind.
    """

    attention_at: datetime | None
    unread_count: int
    last_activity_at: datetime


@dataclass(frozen=True, slots=True)
class LeadCard:
    """What the board shows of a lead: one card or one list row.

    Attributes:
        id: The lead id (stable; scripts use it).
        version: The version a move must compare against.
        status: The column the lead is in.
        customer_name: Display name (already sanitised).
        phone: E.164 phone, if known.
        email: E-mail, if known.
        vehicle: Vehicle of interest, e.g. "Jeep Compass Longitude 2.0 2021".
        price: Asking price in reais, exact.
        source: Where the lead came from (Webmotors, WhatsApp, …).
        assigned_to: Salesperson's name, None when unassigned.
        created_at: Arrival of this negotiation.
        last_activity_at: Most recent event of any kind.
        attention_at: See :class:`AttentionState`.
        unread_count: See :class:`AttentionState`.
        next_appointment_at: The next appointment not yet resolved, if any.
        waiting_since: Since when it waits for a response (None: nothing waits).
        response_due_soon_at: When its wait turns "due soon" (last 40 % of the SLA).
        response_due_at: When its wait breaches the SLA.
        first_response_at: When it was first answered.
        first_response_seconds: Business seconds from arrival to the first response.
    """

    id: int
    version: int
    status: Status
    customer_id: int
    customer_name: str
    phone: str | None
    email: str | None
    vehicle: str | None
    price: Decimal | None
    source: str | None
    assigned_to: str | None
    created_at: datetime
    last_activity_at: datetime
    attention_at: datetime | None
    unread_count: int
    next_appointment_at: datetime | None = None
    waiting_since: datetime | None = None
    response_due_soon_at: datetime | None = None
    response_due_at: datetime | None = None
    first_response_at: datetime | None = None
    first_response_seconds: int | None = None

    def sla_state(self, now: datetime) -> SlaState | None:
        """Where its wait stands at ``now`` against the SLA (None when nothing waits)."""
        if self.waiting_since is None or self.response_due_at is None:
            return None
        soon = self.response_due_soon_at or self.response_due_at
        return SlaMarks(soon, self.response_due_at).state(now)

    @property
    def attention(self) -> AttentionState:
        """The attention facts of this lead."""
        return AttentionState(self.attention_at, self.unread_count, self.last_activity_at)

    @property
    def needs_attention(self) -> bool:
        """Shown on top of its column until someone acts on it."""
        return self.attention_at is not None

    @property
    def is_new(self) -> bool:
        """Arrived and nobody acted yet (what waits is the arrival, not a later reply)."""
        return self.attention_at is not None and self.attention_at == self.created_at

    @property
    def has_unread_reply(self) -> bool:
        """The customer wrote after arriving and nobody has read it: name in bold."""
        return self.unread_count > 0


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


class HistoryKind(StrEnum):
    """What a line of a lead's history records."""

    CREATED = "created"
    MOVED = "moved"
    ASSIGNED = "assigned"
    NOTE = "note"
    SCHEDULED = "scheduled"
    RESOLVED = "resolved"
    OUTCOME = "outcome"
    EDITED = "edited"
    RESCHEDULED = "rescheduled"
    CANCELLED = "cancelled"
    HANDLED = "handled"


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


@dataclass(frozen=True, slots=True)
class Change:
    """One entry of the change log: something a board may need to refresh.

    Attributes:
        id: Increasing change id; boards remember the last one they applied.
        kind: What happened ("lead.created", "lead.moved", "message.in", …).
        lead_id: The lead concerned, or None for store-wide changes (the plan).
        actor: Who did it.
        at: When.
    """

    id: int
    kind: str
    lead_id: int | None
    actor: str
    at: datetime


@dataclass(frozen=True, slots=True)
class ColumnPage:
    """A window of one column, in board order.

    Attributes:
        status: The column.
        total: Leads in the column.
        cards: The cards of this page.
        has_more: More cards follow this page.
    """

    status: Status
    total: int
    cards: tuple[LeadCard, ...]
    has_more: bool


@dataclass(frozen=True, slots=True)
class MessageCreate:
    """A message to record with a new lead (demo data, imports).

    Attributes:
        direction: Who wrote it.
        body: The text (sanitised on the way in).
        at: When it was written.
        read: For an inbound message, whether a salesperson has read it.
        author: The salesperson who wrote an outbound message.
    """

    direction: Direction
    body: str
    at: datetime
    read: bool = True
    author: str | None = None


@dataclass(frozen=True, slots=True)
class LeadCreate:
    """Everything needed to create a lead, with optional history (demo data, imports).

    The first inbound message is the one the lead arrived with; messages are
    replayed through the attention rules to compute the lead's state.
    """

    name: str
    created_at: datetime
    phone: str | None = None
    email: str | None = None
    vehicle: str | None = None
    price: Decimal | None = None
    source: str | None = None
    external_id: str | None = None
    status: Status = Status.NEW
    assigned_to: str | None = None
    messages: tuple[MessageCreate, ...] = ()
    acted_at: datetime | None = None
    next_appointment: tuple[AppointmentKind, datetime] | None = None


@dataclass(frozen=True, slots=True)
class MoveResult:
    """What a move (or an undo) did.

    Attributes:
        card: The lead as it is now.
        from_status: Where it was.
        to_status: Where it is.
        change_id: The change-log id of the move.
    """

    card: LeadCard
    from_status: Status
    to_status: Status
    change_id: int
