"""Every conversion of a stored row into the domain's value objects, in one place.

Card rows are the reader's plain tuples (:data:`cockpit_tui.store.reader.CARD_COLUMNS`);
the others are the ORM's rows, read in a session. Nothing here writes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cockpit_tui.domain.lead_edits import EditableField, FieldChange
from cockpit_tui.domain.models import (
    Appointment,
    AppointmentEnd,
    AppointmentKind,
    Assignment,
    Change,
    Direction,
    Handled,
    LeadCard,
    LostReason,
    Message,
    NegotiationSummary,
    Note,
    OutboxItem,
    Outcome,
    OutcomeKind,
    PaymentMethod,
    StatusChange,
)
from cockpit_tui.domain.statuses import Status
from cockpit_tui.store.codec import from_cents, from_micros

if TYPE_CHECKING:
    from cockpit_tui.store.tables import (
        AppointmentRow,
        AssignmentRow,
        CustomerRow,
        HandledRow,
        LeadEditRow,
        LeadRow,
        MessageRow,
        NoteRow,
        OutcomeRow,
        StatusChangeRow,
    )


def card_from_row(row: tuple[Any, ...]) -> LeadCard:
    """Build a card from a row in :data:`cockpit_tui.store.reader.CARD_COLUMNS` order."""
    return LeadCard(
        id=int(row[0]),
        version=int(row[1]),
        status=Status(row[2]),
        customer_id=int(row[3]),
        customer_name=row[4],
        phone=row[5],
        email=row[6],
        vehicle=row[7],
        price=None if row[8] is None else from_cents(int(row[8])),
        source=row[9],
        assigned_to=row[10],
        created_at=from_micros(int(row[11])),
        last_activity_at=from_micros(int(row[12])),
        attention_at=None if row[13] is None else from_micros(int(row[13])),
        unread_count=int(row[14]),
        next_appointment_at=None if row[15] is None else from_micros(int(row[15])),
        waiting_since=None if row[18] is None else from_micros(int(row[18])),
        response_due_soon_at=None if row[19] is None else from_micros(int(row[19])),
        response_due_at=None if row[20] is None else from_micros(int(row[20])),
        first_response_at=None if row[21] is None else from_micros(int(row[21])),
        first_response_seconds=None if row[22] is None else int(row[22]),
    )


def change_from_row(row: tuple[Any, ...]) -> Change:
    """A change-log entry from the reader's (id, kind, lead id, actor, at) row."""
    return Change(
        id=int(row[0]),
        kind=str(row[1]),
        lead_id=None if row[2] is None else int(row[2]),
        actor=str(row[3]),
        at=from_micros(int(row[4])),
    )


def message_from_row(row: MessageRow) -> Message:
    """The domain's view of a message row."""
    return Message(
        id=row.id or 0,
        lead_id=row.lead_id,
        direction=Direction(row.direction),
        body=row.body,
        at=row.at,
        author=row.author,
        read_at=row.read_at,
        delivered_at=row.delivered_at,
    )


def outbox_item_from_rows(message: MessageRow, customer: CustomerRow) -> OutboxItem:
    """An undelivered reply with the customer it goes to."""
    return OutboxItem(
        message_id=message.id or 0,
        lead_id=message.lead_id,
        customer_name=customer.name,
        phone=customer.phone,
        email=customer.email,
        body=message.body,
        at=message.at,
    )


def status_change_from_row(row: StatusChangeRow) -> StatusChange:
    """The domain's view of a recorded move."""
    return StatusChange(
        id=row.id or 0,
        lead_id=row.lead_id,
        from_status=Status(row.from_status),
        to_status=Status(row.to_status),
        actor=row.actor,
        at=row.at,
        undone=row.undone_at is not None,
    )


def appointment_from_row(row: AppointmentRow) -> Appointment:
    """The domain's view of an appointment row."""
    return Appointment(
        id=row.id or 0,
        lead_id=row.lead_id,
        kind=AppointmentKind(row.kind),
        at=row.at,
        occurred=row.occurred,
        created_by=row.created_by,
        created_at=row.created_at,
        resolved_by=row.resolved_by,
        resolved_at=row.resolved_at,
        ended=AppointmentEnd(row.ended) if row.ended else None,
        end_reason=row.end_reason,
        replaces_id=row.replaces_id,
        undone=row.undone_at is not None,
    )


def field_change_from_row(row: LeadEditRow) -> FieldChange:
    """The domain's view of a recorded correction."""
    return FieldChange(
        id=row.id or 0,
        lead_id=row.lead_id,
        field=EditableField(row.field),
        old=row.old_value,
        new=row.new_value,
        actor=row.actor,
        at=row.at,
    )


def outcome_from_row(row: OutcomeRow) -> Outcome:
    """The domain's view of an outcome row."""
    return Outcome(
        id=row.id or 0,
        lead_id=row.lead_id,
        kind=OutcomeKind(row.kind),
        actor=row.actor,
        at=row.at,
        price=row.price,
        payment_method=PaymentMethod(row.payment_method) if row.payment_method else None,
        trade_in=row.trade_in,
        lost_reason=LostReason(row.lost_reason) if row.lost_reason else None,
        note=row.note,
        undone=row.undone_at is not None,
    )


def assignment_from_row(row: AssignmentRow) -> Assignment:
    """A change of salesperson in a lead's history."""
    return Assignment(
        row.id or 0,
        row.lead_id,
        row.assigned_to,
        row.actor,
        row.at,
        row.reason,
        undone=row.undone_at is not None,
    )


def handled_from_row(row: HandledRow) -> Handled:
    """An "atendido" in a lead's history."""
    return Handled(row.id or 0, row.lead_id, row.actor, row.at, undone=row.undone_at is not None)


def note_from_row(row: NoteRow) -> Note:
    """A note in a lead's history."""
    return Note(row.id or 0, row.lead_id, row.body, row.actor, row.at)


def negotiation_from_row(row: LeadRow) -> NegotiationSummary:
    """Another negotiation with the same customer, as the lead screen lists it."""
    return NegotiationSummary(row.id or 0, Status(row.status), row.created_at, row.vehicle)
