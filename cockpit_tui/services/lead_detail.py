"""Everything the lead screen shows, read in one session: conversation and history."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cockpit_tui.domain.models import (
    Appointment,
    AppointmentEnd,
    AppointmentKind,
    Assignment,
    HistoryEntry,
    HistoryKind,
    LeadCard,
    LeadDetail,
    LostReason,
    NegotiationSummary,
    Note,
    Outcome,
    OutcomeKind,
    PaymentMethod,
    StatusChange,
)
from cockpit_tui.domain.statuses import Status

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from cockpit_tui.store.tables import AppointmentRow, LeadRow, OutcomeRow


#: Events of one instant in cause-and-effect order: a visit resolved, then the move it caused.
_SAME_INSTANT_ORDER = (
    HistoryKind.CREATED,
    HistoryKind.ASSIGNED,
    HistoryKind.NOTE,
    HistoryKind.EDITED,
    HistoryKind.RESCHEDULED,
    HistoryKind.CANCELLED,
    HistoryKind.SCHEDULED,
    HistoryKind.RESOLVED,
    HistoryKind.MOVED,
    HistoryKind.OUTCOME,
)

#: How an appointment that left the agenda shows in the history.
_ENDED = {
    AppointmentEnd.RESCHEDULED: HistoryKind.RESCHEDULED,
    AppointmentEnd.CANCELLED: HistoryKind.CANCELLED,
}


def read_lead_detail(session: Session, lead: LeadRow, card: LeadCard) -> LeadDetail:
    """Build the lead screen's content from the lead's rows.

    Args:
        session: An open (read) session.
        lead: The lead's row.
        card: The lead as the board shows it (read by the caller).
    """
    from cockpit_tui.services.lead_edits import field_change_from_row
    from cockpit_tui.services.leads import message_from_row
    from cockpit_tui.store import repository
    from cockpit_tui.store.lead_entry import edits_of_lead

    assert lead.id is not None
    lead_id = lead.id
    messages = tuple(
        message_from_row(row) for row in repository.messages_of_lead(session, lead_id=lead_id)
    )
    appointments = tuple(
        appointment_from_row(row)
        for row in repository.appointments_of_lead(session, lead_id=lead_id)
    )
    history: list[HistoryEntry] = [HistoryEntry(HistoryKind.CREATED, lead.created_at, None)]
    for move in repository.moves_of_lead(session, lead_id=lead_id):
        change = StatusChange(
            id=move.id or 0,
            lead_id=lead_id,
            from_status=Status(move.from_status),
            to_status=Status(move.to_status),
            actor=move.actor,
            at=move.at,
            undone=move.undone_at is not None,
        )
        history.append(HistoryEntry(HistoryKind.MOVED, move.at, move.actor, change))
    for given in repository.assignments_of_lead(session, lead_id=lead_id):
        assignment = Assignment(given.id or 0, lead_id, given.assigned_to, given.actor, given.at)
        history.append(HistoryEntry(HistoryKind.ASSIGNED, given.at, given.actor, assignment))
    for written in repository.notes_of_lead(session, lead_id=lead_id):
        note = Note(written.id or 0, lead_id, written.body, written.actor, written.at)
        history.append(HistoryEntry(HistoryKind.NOTE, written.at, written.actor, note))
    for appointment in appointments:
        scheduled_at = appointment.created_at or appointment.at
        history.append(
            HistoryEntry(HistoryKind.SCHEDULED, scheduled_at, appointment.created_by, appointment)
        )
        if appointment.resolved_at is not None:
            history.append(
                HistoryEntry(
                    _ENDED[appointment.ended] if appointment.ended else HistoryKind.RESOLVED,
                    appointment.resolved_at,
                    appointment.resolved_by,
                    appointment,
                )
            )
    history.extend(
        HistoryEntry(HistoryKind.EDITED, edit.at, edit.actor, field_change_from_row(edit))
        for edit in edits_of_lead(session, lead_id=lead_id)
    )
    for ended in repository.outcomes_of_lead(session, lead_id=lead_id):
        outcome = outcome_from_row(ended)
        history.append(HistoryEntry(HistoryKind.OUTCOME, ended.at, ended.actor, outcome))
    history.sort(key=lambda entry: (entry.at, _SAME_INSTANT_ORDER.index(entry.kind)))
    negotiations = tuple(
        NegotiationSummary(other.id or 0, Status(other.status), other.created_at, other.vehicle)
        for other in repository.leads_of_customer(session, customer_id=lead.customer_id)
        if other.id != lead_id
    )
    return LeadDetail(
        card=card,
        messages=messages,
        history=tuple(history),
        appointments=appointments,
        negotiations=negotiations,
        previous_lead_id=lead.previous_lead_id,
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
    )
