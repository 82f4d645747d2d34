"""The day's agenda: a salesperson's (or the whole store's) appointments of one day.

Days are read in the store's time zone (setting ``timezone``), so a visit at
23:30 in São Paulo is on that day's agenda wherever the terminal runs.
"""

from __future__ import annotations

from datetime import date, timedelta, tzinfo

from cockpit_tui.domain.agenda import Agenda, AgendaItem, agenda_order, day_bounds, local_day
from cockpit_tui.domain.models import AppointmentKind
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services.settings import SettingsService
from cockpit_tui.services.store_service import StoreService


class AgendaService(StoreService):
    """Reads the agenda of a day."""

    def zone(self) -> tzinfo:
        """The store's time zone."""
        from zoneinfo import ZoneInfo

        name = SettingsService(self._store, actor=self._actor, clock=self._clock).value("timezone")
        return ZoneInfo(name or "America/Sao_Paulo")

    def today(self) -> date:
        """Today in the store's time zone."""
        return local_day(self._clock.now(), self.zone())

    def day(self, day: date | None = None, *, everyone: bool = False) -> Agenda:
        """The appointments of ``day`` (default today) in time order.

        Today's agenda starts with the appointments of earlier days still
        pending (overdue); every day leaves out rescheduled and cancelled ones.

        Args:
            day: The day, in the store's time zone (None: today).
            everyone: The whole store's appointments (False: the user's leads only).
        """
        from cockpit_tui.store.agenda import agenda_rows
        from cockpit_tui.store.engine import read_session

        zone = self.zone()
        now = self._clock.now()
        today = local_day(now, zone)
        shown = day or today
        start, end = day_bounds(shown, zone)
        with read_session(self._store.engine) as session:
            rows = agenda_rows(
                session,
                start=start,
                end=end,
                pending_before=start if shown == today else None,
                assigned_to=None if everyone else self._actor,
            )
        items = [
            AgendaItem(
                appointment_id=row.appointment.id or 0,
                lead_id=row.appointment.lead_id,
                customer=row.customer,
                kind=AppointmentKind(row.appointment.kind),
                at=row.appointment.at,
                assigned_to=row.assigned_to,
                status=Status(row.status),
                occurred=row.appointment.occurred,
                overdue=row.appointment.resolved_at is None
                and row.appointment.at < now
                and not Status(row.status).is_closed,
            )
            for row in rows
            # Earlier days' pending visits come back only for open leads (not late once closed).
            if row.appointment.at >= start or not Status(row.status).is_closed
        ]
        return Agenda(
            day=shown, zone=zone, everyone=everyone, items=agenda_order(items, day_start=start)
        )

    def next_day(self, agenda: Agenda, step: int) -> Agenda:
        """The agenda ``step`` days after (negative: before) the one shown, same scope."""
        return self.day(agenda.day + timedelta(days=step), everyone=agenda.everyone)
