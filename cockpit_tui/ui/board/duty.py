"""The palette's toggles of issue 15: the current user's duty ("na loja") and their alerts.

The duty change is a store write, so it runs in a worker and says the
outcome on the notice line; the header's "na loja: …" follows (the change
is also logged as ``store.duty`` for the other boards' polls). The alerts
choice is the user's own, kept in their config folder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.ui.board.alerts import BoardAlerts, mode_label
from cockpit_tui.ui.errors import report_error

if TYPE_CHECKING:
    from textual.screen import Screen

    from cockpit_tui.ui.board.state import BoardState
    from cockpit_tui.ui.context import CockpitContext


class ToggleHost(Protocol):
    """What the toggles ask of the board screen."""

    @property
    def cockpit(self) -> CockpitContext:
        """The app."""

    @property
    def state(self) -> BoardState:
        """The board's figures (who is on duty)."""

    @property
    def alert_watch(self) -> BoardAlerts:
        """The board's alerts."""

    def show_counts(self) -> None:
        """Redraw the header."""

    def say(self, text: str) -> None:
        """Routine news on the notice line."""


def toggle_duty(screen: Screen[Any], host: ToggleHost) -> None:
    """Put the current user on duty, or take them off it, in a worker."""
    services = host.cockpit.services
    user = services.actor
    going_in = user not in host.state.on_duty

    def change() -> None:
        try:
            if going_in:
                services.team.start_duty(user)
            else:
                services.team.end_duty(user)
            names = tuple(services.board.on_duty_names())
        except CockpitError as error:
            screen.app.call_from_thread(report_error, screen, error)
            return
        screen.app.call_from_thread(duty_changed, host, names, going_in)

    screen.run_worker(change, thread=True, group="duty")


def duty_changed(host: ToggleHost, names: tuple[str, ...], going_in: bool) -> None:
    """Show the new roster in the header and say what changed."""
    host.state.take_on_duty(names)
    host.show_counts()
    host.say(host.cockpit.t("duty.now_in" if going_in else "duty.now_out"))


def toggle_alerts(host: ToggleHost) -> None:
    """On → only mine → off → on: remembered for this user, used from the next poll."""
    cockpit = host.cockpit
    mode = host.alert_watch.mode.following()
    host.alert_watch.mode = mode
    cockpit.save_alert_mode(mode)
    host.say(cockpit.t("alerts.now", mode=mode_label(mode, cockpit.t)))
