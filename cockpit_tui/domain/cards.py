"""What the board reads of a lead: its card, its attention facts, a column's page, a change.

Frozen records (:mod:`cockpit_tui.domain.records`: a frozen dataclass's behaviour
without its cost at import) with no database or UI type. Only these are created
when the board starts (the lead screen's values live in :mod:`lead_history`).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from cockpit_tui.domain.business_time import SlaMarks, SlaState
from cockpit_tui.domain.records import Record, set_field
from cockpit_tui.domain.statuses import Status


class Customer(Record):
    """A person the store talks to; one customer may have several leads over time."""

    __slots__ = ("email", "id", "name", "phone")
    id: int
    name: str
    phone: str | None
    email: str | None

    def __init__(self, id: int, name: str, phone: str | None, email: str | None) -> None:
        set_field(self, "id", id)
        set_field(self, "name", name)
        set_field(self, "phone", phone)
        set_field(self, "email", email)


class AttentionState(Record):
    """The facts the attention and ordering rules read from a lead.

    Attributes:
        attention_at: When the event that needs an interaction happened (the
            lead's arrival or a later inbound message); None once someone acted.
        unread_count: Inbound messages after arrival not yet read.
        last_activity_at: The lead's most recent event of any kind.
    """

    __slots__ = ("attention_at", "last_activity_at", "unread_count")
    attention_at: datetime | None
    unread_count: int
    last_activity_at: datetime

    def __init__(
        self, attention_at: datetime | None, unread_count: int, last_activity_at: datetime
    ) -> None:
        set_field(self, "attention_at", attention_at)
        set_field(self, "unread_count", unread_count)
        set_field(self, "last_activity_at", last_activity_at)


class LeadCard(Record):
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

    __slots__ = (
        "assigned_to",
        "attention_at",
        "created_at",
        "customer_id",
        "customer_name",
        "email",
        "first_response_at",
        "first_response_seconds",
        "id",
        "last_activity_at",
        "next_appointment_at",
        "phone",
        "price",
        "response_due_at",
        "response_due_soon_at",
        "source",
        "status",
        "unread_count",
        "vehicle",
        "version",
        "waiting_since",
    )
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
    next_appointment_at: datetime | None
    waiting_since: datetime | None
    response_due_soon_at: datetime | None
    response_due_at: datetime | None
    first_response_at: datetime | None
    first_response_seconds: int | None

    def __init__(
        self,
        id: int,
        version: int,
        status: Status,
        customer_id: int,
        customer_name: str,
        phone: str | None,
        email: str | None,
        vehicle: str | None,
        price: Decimal | None,
        source: str | None,
        assigned_to: str | None,
        created_at: datetime,
        last_activity_at: datetime,
        attention_at: datetime | None,
        unread_count: int,
        next_appointment_at: datetime | None = None,
        waiting_since: datetime | None = None,
        response_due_soon_at: datetime | None = None,
        response_due_at: datetime | None = None,
        first_response_at: datetime | None = None,
        first_response_seconds: int | None = None,
    ) -> None:
        set_field(self, "id", id)
        set_field(self, "version", version)
        set_field(self, "status", status)
        set_field(self, "customer_id", customer_id)
        set_field(self, "customer_name", customer_name)
        set_field(self, "phone", phone)
        set_field(self, "email", email)
        set_field(self, "vehicle", vehicle)
        set_field(self, "price", price)
        set_field(self, "source", source)
        set_field(self, "assigned_to", assigned_to)
        set_field(self, "created_at", created_at)
        set_field(self, "last_activity_at", last_activity_at)
        set_field(self, "attention_at", attention_at)
        set_field(self, "unread_count", unread_count)
        set_field(self, "next_appointment_at", next_appointment_at)
        set_field(self, "waiting_since", waiting_since)
        set_field(self, "response_due_soon_at", response_due_soon_at)
        set_field(self, "response_due_at", response_due_at)
        set_field(self, "first_response_at", first_response_at)
        set_field(self, "first_response_seconds", first_response_seconds)

    def sla_state(self, now: datetime) -> SlaState | None:
        """Where its wait stands at ``now`` against the SLA (None when nothing waits)."""
        if self.waiting_since is None or self.response_due_at is None:
            return None
        soon = self.response_due_soon_at or self.response_due_at
        return SlaMarks(soon, self.response_due_at).state(now)

    def appointment_overdue(self, now: datetime) -> bool:
        """Whether its next appointment's time has passed, on a lead still open: a sold
        or lost lead has nothing late (its pending visits are moot, not overdue)."""
        at = self.next_appointment_at
        return at is not None and at < now and not self.status.is_closed

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


class Change(Record):
    """One entry of the change log: something a board may need to refresh.

    Attributes:
        id: Increasing change id; boards remember the last one they applied.
        kind: What happened ("lead.created", "lead.moved", "message.in", …).
        lead_id: The lead concerned, or None for store-wide changes (the plan).
        actor: Who did it.
        at: When.
    """

    __slots__ = ("actor", "at", "id", "kind", "lead_id")
    id: int
    kind: str
    lead_id: int | None
    actor: str
    at: datetime

    def __init__(self, id: int, kind: str, lead_id: int | None, actor: str, at: datetime) -> None:
        set_field(self, "id", id)
        set_field(self, "kind", kind)
        set_field(self, "lead_id", lead_id)
        set_field(self, "actor", actor)
        set_field(self, "at", at)


class ColumnPage(Record):
    """A window of one column, in board order.

    Attributes:
        status: The column.
        total: Leads in the column.
        cards: The cards of this page.
        has_more: More cards follow this page.
    """

    __slots__ = ("cards", "has_more", "status", "total")
    status: Status
    total: int
    cards: tuple[LeadCard, ...]
    has_more: bool

    def __init__(
        self, status: Status, total: int, cards: tuple[LeadCard, ...], has_more: bool
    ) -> None:
        set_field(self, "status", status)
        set_field(self, "total", total)
        set_field(self, "cards", cards)
        set_field(self, "has_more", has_more)
