"""The board's first figures, read while Textual is still being imported (issue 18).

``cockpit`` opens the store, then spends ~300 ms importing Textual before the
board composes. The figures the first frame shows (counts under the saved
filters and without them, attention, "fora do prazo", the plan, who is on duty)
are read meanwhile by :class:`FirstRead` on a thread: the store's driver lets
go of the GIL while it reads, so at 100,000 leads the three index scans
(~25 ms) leave the first frame's path on a machine with a second core.

The read is what the board did itself: the poll's starting point (``PRAGMA
data_version``) is taken first, so a commit made after it is shown by the
first poll. If anything fails the board reads again itself, on the UI thread,
where a failure is reported as before (:func:`first_figures`).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.domain.filters import LeadFilter
from cockpit_tui.ui.board.state import BoardState

if TYPE_CHECKING:
    from cockpit_tui.services import Services
    from cockpit_tui.services.preferences import Preferences
    from cockpit_tui.ui.context import CockpitContext


class FirstRead:
    """The first board's figures, read on a thread started at once.

    Args:
        services: The open store's services.
        preferences: Where the user's saved filters are (None: no filter).
    """

    def __init__(self, services: Services, preferences: Preferences | None) -> None:
        self._services = services
        self._preferences = preferences
        self._state: BoardState | None = None
        self._thread = threading.Thread(target=self._read, name="cockpit-first-read", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        try:
            lead_filter = self._preferences.load_filter() if self._preferences else LeadFilter()
            board = self._services.board
            state = BoardState(lead_filter=lead_filter, where=board.scope(lead_filter))
            board.has_new_commits()  # the poll compares against this point
            state.read(board, self._services.settings)
        except Exception:  # the board reads again and reports it as before
            return
        self._state = state

    def figures(self, lead_filter: LeadFilter) -> BoardState | None:
        """The figures read under ``lead_filter`` (None: read under others, or failed)."""
        self._thread.join()
        state, self._state = self._state, None  # taken once: a later board reads afresh
        return state if state is not None and state.lead_filter == lead_filter else None


def first_figures(
    cockpit: CockpitContext, first: FirstRead | None, lead_filter: LeadFilter | None
) -> tuple[BoardState, CockpitError | None]:
    """The figures of a board's first frame, and why the store could not be read (if so).

    Taken from ``first`` when it read them under the same filters; read here
    (on the UI thread) otherwise.

    Args:
        cockpit: The app.
        first: The read started at start-up (None: there was none).
        lead_filter: The filters the board starts with (None: the user's saved ones).
    """
    lead_filter = lead_filter or cockpit.saved_filters()
    state = first.figures(lead_filter) if first is not None else None
    if state is not None:
        return state, None
    board = cockpit.services.board
    state = BoardState(lead_filter=lead_filter, where=board.scope(lead_filter))
    try:
        board.has_new_commits()  # the poll compares against this point
        state.read(board, cockpit.services.settings)
    except CockpitError as error:
        return state, error
    return state, None
