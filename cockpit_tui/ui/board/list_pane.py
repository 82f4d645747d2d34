"""The list pane (Smart plans): the status strip and one line per lead, with its own sort keys.

Imported on the first ``v``: the board's first frame neither imports nor
styles it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical

from cockpit_tui.domain.statuses import STATUS_ORDER
from cockpit_tui.services.lead_list import ListQuery, ListSort
from cockpit_tui.ui.bindings import translate_bindings
from cockpit_tui.ui.board.pane import MoveRead, status_bindings
from cockpit_tui.ui.context import cockpit_of
from cockpit_tui.ui.lead_rows import LeadRows
from cockpit_tui.ui.widgets.lead_table import LeadTable
from cockpit_tui.ui.widgets.status_strip import StatusStrip

if TYPE_CHECKING:
    from cockpit_tui.domain.models import LeadCard, MoveResult
    from cockpit_tui.services.column_window import WindowSpec
    from cockpit_tui.ui.board.pane import PolledContent
    from cockpit_tui.ui.board.state import BoardState
    from cockpit_tui.ui.column_view import CardScroller


class ListPane(Vertical, can_focus=True):
    """Every lead of the board (or of one status) in a sortable table.

    Args:
        state: The board's figures (shared with the screen).
        list_query: What the list shows first (sort, direction, status).
    """

    name = "list"
    needs_list_plan = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "cycle_sort", "Ordenar", id="board.sort"),
        Binding("S", "reverse_sort", "Inverter ordem", id="board.sort_reverse", show=False),
        Binding("0", "show_status(0)", "Todos os status", id="board.list_all", show=False),
        *status_bindings("show_status"),
    ]

    def __init__(self, state: BoardState, list_query: ListQuery | None = None) -> None:
        super().__init__(id="list-pane")
        self._state = state
        self.list_query = list_query or ListQuery()
        cockpit = cockpit_of(self.app)
        self.strip = StatusStrip(cockpit.t)
        self.table = LeadTable(
            self._rows(self.list_query), translate=cockpit.t, clock=cockpit.services.clock
        )
        #: The list re-reads whenever it comes on show; it is never stale.
        self.stale = False

    def compose(self) -> ComposeResult:
        """The status strip above the table."""
        translate_bindings(self, cockpit_of(self.app).t)
        yield self.strip
        yield self.table

    def _rows(self, query: ListQuery) -> LeadRows:
        cockpit = cockpit_of(self.app)
        services = cockpit.services
        source = services.board.list_source(query, self._state.where)
        rows = LeadRows(source, translate=cockpit.t, clock=services.clock)
        rows.minutes_waited = services.board.minutes_waited
        return rows

    # -- what the board reads ------------------------------------------------------------

    @property
    def rows(self) -> LeadRows:
        """The rows on show."""
        return self.table.rows

    @property
    def selected_card(self) -> LeadCard | None:
        """The selected row's lead."""
        return self.rows.selected_card

    @property
    def scroller(self) -> CardScroller:
        """The rows."""
        return self.rows

    # -- on show ---------------------------------------------------------------------------

    def enter(self, selected: LeadCard | None) -> None:
        """Show the list, with the lead selected on the board selected here."""
        if selected is not None and self.list_query.status not in (None, selected.status):
            self.list_query = self.list_query.with_status(None)
        self.display = self.strip.display = self.table.display = True
        self.set_query(self.list_query, keep=selected)
        self.focus()

    def leave(self) -> None:
        """Hide the list."""
        self.display = False
        self.strip.display = False
        self.table.display = False

    def focus_keys(self) -> None:
        """Take the keys (sort, status filter)."""
        self.focus()

    # -- keys ------------------------------------------------------------------------------

    def action_cycle_sort(self) -> None:
        """Sort by the next column."""
        self.set_query(self.list_query.next_sort())

    def action_reverse_sort(self) -> None:
        """Reverse the sort."""
        self.set_query(self.list_query.reversed())

    def action_show_status(self, number: int) -> None:
        """Show only status ``number`` (1–6), or every status (0)."""
        if number == 0:
            self.set_query(self.list_query.with_status(None))
        elif 1 <= number <= len(STATUS_ORDER):
            self.set_query(self.list_query.with_status(STATUS_ORDER[number - 1]))

    # -- reading -----------------------------------------------------------------------------

    def set_query(self, query: ListQuery, *, keep: LeadCard | None = None) -> None:
        """Show the list for ``query`` (sort, direction, status), keeping a lead selected."""
        selected = keep or self.selected_card
        self.list_query = query
        self._state.bump()
        rows = self._rows(query)
        self.table.use_rows(rows)
        total = self._total()
        if selected is not None and rows.source.contains(selected):
            rows.show_card(selected, rows.source.rank(selected), total)
        else:
            rows.reload(total)
        self._show_strip()

    def _total(self) -> int:
        return self._state.list_total(self.list_query.status)

    def _show_strip(self) -> None:
        t = cockpit_of(self.app).t
        query = self.list_query
        column = t(
            f"list.{query.sort.value}" if query.sort is not ListSort.ATTENTION else "list.attention"
        )
        arrow = "▼" if query.descending else "▲"
        self.strip.show(
            self._state.counts, query.status, t("list.sorted_by", column=column, arrow=arrow)
        )

    def select_lead(self, lead_id: int) -> None:
        """Select a lead's row (every status again if the status filter hides it)."""
        card = cockpit_of(self.app).services.leads.get(lead_id)
        if not self.rows.source.contains(card):
            self.set_query(self.list_query.with_status(None), keep=card)
            return
        self.rows.show_card(card, self.rows.source.rank(card), self._total())

    def show_move(self, result: MoveResult, read: MoveRead) -> None:
        """Re-read the rows, following the moved lead."""
        rows, card = self.rows, result.card
        if rows.source.contains(card):
            rows.show_card(card, rows.source.rank(card), self._total())
        else:
            rows.reload(self._total())

    def reload_lead(self, card: LeadCard) -> None:
        """Re-read the rows after a change to ``card`` made here."""
        self.rows.reload(self._total())

    def reload(self) -> None:
        """Re-read the rows."""
        self.rows.reload(self._total())

    def figures_changed(self) -> None:
        """The strip's counts."""
        self._show_strip()

    def poll_spec(self) -> WindowSpec | None:
        """The rows on show, for the poll to re-read."""
        return self.rows.window.spec()

    def take_poll(self, message: PolledContent) -> None:
        """Show the rows the poll read."""
        if message.list_content is not None:
            self.rows.show(message.list_content, message.list_total)

    def filter_changed(self, keep_id: int | None) -> None:
        """Read the list through the new filter, ``keep_id`` selected if it shows."""
        self.set_query(self.list_query)
        if keep_id is not None:
            self.select_lead(keep_id)
