"""Rescue: a lead its salesperson did not answer in time goes to the next one on duty.

With ``distribution`` = ``round-robin`` and ``rescue_minutes`` > 0, an
assigned lead still without a first response (see :mod:`cockpit_tui.store.rescue`
for this round's rule) after ``rescue_minutes`` of business time is
reassigned to the next salesperson on duty, or left unassigned when nobody
is on duty; when its salesperson is the only one on duty, they keep it.
Any process may run it at any time (a board, ``cockpit ingest``,
``cockpit rescue`` from cron): the check is repeated inside one write
transaction, which the store serialises, so each lead is rescued once.
"""

from __future__ import annotations

from cockpit_tui.domain.duty import Rescue
from cockpit_tui.services.business_calendar import store_calendar
from cockpit_tui.services.clock import Clock
from cockpit_tui.services.settings import SettingsService
from cockpit_tui.store.handle import Store


class RescueService:
    """Finds and reassigns the leads nobody answered in time.

    Args:
        store: The open store.
        actor: Who runs the rescue (recorded with each reassignment).
        clock: Time source.
    """

    def __init__(self, store: Store, *, actor: str, clock: Clock) -> None:
        self._store = store
        self._actor = actor
        self._clock = clock
        self._settings = SettingsService(store, actor=actor, clock=clock)

    def enabled(self) -> bool:
        """Whether the store rescues leads (round-robin on, ``rescue_minutes`` not 0)."""
        minutes = int(self._settings.value("rescue_minutes") or 0)
        return minutes > 0 and self._settings.value("distribution") == "round-robin"

    def run(self) -> list[Rescue]:
        """Rescue every lead due now; returns what was done (nothing when disabled)."""
        from cockpit_tui.store.distribution import RESCUE, record_assignment
        from cockpit_tui.store.duty import on_duty, take_turn
        from cockpit_tui.store.engine import read_session, write_session
        from cockpit_tui.store.rescue import waiting_without_response

        if not self.enabled():
            return []
        limit = int(self._settings.value("rescue_minutes") or 0) * 60
        now = self._clock.now()
        clocks = store_calendar(self._settings).at(now)
        # A read first, so the write lock is taken only when some lead is due.
        with read_session(self._store.engine) as session:
            candidates = waiting_without_response(session.connection())
        due = [waiting.lead_id for waiting in candidates if clocks.waited(waiting.since) >= limit]
        if not due:
            return []
        rescued: list[Rescue] = []
        with write_session(self._store.engine) as session:
            connection = session.connection()
            # Checked again under the lock: another process may have rescued them meanwhile.
            for waiting in waiting_without_response(connection, lead_ids=due):
                waited = clocks.waited(waiting.since)
                if waited < limit:
                    continue
                successor = take_turn(connection, skip=waiting.assigned_to)
                if successor is None and on_duty(connection):
                    continue  # its salesperson is the only one on duty: they keep it
                record_assignment(
                    connection,
                    lead_id=waiting.lead_id,
                    assigned_to=successor,
                    reason=RESCUE,
                    actor=self._actor,
                    now=now,
                    previous=waiting.assigned_to,
                )
                rescued.append(Rescue(waiting.lead_id, waiting.assigned_to, successor, waited))
        return rescued
