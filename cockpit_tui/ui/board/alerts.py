"""The board's alerts (issue 15): the bell and a notice naming the customer and the source.

:class:`BoardAlerts` is asked by the live poll's worker on every poll (one
``MAX(id)`` of the change log; the change log's new entries only when there
are some), looks for SLAs about to pass every few seconds, and runs the
rescue once a minute, so a store with a board open rescues its leads without
a cron job. The worker posts what it found; :meth:`BoardAlerts.show` rings
and notifies on the UI thread. Customer names and sources are untrusted:
the notices are plain text (``ui/notices.py``), never markup.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from cockpit_tui.domain.alerts import Alert, AlertKind, AlertMode
from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.domain.sanitize import clean_text
from cockpit_tui.i18n.translate import Translator

if TYPE_CHECKING:
    from textual.app import App

    from cockpit_tui.services import Services
    from cockpit_tui.services.alerts import AlertCursor

#: Seconds between two looks for SLAs about to pass.
SLA_CHECK_SECONDS = 5.0
#: Seconds between two rescue runs from an open board.
RESCUE_SECONDS = 60.0
#: Alerts shown one by one at once; more are summed up in one notice.
_SHOWN_AT_ONCE = 3
#: Seconds an alert's notice stays.
_ALERT_SECONDS = 10.0


class BoardAlerts:
    """One board's alerts: what it has seen, and the user's ``alerts`` choice.

    The cursor and the timers are touched by one check at a time (a lock:
    two poll workers overlapping under load once read the same change-log
    entries twice and rang twice); :attr:`mode` is set on the UI thread and
    read by the worker.

    Args:
        services: The open store's services.
        mode: The user's ``alerts`` preference.
        monotonic: Time source for the throttles (tests pass their own).
    """

    def __init__(
        self,
        services: Services,
        mode: AlertMode,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._services = services
        self.mode = mode
        self._monotonic = monotonic
        self._cursor: AlertCursor | None = None
        self._slas_checked = monotonic()
        self._rescued = monotonic()
        self._checking = threading.Lock()

    @property
    def started(self) -> bool:
        """Whether the first check set the starting point (later changes alert)."""
        return self._cursor is not None

    def check(self) -> list[Alert]:
        """Off the UI thread: the alerts since the last check (the first check only starts).

        Also runs the rescue when a minute has passed; what it changes comes
        back as alerts on the next check, like another process's rescue.
        """
        with self._checking:
            return self._check()

    def _check(self) -> list[Alert]:
        alerts = self._services.alerts
        try:
            if self._cursor is None:
                self._cursor = alerts.start()
                return []
            now = self._monotonic()
            slas = now - self._slas_checked >= SLA_CHECK_SECONDS
            if slas:
                self._slas_checked = now
            self._cursor, found = alerts.read(self._cursor, mode=self.mode, slas=slas)
            if now - self._rescued >= RESCUE_SECONDS:
                self._rescued = now
                self._services.rescue.run()
        except CockpitError:
            return []  # the poll says once that the store cannot be read
        return found

    def show(self, app: App[None], found: list[Alert], t: Translator) -> None:
        """Ring the bell once and show each alert (a few; the rest summed up)."""
        if not found or self.mode is AlertMode.OFF:
            return
        app.bell()
        for alert in found[:_SHOWN_AT_ONCE]:
            app.notify(alert_text(alert, t), title=t("alert.title"), timeout=_ALERT_SECONDS)
        if len(found) > _SHOWN_AT_ONCE:
            more = len(found) - _SHOWN_AT_ONCE
            app.notify(t("alert.more", count=more), title=t("alert.title"), timeout=_ALERT_SECONDS)


def alert_text(alert: Alert, t: Translator) -> str:
    """The sentence of one alert: the customer, the source, what happened."""
    name = clean_text(alert.customer_name, max_length=100) or "?"
    source = clean_text(alert.source or "", max_length=100) or t("alert.no_source")
    if alert.kind is AlertKind.RESCUED_FROM and alert.other is None:
        return t("alert.rescued_from_nobody", name=name, source=source)
    other = clean_text(alert.other or "", max_length=100)
    return t(f"alert.{alert.kind.value}", name=name, source=source, other=other)


def mode_label(mode: AlertMode, t: Translator) -> str:
    """ "ligados", "só os meus", "desligados"."""
    return t(f"alerts.mode.{mode.value}")
