"""Moving and cancelling appointments, and listing a lead's pending ones.

A rescheduled appointment is kept (marked ``rescheduled``, linked from its
replacement) so the lead's history shows both times; a cancelled one keeps
its optional reason. Both count as acting on the lead, like scheduling.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from cockpit_tui.domain.appointments import check_kind_allowed
from cockpit_tui.domain.errors import InvalidInputError, LeadNotFoundError
from cockpit_tui.domain.models import Appointment, AppointmentEnd, AppointmentKind
from cockpit_tui.domain.plans import Plan
from cockpit_tui.domain.sanitize import clean_optional
from cockpit_tui.services.rows import appointment_from_row
from cockpit_tui.services.store_service import StoreService

if TYPE_CHECKING:
    from cockpit_tui.store.lead_write import LeadWrite
    from cockpit_tui.store.tables import AppointmentRow

_MAX_REASON = 200


class AppointmentChangeService(StoreService):
    """Reschedules and cancels pending appointments."""

    def pending(self, lead_id: int) -> list[Appointment]:
        """Every appointment of the lead still on the agenda, soonest first.

        Raises:
            LeadNotFoundError: no lead has that id.
        """
        from cockpit_tui.store import repository
        from cockpit_tui.store.agenda import pending_appointments_of_lead
        from cockpit_tui.store.engine import read_session

        with read_session(self._store.engine) as session:
            if repository.get_lead(session, lead_id=lead_id) is None:
                raise LeadNotFoundError(lead_id=lead_id)
            rows = pending_appointments_of_lead(session, lead_id=lead_id)
            return [appointment_from_row(row) for row in rows]

    def reschedule(
        self,
        appointment_id: int,
        at: datetime,
        *,
        plan: Plan,
        kind: AppointmentKind | None = None,
    ) -> Appointment:
        """Move a pending appointment to a new time (and, optionally, another kind).

        Args:
            appointment_id: The appointment.
            at: The new time (aware, in the future).
            plan: The store's plan (video calls need CRM +Smart).
            kind: The new kind (None: the same).

        Returns:
            The new appointment (the old one stays in the history as rescheduled).

        Raises:
            InvalidInputError: the time is past or unchanged, the appointment is
                unknown or no longer pending, or the plan lacks video calls.
        """
        from cockpit_tui.store import repository

        if at <= self._clock.now():
            raise InvalidInputError("form.past_datetime")
        with self._write() as write:
            old = _pending(write, appointment_id)
            new_kind = kind or AppointmentKind(old.kind)
            check_kind_allowed(new_kind, plan)
            if at == old.at and new_kind.value == old.kind:
                raise InvalidInputError("appointment.same_time")
            _end(old, AppointmentEnd.RESCHEDULED, actor=self._actor, now=write.now)
            row = repository.insert_appointment(
                write.session,
                lead_id=old.lead_id,
                kind=new_kind.value,
                at=at,
                actor=self._actor,
                now=write.now,
            )
            row.replaces_id = old.id
            _after_change(write, old.lead_id)
            return appointment_from_row(row)

    def cancel(self, appointment_id: int, *, reason: str | None = None) -> Appointment:
        """Cancel a pending appointment, with an optional reason.

        Raises:
            InvalidInputError: the appointment is unknown or no longer pending.
        """
        why = clean_optional(reason, max_length=_MAX_REASON) if reason else None
        with self._write() as write:
            row = _pending(write, appointment_id)
            _end(row, AppointmentEnd.CANCELLED, actor=self._actor, now=write.now)
            row.end_reason = why
            _after_change(write, row.lead_id)
            return appointment_from_row(row)


def _after_change(write: LeadWrite, lead_id: int) -> None:
    """The card shows the next pending appointment; moving or cancelling one is acting."""
    from cockpit_tui.services.appointments import after_appointment_change

    write.flush()
    after_appointment_change(write, write.lead(lead_id))
    write.log("lead.appointment", lead_id)


def _pending(write: LeadWrite, appointment_id: int) -> AppointmentRow:
    from cockpit_tui.store import repository

    row = repository.get_appointment(write.session, appointment_id=appointment_id)
    if row is None:
        raise InvalidInputError("form.unknown_appointment")
    if row.resolved_at is not None:
        raise InvalidInputError("form.appointment_resolved")
    return row


def _end(row: AppointmentRow, how: AppointmentEnd, *, actor: str, now: datetime) -> None:
    row.ended, row.resolved_at, row.resolved_by = how.value, now, actor
