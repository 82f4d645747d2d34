"""The palette's toggles of issue 15: the current user's duty ("na loja") and their alerts.

The duty change is a store write, so it runs in a worker and says the
outcome on the notice line; the header's "na loja: …" follows through the
live poll (the change is logged as ``store.duty``). The alerts choice is
the user's own, kept in their config folder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.ui.board.alerts import mode_label
from cockpit_tui.ui.errors import report_error

if TYPE_CHECKING:
    from cockpit_tui.ui.board.screen import BoardScreen


def toggle_duty(board: BoardScreen) -> None:
    """Put the current user on duty, or take them off it, in a worker."""
    services = board.cockpit.services
    user = services.actor
    going_in = user not in board.state.on_duty

    def change() -> None:
        try:
            if going_in:
                services.team.start_duty(user)
            else:
                services.team.end_duty(user)
            names = tuple(services.board.on_duty_names())
        except CockpitError as error:
            board.app.call_from_thread(report_error, board, error)
            return
        board.app.call_from_thread(duty_changed, board, names, going_in)

    board.run_worker(change, thread=True, group="duty")


def duty_changed(board: BoardScreen, names: tuple[str, ...], going_in: bool) -> None:
    """Show the new roster in the header and say what changed."""
    board.state.take_on_duty(names)
    board.show_counts()
    board.say(board.cockpit.t("duty.now_in" if going_in else "duty.now_out"))


def toggle_alerts(board: BoardScreen) -> None:
    """On → only mine → off → on: remembered for this user, used from the next poll."""
    cockpit = board.cockpit
    mode = board.alert_watch.mode.following()
    board.alert_watch.mode = mode
    cockpit.save_alert_mode(mode)
    board.say(cockpit.t("alerts.now", mode=mode_label(mode, cockpit.t)))
