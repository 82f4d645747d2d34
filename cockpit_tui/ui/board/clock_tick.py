"""The board's 30-second tick (issue 15): the waits on the cards and "N fora do prazo" move on.

The waits are repainted from the line cache; the breached count is an index
range (~20 ms at 100,000 leads), read in a worker so the tick never holds a key.
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING, Any

from cockpit_tui.domain.errors import CockpitError

if TYPE_CHECKING:
    from textual.screen import Screen

    from cockpit_tui.ui.board.host import BoardHost
    from cockpit_tui.ui.board.next_mark import NextMark


def tick_clock(screen: Screen[Any], host: BoardHost, next_mark: NextMark) -> None:
    """Repaint the waits, then count the leads past their SLA in a worker."""
    host.cards.repaint_clock()
    board = host.cockpit.services.board

    def counted(breached: int) -> None:
        if host.state.take_breached_count(breached):
            host.show_counts()
        else:
            next_mark.refresh()  # a lead past its SLA drops behind those still in time

    def count() -> None:
        with suppress(CockpitError):  # the poll says once that the store cannot be read
            breached = board.breached_count(board.now())
            screen.app.call_from_thread(counted, breached)

    screen.run_worker(count, thread=True, group="clock", exclusive=True)
