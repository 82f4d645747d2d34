"""What an open board alerts its user about (issue 15): reads for the rules of domain/alerts.

The board keeps an :class:`AlertCursor` (the last change-log entry and the
instant it last checked) and asks :meth:`AlertService.read` from its live
poll's worker; the service keeps nothing between calls, so several boards
(and tests) share one safely.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cockpit_tui.domain.alerts import (
    Alert,
    AlertEvent,
    AlertKind,
    AlertMode,
    alerts_for,
    may_answer,
)
from cockpit_tui.services.clock import Clock
from cockpit_tui.store.alert_reads import alert_event_rows, due_soon_rows
from cockpit_tui.store.codec import to_micros
from cockpit_tui.store.handle import Store

#: Most "about to pass" alerts read at once (more would not be read by anyone anyway).
_DUE_SOON_LIMIT = 20


@dataclass(frozen=True, slots=True)
class AlertCursor:
    """Where a board's alerts stand.

    Attributes:
        change_id: The last change-log entry already considered.
        checked_at: When the SLAs were last checked.
    """

    change_id: int
    checked_at: datetime


class AlertService:
    """Reads what alerts one salesperson.

    Args:
        store: The open store.
        actor: The salesperson the board belongs to.
        clock: Time source.
    """

    def __init__(self, store: Store, *, actor: str, clock: Clock) -> None:
        self._reader = store.reader
        self._actor = actor
        self._clock = clock

    def start(self) -> AlertCursor:
        """A cursor at the present: what happened before the board opened does not alert."""
        return AlertCursor(self._reader.last_change_id(), self._clock.now())

    def read(
        self, cursor: AlertCursor, *, mode: AlertMode, changes: bool = True, slas: bool = True
    ) -> tuple[AlertCursor, list[Alert]]:
        """The alerts since ``cursor``, and the cursor to pass next time.

        Args:
            cursor: Where the last read stopped.
            mode: The user's ``alerts`` preference.
            changes: Whether to read the change log.
            slas: Whether to look for SLAs about to pass (time alone moves
                them: a board checks every few seconds, not on every poll).
        """
        now = self._clock.now()
        change_id = cursor.change_id
        alerts: list[Alert] = []
        if changes:
            change_id = self._reader.last_change_id()
            if change_id > cursor.change_id and mode is not AlertMode.OFF:
                rows = alert_event_rows(self._reader, after_id=cursor.change_id, up_to_id=change_id)
                events = [_event_of(row) for row in rows]
                alerts += alerts_for(events, user=self._actor, mode=mode)
        if not slas:
            return AlertCursor(change_id, cursor.checked_at), alerts
        if mode is not AlertMode.OFF and now > cursor.checked_at:
            alerts += self._due_soon(cursor.checked_at, now, mode)
        return AlertCursor(change_id, now), alerts

    def _due_soon(self, since: datetime, now: datetime, mode: AlertMode) -> list[Alert]:
        rows = due_soon_rows(
            self._reader, since=to_micros(since), now=to_micros(now), limit=_DUE_SOON_LIMIT
        )
        return [
            Alert(AlertKind.DUE_SOON, int(lead_id), str(name), source)
            for lead_id, name, source, assigned_to in rows
            if may_answer(assigned_to, user=self._actor, mode=mode)
        ]


def _event_of(row: tuple[object, ...]) -> AlertEvent:
    change_id, kind, lead_id, actor, name, source, assigned_to, reason, previous = row
    return AlertEvent(
        change_id=int(str(change_id)),
        kind=str(kind),
        lead_id=int(str(lead_id)),
        actor=str(actor),
        customer_name=str(name),
        source=None if source is None else str(source),
        assigned_to=None if assigned_to is None else str(assigned_to),
        reason=None if reason is None else str(reason),
        previous=None if previous is None else str(previous),
    )
