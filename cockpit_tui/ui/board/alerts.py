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
from typing import TYPE_CHECKING, Protocol

from cockpit_tui.domain.alerts import Alert, AlertKind, AlertMode
from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.domain.sanitize import clean_text
from cockpit_tui.i18n.translate import Translator

if TYPE_CHECKING:
    from cockpit_tui.services import Services
    from cockpit_tui.services.alerts import AlertCursor

#: Seconds between two looks for SLAs about to pass.
SLA_CHECK_SECONDS = 5.0
#: Seconds between two rescue runs from an open board.
RESCUE_SECONDS = 60.0
#: Alerts shown one by one at once; more are summed up in one notice.
_SHOWN_AT_ONCE = 3
#: Seconds an alert's notice stays; after a burst's notice, the alerts of that long are held
#: and shown together when it goes (an import of thousands of leads: one notice at a time).
_ALERT_SECONDS = 10.0


class AlertSurface(Protocol):
    """What showing alerts needs of the app (a Textual ``App``)."""

    def bell(self) -> None:
        """Ring the terminal's bell."""

    def notify(self, message: str, *, title: str = ..., timeout: float | None = ...) -> None:
        """Show a notice."""

    def set_timer(self, delay: float, callback: Callable[[], object]) -> object:
        """Call ``callback`` on the UI thread after ``delay`` seconds."""


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
        # A burst's notice is showing: what arrives meanwhile waits for it to go (UI thread only).
        self._holding = False
        self._held: list[Alert] = []
        self._held_count = 0

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

    def show(self, app: AlertSurface, found: list[Alert], t: Translator) -> None:
        """Ring the bell once and show each alert (a few; a burst as one notice).

        A burst (more than a few alerts in one poll: an import, a big rescue)
        is one notice naming the first and counting the rest; what arrives
        while it shows is held and shown when it goes, so the notices never
        pile up over the board.
        """
        if not found or self.mode is AlertMode.OFF:
            return
        if self._holding:
            self._held_count += len(found)
            self._held += found[: _SHOWN_AT_ONCE + 1 - len(self._held)]
            return
        app.bell()
        if len(found) <= _SHOWN_AT_ONCE:
            for alert in found:
                app.notify(alert_text(alert, t), title=t("alert.title"), timeout=_ALERT_SECONDS)
            return
        self._show_burst(app, found[0], len(found) - 1, t)

    def _show_burst(self, app: AlertSurface, first: Alert, more: int, t: Translator) -> None:
        text = f"{alert_text(first, t)}\n{t('alert.more', count=more)}"
        app.notify(text, title=t("alert.title"), timeout=_ALERT_SECONDS)
        self._holding = True
        app.set_timer(_ALERT_SECONDS, lambda: self._let_go(app, t))

    def _let_go(self, app: AlertSurface, t: Translator) -> None:
        """The burst's notice went: show what was held meanwhile."""
        held, count = self._held, self._held_count
        self._holding, self._held, self._held_count = False, [], 0
        if self.mode is AlertMode.OFF:
            return  # turned off while the notice showed: what was held goes unshown
        if count > len(held):
            self._show_burst(app, held[0], count - 1, t)
            app.bell()
        else:
            self.show(app, held, t)


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
