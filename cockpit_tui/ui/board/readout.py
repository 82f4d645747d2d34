"""What the board shows, read-only: the pane on show, its columns or list, the filter.

The board screen mixes this in; the command palette, the help and the tests
read the board through it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cockpit_tui.domain.cards import LeadCard
    from cockpit_tui.domain.filters import LeadFilter
    from cockpit_tui.domain.plans import Plan
    from cockpit_tui.domain.statuses import Status
    from cockpit_tui.services.lead_list import ListQuery
    from cockpit_tui.ui.board.cards_pane import CardsPane
    from cockpit_tui.ui.board.list_pane import ListPane
    from cockpit_tui.ui.board.pane import BoardPane, PaneSwitch
    from cockpit_tui.ui.board.state import BoardState
    from cockpit_tui.ui.column_view import ColumnView
    from cockpit_tui.ui.widgets.board_canvas import BoardCanvas
    from cockpit_tui.ui.widgets.lead_table import LeadTable


class BoardReadout:
    """Read-only views of the board's panes and figures (mixed into the board screen)."""

    state: BoardState
    switch: PaneSwitch
    _cards: CardsPane | None
    _list: ListPane | None

    @property
    def pane(self) -> BoardPane:
        """The pane on show."""
        return self.switch.pane

    @property
    def view(self) -> str:
        """ "cards" or "list": the name of the pane on show."""
        return self.pane.name

    @property
    def cards(self) -> CardsPane:
        """The cards pane (always there)."""
        assert self._cards is not None, "the board is composed before it is used"
        return self._cards

    @property
    def canvas(self) -> BoardCanvas:
        """The widget that draws the columns."""
        return self.cards.canvas

    def columns(self) -> list[ColumnView]:
        """The six columns in board order."""
        return self.cards.columns

    def column(self, status: Status) -> ColumnView:
        """The column of one status."""
        return self.cards.column(status)

    @property
    def active_column(self) -> ColumnView:
        """The column the keys act on in the cards."""
        return self.cards.active_column

    @property
    def active_status(self) -> Status:
        """The status of that column."""
        return self.cards.active_status

    @property
    def table(self) -> LeadTable:
        """The list view's table (once the list was shown)."""
        assert self._list is not None, "the list is made on the first 'v'"
        return self._list.table

    @property
    def list_query(self) -> ListQuery:
        """What the list shows (sort, direction, status), or would show first."""
        if self._list is not None:
            return self._list.list_query
        from cockpit_tui.services.lead_list import ListQuery

        return ListQuery()

    @property
    def lead_filter(self) -> LeadFilter:
        """The search and quick filters on now."""
        return self.state.lead_filter

    @property
    def plan(self) -> Plan | None:
        """The store's plan, as last read."""
        return self.state.plan

    @property
    def selected_card(self) -> LeadCard | None:
        """The lead the keys act on."""
        return self.pane.selected_card

    @property
    def panes(self) -> list[BoardPane]:
        """Every pane made so far, the one on show first."""
        return self.switch.panes
