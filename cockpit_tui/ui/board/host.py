"""What the board's parts (filters, moves, the live poll) ask of the board screen.

They get the screen as a :class:`BoardHost`, not as the screen class, so
none of them imports the screen module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from cockpit_tui.domain.models import LeadCard
    from cockpit_tui.ui.board.cards_pane import CardsPane
    from cockpit_tui.ui.board.pane import BoardPane
    from cockpit_tui.ui.board.search_bar import SearchBar
    from cockpit_tui.ui.board.state import BoardState
    from cockpit_tui.ui.context import CockpitContext


class NextMarkTaker(Protocol):
    """What the filters ask of the "▶ próximo" mark."""

    def take(self, top: int | None) -> None:
        """Mark ``top``, read with a filter's cards."""


class BoardHost(Protocol):
    """What the board's parts (filters, moves, the poll) ask of the board screen."""

    state: BoardState

    @property
    def next_mark(self) -> NextMarkTaker:
        """The "▶ próximo" mark (``ui/board/next_mark.py``, which imports this module)."""

    @property
    def cockpit(self) -> CockpitContext:
        """The app."""

    @property
    def pane(self) -> BoardPane:
        """The pane on show."""

    @property
    def panes(self) -> list[BoardPane]:
        """Every pane made so far, the one on show first."""

    @property
    def cards(self) -> CardsPane:
        """The cards pane (its columns are always there)."""

    @property
    def selected_card(self) -> LeadCard | None:
        """The lead the keys act on."""

    @property
    def busy(self) -> bool:
        """Whether a write or a filter read of this user's is in flight."""

    @property
    def search_field(self) -> SearchBar:
        """The search field."""

    def show_counts(self, *, read_mark: bool = True) -> None:
        """Redraw the header and what shows the counts (``read_mark``: and read the
        "▶ próximo" mark again, unless the caller has it already)."""

    def mark_hidden_stale(self) -> None:
        """Changes were made: the panes off show read again when shown."""

    def reload_everything(self) -> None:
        """Re-read the counts and what is on show."""

    def select_lead(self, lead_id: int) -> None:
        """Select a lead in the pane on show."""

    def show_next_pane(self) -> None:
        """Show the other pane."""

    def poll_read_worked(self) -> None:
        """A read worked: a later failure is reported again."""

    def say(self, text: str) -> None:
        """Show routine news in the notice line."""

    def refresh_bindings(self) -> None:
        """Re-check which keys apply."""
