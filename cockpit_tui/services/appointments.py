"""Scheduling visits, call backs and video calls, and saying whether a visit occurred."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from cockpit_tui.domain.appointments import check_kind_allowed
from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.models import Appointment, AppointmentKind, MoveResult
from cockpit_tui.domain.plans import Plan
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services.card_rows import card_from_row
from cockpit_tui.services.rows import appointment_from_row
from cockpit_tui.services.store_service import StoreService

if TYPE_CHECKING:
    from cockpit_tui.store.lead_write import LeadWrite, WrittenLead

#: How far ahead an appointment may be scheduled (a year, leap day included).
MAX_AHEAD = timedelta(days=366)

#: Statuses a lead leaves for Visita realizada when its visit occurred.
_BEFORE_VISIT = frozenset({Status.NEW, Status.NEGOTIATING, Status.AWAITING_VISIT})


class AppointmentService(StoreService):
    """Appointments of leads: the card shows the next one, overdue in warning colours."""

    def schedule(
        self, lead_id: int, kind: AppointmentKind, at: datetime, *, plan: Plan
    ) -> Appointment:
        """Schedule an appointment; it counts as acting on the lead (it leaves the top).

        Args:
            lead_id: The lead.
            kind: Visit, call back or video call.
            at: When (aware, in the future).
            plan: The store's plan (video calls need CRM +Smart).

        Raises:
            InvalidInputError: a video call below CRM +Smart, or a time already past.
            LeadNotFoundError: no lead has that id.
        """
        from cockpit_tui.store import repository

        check_kind_allowed(kind, plan)
        now = self._clock.now()
        if at <= now:
            raise InvalidInputError("form.past_datetime")
        if at > now + MAX_AHEAD:
            raise InvalidInputError("form.too_far_ahead")
        with self._write() as write:
            lead = write.lead(lead_id)
            row = repository.insert_appointment(
                write.session,
                lead_id=lead_id,
                kind=kind.value,
                at=at,
                actor=self._actor,
                now=write.now,
            )
            after_appointment_change(write, lead)
            write.log("lead.appointment", lead_id)
            return appointment_from_row(row)

    def resolve(self, appointment_id: int, *, occurred: bool) -> MoveResult | None:
        """Say whether an appointment happened.

        A visit that occurred moves its lead to Visita realizada (from Nova
        proposta, Em negociação or Aguardando visita); one that did not is
        recorded and the lead stays where it is.

        Returns:
            The move it caused, if any.

        Raises:
            InvalidInputError: no such appointment, or it was already resolved.
        """
        from cockpit_tui.services.leads import move_lead
        from cockpit_tui.store import repository

        moved: tuple[int, Status] | None = None
        with self._write() as write:
            row = repository.get_appointment(write.session, appointment_id=appointment_id)
            if row is None:
                raise InvalidInputError("form.unknown_appointment")
            if row.resolved_at is not None:
                raise InvalidInputError("form.appointment_resolved")
            if occurred and row.at > write.now:
                raise InvalidInputError("form.not_happened_yet")
            repository.resolve_appointment(
                write.session, row, occurred=occurred, actor=self._actor, at=write.now
            )
            lead = write.lead(row.lead_id)
            after_appointment_change(write, lead)
            write.flush()
            from_status = lead.status
            if (
                occurred
                and row.kind == AppointmentKind.VISIT.value
                and from_status in _BEFORE_VISIT
            ):
                move_lead(write, lead, Status.VISITED, seen_version=None)
                moved = (row.lead_id, from_status)
            else:
                write.log("lead.appointment", row.lead_id)
        if moved is None:
            return None
        lead_id, from_status = moved
        card_row = self._store.reader.card_row(lead_id)
        assert card_row is not None
        return MoveResult(
            card_from_row(card_row), from_status, Status.VISITED, write.change_ids[-1]
        )


def after_appointment_change(write: LeadWrite, lead: WrittenLead) -> None:
    """The card shows the lead's next pending appointment; scheduling or resolving is acting."""
    from cockpit_tui.store import repository

    lead.set_next_appointment_at(
        repository.next_pending_appointment_at(write.session, lead_id=lead.id)
    )
    write.act(lead)
