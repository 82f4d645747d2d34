"""Each column's total asking value in its header ("R$ 4,2 mi"), on a board key.

The user's choice is remembered between sessions (``services/preferences.py``
through the app). The totals are read in a worker whenever the board's counts
change (a move, a filter, another process's commit), never on the UI thread;
an answer overtaken by a newer read is dropped.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from textual.message import Message

from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.domain.statuses import Status
from cockpit_tui.i18n.report_format import format_short_money

if TYPE_CHECKING:
    from textual.screen import Screen

    from cockpit_tui.ui.board.host import BoardHost


class ValuesRead(Message):
    """The columns' total asking values, read off the UI thread.

    Attributes:
        serial: Which read this is (only the newest one is shown).
        totals: Status → total asking value (R$) of the leads the board shows.
        error: Why the store could not be read (then ``totals`` is empty).
    """

    def __init__(
        self,
        serial: int,
        totals: dict[Status, Decimal] | None = None,
        error: CockpitError | None = None,
    ) -> None:
        self.serial = serial
        self.totals: dict[Status, Decimal] = {} if totals is None else totals
        self.error = error
        super().__init__()


class ColumnValues:
    """Shows or hides the columns' total asking values, reading them in a worker.

    Args:
        screen: The board screen (runs the worker, receives :class:`ValuesRead`).
        host: The same screen, as the board's parts see it.
    """

    def __init__(self, screen: Screen[Any], host: BoardHost) -> None:
        self._screen = screen
        self._host = host
        self._serial = 0
        self._shown_serial = 0
        self.shown = False

    @property
    def busy(self) -> bool:
        """Whether a read is under way (tests wait on this)."""
        return self._serial != self._shown_serial

    def start(self, shown: bool) -> None:
        """Begin with the user's remembered choice (read the totals if shown)."""
        self.shown = shown
        if shown:
            self.counts_changed()

    def toggle(self) -> None:
        """Show the totals (read now) or hide them; remember the choice."""
        self.shown = not self.shown
        self._host.cockpit.save_column_totals(self.shown)
        if self.shown:
            self.counts_changed()
        else:
            self._serial += 1
            self._shown_serial = self._serial  # a read still out is dropped
            self._show({})

    def counts_changed(self) -> None:
        """Read the totals again (in a worker) if they are shown."""
        if not self.shown:
            return
        self._serial += 1
        serial, where = self._serial, self._host.state.where
        services, screen = self._host.cockpit.services, self._screen

        def read() -> None:
            try:
                totals = services.board.asking_totals(where)
            except CockpitError as error:
                screen.post_message(ValuesRead(serial, error=error))
                return
            screen.post_message(ValuesRead(serial, totals))

        screen.run_worker(read, thread=True, group="column-values")

    def show(self, message: ValuesRead) -> None:
        """Put the newest totals in the headers (an older read is dropped).

        Raises:
            CockpitError: the store could not be read (the board reports it).
        """
        if message.serial != self._serial:
            return
        self._shown_serial = message.serial
        if message.error is not None:
            raise message.error
        self._show(message.totals)

    def _show(self, totals: dict[Status, Decimal]) -> None:
        lang = self._host.cockpit.t.lang
        for column in self._host.cards.columns:
            total = totals.get(column.status)
            column.asking_total = "" if total is None else format_short_money(total, lang)
        self._host.cards.canvas.refresh()
