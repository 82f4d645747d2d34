"""Everything the lead screen shows, read in one session: conversation and history."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cockpit_tui.domain.models import (
    ASSIGNMENT_UNDONE,
    AppointmentEnd,
    HistoryEntry,
    HistoryKind,
    LeadCard,
    LeadDetail,
)
from cockpit_tui.services.rows import (
    appointment_from_row,
    assignment_from_row,
    field_change_from_row,
    handled_from_row,
    message_from_row,
    negotiation_from_row,
    note_from_row,
    outcome_from_row,
    status_change_from_row,
)

if TYPE_CHECKING:
    from cockpit_tui.store.lead_read import LeadRead


#: Events of one instant in cause-and-effect order: a visit resolved, then the move it caused.
_SAME_INSTANT_ORDER = (
    HistoryKind.CREATED,
    HistoryKind.ASSIGNED,
    HistoryKind.NOTE,
    HistoryKind.HANDLED,
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


def read_lead_detail(read: LeadRead, card: LeadCard) -> LeadDetail:
    """Build the lead screen's content from the lead's rows.

    Args:
        read: The lead's rows, in an open read transaction.
        card: The lead as the board shows it (read by the caller).
    """
    lead = read.lead
    lead_id = card.id
    messages = tuple(message_from_row(row) for row in read.messages())
    appointments = tuple(appointment_from_row(row) for row in read.appointments())
    history: list[HistoryEntry] = [HistoryEntry(HistoryKind.CREATED, lead.created_at, None)]
    for move in read.moves():
        if move.undo_of is not None:  # the undone move says "desfeito"; its reverse is no event
            continue
        change = status_change_from_row(move)
        history.append(HistoryEntry(HistoryKind.MOVED, move.at, move.actor, change))
    for given in read.assignments():
        if given.reason == ASSIGNMENT_UNDONE:  # the undone assignment says "desfeito"
            continue
        assignment = assignment_from_row(given)
        history.append(HistoryEntry(HistoryKind.ASSIGNED, given.at, given.actor, assignment))
    for handled in read.handled():
        history.append(
            HistoryEntry(HistoryKind.HANDLED, handled.at, handled.actor, handled_from_row(handled))
        )
    for written in read.notes():
        note = note_from_row(written)
        history.append(HistoryEntry(HistoryKind.NOTE, written.at, written.actor, note))
    for appointment in appointments:
        scheduled_at = appointment.created_at or appointment.at
        history.append(
            HistoryEntry(HistoryKind.SCHEDULED, scheduled_at, appointment.created_by, appointment)
        )
        if appointment.resolved_at is not None and not appointment.undone:
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
        for edit in read.edits()
    )
    for ended in read.outcomes():
        outcome = outcome_from_row(ended)
        history.append(HistoryEntry(HistoryKind.OUTCOME, ended.at, ended.actor, outcome))
    history.sort(key=lambda entry: (entry.at, _SAME_INSTANT_ORDER.index(entry.kind)))
    negotiations = tuple(
        negotiation_from_row(other) for other in read.customer_leads() if other.id != lead_id
    )
    from cockpit_tui.domain.whatsapp import DeliveryStatus

    deliveries = {
        row.message_id: DeliveryStatus(row.state, row.state_at, row.error)
        for row in read.deliveries()
    }
    return LeadDetail(
        card=card,
        messages=messages,
        history=tuple(history),
        appointments=appointments,
        negotiations=negotiations,
        previous_lead_id=lead.previous_lead_id,
        deliveries=deliveries,
    )
