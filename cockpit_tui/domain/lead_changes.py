"""What a write takes and gives back: a new lead, a new message, a move's result."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from cockpit_tui.domain.cards import LeadCard
from cockpit_tui.domain.lead_kinds import AppointmentKind, Direction
from cockpit_tui.domain.statuses import Status


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
