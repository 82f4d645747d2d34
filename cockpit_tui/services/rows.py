"""Conversions of the ORM's rows (read in a session) into the domain's value objects.

The board's plain tuples (cards, changes) are converted in :mod:`card_rows`,
which the board's start-up imports without these. Nothing here writes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cockpit_tui.domain.lead_edits import EditableField, FieldChange
from cockpit_tui.domain.lead_history import (
    Appointment,
    Assignment,
    Handled,
    Message,
    NegotiationSummary,
    Note,
    OutboxItem,
    Outcome,
    StatusChange,
)
from cockpit_tui.domain.lead_kinds import (
    AppointmentEnd,
    AppointmentKind,
    Direction,
    LostReason,
    OutcomeKind,
    PaymentMethod,
)
from cockpit_tui.domain.statuses import Status

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
