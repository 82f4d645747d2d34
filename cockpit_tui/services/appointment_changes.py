"""Moving and cancelling appointments, and listing a lead's pending ones.

A rescheduled appointment is kept (marked ``rescheduled``, linked from its
replacement) so the lead's history shows both times; a cancelled one keeps
its optional reason. Both count as acting on the lead, like scheduling.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from cockpit_tui.domain import attention
from cockpit_tui.domain.appointments import check_kind_allowed
from cockpit_tui.domain.errors import InvalidInputError, LeadNotFoundError
from cockpit_tui.domain.models import Appointment, AppointmentEnd, AppointmentKind
from cockpit_tui.domain.plans import Plan
from cockpit_tui.domain.sanitize import clean_optional
from cockpit_tui.services.clock import Clock
from cockpit_tui.store.handle import Store

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from cockpit_tui.store.tables import AppointmentRow

_MAX_REASON = 200


class AppointmentChangeService:
    """Reschedules and cancels pending appointments.

    Args:
        store: The open store.
        actor: The salesperson.
        clock: Time source.
    """

    def __init__(self, store: Store, *, actor: str, clock: Clock) -> None:
        self._store = store
        self._actor = actor
        self._clock = clock

    def pending(self, lead_id: int) -> list[Appointment]:
        """Every appointment of the lead still on the agenda, soonest first.

        Raises:
            LeadNotFoundError: no lead has that id.
        """
        from cockpit_tui.services.lead_detail import appointment_from_row
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
        from cockpit_tui.services.lead_detail import appointment_from_row
        from cockpit_tui.store import repository
        from cockpit_tui.store.engine import write_session

        now = self._clock.now()
        if at <= now:
            raise InvalidInputError("form.past_datetime")
        with write_session(self._store.engine) as session:
            old = _pending(session, appointment_id)
            new_kind = kind or AppointmentKind(old.kind)
            check_kind_allowed(new_kind, plan)
            if at == old.at and new_kind.value == old.kind:
                raise InvalidInputError("appointment.same_time")
            _end(old, AppointmentEnd.RESCHEDULED, actor=self._actor, now=now)
            row = repository.insert_appointment(
                session, lead_id=old.lead_id, kind=new_kind.value, at=at, actor=self._actor, now=now
            )
            row.replaces_id = old.id
            self._after_change(session, old.lead_id, now)
            return appointment_from_row(row)

    def cancel(self, appointment_id: int, *, reason: str | None = None) -> Appointment:
        """Cancel a pending appointment, with an optional reason.

        Raises:
            InvalidInputError: the appointment is unknown or no longer pending.
        """
        from cockpit_tui.services.lead_detail import appointment_from_row
        from cockpit_tui.store.engine import write_session

        now = self._clock.now()
        why = clean_optional(reason, max_length=_MAX_REASON) if reason else None
        with write_session(self._store.engine) as session:
            row = _pending(session, appointment_id)
            _end(row, AppointmentEnd.CANCELLED, actor=self._actor, now=now)
            row.end_reason = why
            self._after_change(session, row.lead_id, now)
            return appointment_from_row(row)

    def _after_change(self, session: Session, lead_id: int, now: datetime) -> None:
        from cockpit_tui.store import repository

        session.flush()
        lead = repository.get_lead(session, lead_id=lead_id)
        if lead is None:  # pragma: no cover - the appointment's foreign key forbids it
            raise LeadNotFoundError(lead_id=lead_id)
        lead.next_appointment_at = repository.next_pending_appointment_at(session, lead_id=lead_id)
        repository.apply_attention(lead, attention.on_action(repository.attention_of(lead), now))
        repository.append_change(
            session, kind="lead.appointment", lead_id=lead_id, actor=self._actor, at=now
        )


def _pending(session: Session, appointment_id: int) -> AppointmentRow:
    from cockpit_tui.store import repository

    row = repository.get_appointment(session, appointment_id=appointment_id)
    if row is None:
        raise InvalidInputError("form.unknown_appointment")
    if row.resolved_at is not None:
        raise InvalidInputError("form.appointment_resolved")
    return row


def _end(row: AppointmentRow, how: AppointmentEnd, *, actor: str, now: datetime) -> None:
    row.ended, row.resolved_at, row.resolved_by = how.value, now, actor
