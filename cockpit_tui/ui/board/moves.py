"""How the board shows a move or an undo made here (the board's half of the lead actions).

:mod:`cockpit_tui.ui.lead_actions` runs the write in a worker and calls
:meth:`BoardMoves.read_after_move` there, right after it: the counts under a
filter, whether the lead still shows, its rank and the cards around it in
its new column. Back on the UI thread, :meth:`BoardMoves.lead_moved`
adjusts the counts in memory and has the pane on show re-read one column
and hold the other around the moved card.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cockpit_tui.services.card_source import ColumnSource
from cockpit_tui.services.column_window import ColumnWindow
from cockpit_tui.ui.board.pane import MoveRead

if TYPE_CHECKING:
    from cockpit_tui.domain.cards import LeadCard
    from cockpit_tui.domain.lead_changes import MoveResult
    from cockpit_tui.ui.board.host import BoardHost


class BoardMoves:
    """The board as a :class:`~cockpit_tui.ui.lead_actions.LeadActionHost`.

    Args:
        board: The board screen.
    """

    def __init__(self, board: BoardHost) -> None:
        self._board = board

    def say(self, text: str) -> None:
        """Show routine news in the board's notice line."""
        self._board.say(text)

    def read_after_move(self, result: MoveResult) -> MoveRead:
        """In the move's worker: what showing it needs (counts under a filter, where it landed)."""
        board, where = self._board.cockpit.services.board, self._board.state.where
        counts = board.counts(where) if where is not None else None
        shown = where is None or board.shows(result.card.id, where)
        rank = board.rank_of(result.card, where) if shown else 0
        around = None
        if shown:
            source = ColumnSource(board, result.to_status, where)
            around = ColumnWindow(source=source, total=0).read_around(result.card, rank)
        return MoveRead(board.attention_count(), counts, shown, rank, around)

    def lead_moved(self, result: MoveResult, read: object) -> None:
        """Show a move or an undo made here: counts in memory, two columns re-read."""
        assert isinstance(read, MoveRead)
        screen, state = self._board, self._board.state
        state.bump()
        state.count_move(result.from_status, result.to_status)
        state.attention = read.attention
        if read.counts is not None:
            state.counts = read.counts
        screen.mark_hidden_stale()
        screen.pane.show_move(result, read)
        screen.show_counts()
        # After the frame's work: the poll then has no reason to re-read for this write.
        screen.cockpit.services.board.acknowledge_own_change(result.change_id)

    def move_refused(self, lead_id: int | None) -> None:
        """A colleague moved the lead first: read everything again, keep the lead selected."""
        self._board.reload_everything()
        if lead_id is not None:
            self._board.select_lead(lead_id)

    def lead_changed(self, card: LeadCard) -> None:
        """Re-read the lead's column (or the list) after a change made here."""
        self._board.state.bump()
        self._board.mark_hidden_stale()
        self._board.pane.reload_lead(card)
