"""Which card the board marks "▶ próximo": the one ``space`` would pick next (issue 15).

Read in a worker when the board may have changed (a poll that read other
processes' commits, a change made here, the 30 s clock): while the user is
not walking with ``space``, it is the top of the ``space`` order, five index
probes of one row each (``urgent_leads(limit=1)``); after a ``space`` press
the card after the one picked, which the press already knows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cockpit_tui.domain.cards import LeadCard
from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.ui.board.state import next_urgent

if TYPE_CHECKING:
    from textual.screen import Screen

    from cockpit_tui.ui.board.host import BoardHost


class NextMark:
    """The board's "▶ próximo": where it is, and the worker that finds it.

    Args:
        screen: The board screen, as the screen its worker runs for.
        host: The same screen, as the board's parts see it.
    """

    def __init__(self, screen: Screen[Any], host: BoardHost) -> None:
        self._screen = screen
        self._board = host
        #: The top of the ``space`` order, as last read.
        self.top: int | None = None
        #: After a ``space`` press: the lead it picked and the one that follows.
        self.walked: tuple[int, int] | None = None
        self._asked = 0
        self._answered = 0

    @property
    def settled(self) -> bool:
        """Whether every read asked for has come back (tests and snapshots wait on it)."""
        return self._answered == self._asked

    def refresh(self) -> None:
        """Read the top of the ``space`` order in a worker, then mark it."""
        board = self._board
        services = board.cockpit.services
        where = board.state.where
        self._asked += 1
        asked = self._asked

        def read() -> None:
            try:
                urgent = services.board.urgent_leads(services.clock.now(), limit=1, where=where)
            except CockpitError:
                # The poll says once that the store cannot be read; the mark stays.
                self._screen.app.call_from_thread(self._take_top, asked, None, False)
                return
            top = urgent[0].id if urgent else None
            self._screen.app.call_from_thread(self._take_top, asked, top, True)

        self._screen.run_worker(read, thread=True, group="next-mark")

    def _take_top(self, asked: int, top: int | None, read: bool) -> None:
        self._answered = max(self._answered, asked)
        if read and asked == self._asked:  # an older read landing late is dropped
            self.top = top
            self.show()

    def take(self, top: int | None) -> None:
        """Mark ``top``, read with a filter's cards (a read of the mark still out is dropped)."""
        self._asked += 1
        self._answered = self._asked
        self.top = top
        self.show()

    def walked_to(self, urgent: list[LeadCard], picked: LeadCard) -> None:
        """``space`` picked ``picked`` from ``urgent``: the mark goes to the one after it."""
        following = next_urgent(urgent, picked, picked.id)
        self.walked = (picked.id, following) if following is not None else None
        self.show()

    def show(self) -> None:
        """Mark the card: the one after the last ``space`` pick while it stays selected."""
        board = self._board
        selected = board.selected_card
        walking = self.walked is not None and selected is not None and selected.id == self.walked[0]
        board.cards.mark_next(self.walked[1] if walking and self.walked else self.top)
