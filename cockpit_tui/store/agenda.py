"""Queries of appointments across leads (the day's agenda) and of one lead's pending ones.

Keyword-only functions taking a session; none writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import and_, or_
from sqlalchemy.orm import Session
from sqlmodel import col, select

from cockpit_tui.store.tables import AppointmentRow, CustomerRow, LeadRow


class AgendaRow(NamedTuple):
    """An appointment with what the agenda shows of its lead."""

    appointment: AppointmentRow
    customer: str
    status: str
    assigned_to: str | None


def agenda_rows(
    session: Session,
    *,
    start: datetime,
    end: datetime,
    pending_before: datetime | None,
    assigned_to: str | None,
) -> list[AgendaRow]:
    """Appointments of ``[start, end)`` not rescheduled or cancelled, plus pending earlier ones.

    Args:
        session: An open session.
        start: The day's first instant (UTC).
        end: The next day's first instant.
        pending_before: Also the appointments still pending before this instant
            (None: none of them).
        assigned_to: Only leads of this salesperson (None: the whole store).
    """
    in_day = and_(col(AppointmentRow.at) >= start, col(AppointmentRow.at) < end)
    window = in_day
    if pending_before is not None:
        earlier = and_(
            col(AppointmentRow.at) < pending_before,
            col(AppointmentRow.resolved_at).is_(None),
        )
        window = or_(in_day, earlier)
    query = (
        select(AppointmentRow, CustomerRow.name, LeadRow.status, LeadRow.assigned_to)
        .join(LeadRow, col(LeadRow.id) == col(AppointmentRow.lead_id))
        .join(CustomerRow, col(CustomerRow.id) == col(LeadRow.customer_id))
        .where(window, col(AppointmentRow.ended).is_(None))
        .order_by(col(AppointmentRow.at), col(AppointmentRow.id))
    )
    if assigned_to is not None:
        query = query.where(col(LeadRow.assigned_to) == assigned_to)
    return [
        AgendaRow(appointment, str(name), str(status), assigned)
        for appointment, name, status, assigned in session.execute(query)
    ]


def pending_appointments_of_lead(session: Session, *, lead_id: int) -> Sequence[AppointmentRow]:
    """A lead's appointments nobody resolved, rescheduled or cancelled, soonest first."""
    return session.scalars(
        select(AppointmentRow)
        .where(
            col(AppointmentRow.lead_id) == lead_id,
            col(AppointmentRow.resolved_at).is_(None),
        )
        .order_by(col(AppointmentRow.at), col(AppointmentRow.id))
    ).all()
