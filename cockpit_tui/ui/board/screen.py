"""The board screen: composition and wiring of the panes, the search, the live poll and the keys.

The jobs it wires live next to it (see the package docstring): ``keys`` (its
bindings), ``state`` (the figures), ``readout`` (read-only views of them),
``cards_pane`` / ``list_pane`` behind ``pane.BoardPane``, ``search_bar`` and
``filtering`` (a filter change read in a worker), ``moves`` (showing a move
made here), ``live`` (the poll) and ``commands`` (the palette). The actions on
the selected lead are :mod:`cockpit_tui.ui.lead_actions`, shared with the lead screen.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.screen import Screen

from cockpit_tui.domain.cards import LeadCard
from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.domain.filters import LeadFilter
from cockpit_tui.domain.statuses import Status
from cockpit_tui.ui.bindings import translate_bindings
from cockpit_tui.ui.board.alerts import BoardAlerts
from cockpit_tui.ui.board.cards_pane import CardsPane
from cockpit_tui.ui.board.clock_tick import tick_clock
from cockpit_tui.ui.board.filtering import BoardFilters, FilterRead
from cockpit_tui.ui.board.first_read import FirstRead, first_figures
from cockpit_tui.ui.board.first_show import FirstShow
from cockpit_tui.ui.board.keys import BOARD_BINDINGS
from cockpit_tui.ui.board.live import LivePoll
from cockpit_tui.ui.board.next_mark import NextMark
from cockpit_tui.ui.board.next_notice import next_notice
from cockpit_tui.ui.board.pane import PaneSwitch
from cockpit_tui.ui.board.readout import BoardReadout
from cockpit_tui.ui.board.search_bar import SearchBar
from cockpit_tui.ui.board.state import BoardState, next_urgent
from cockpit_tui.ui.board.values import ColumnValues, ValuesRead
from cockpit_tui.ui.context import CockpitContext, cockpit_of
from cockpit_tui.ui.errors import report_error, reports_errors
from cockpit_tui.ui.lead_keys import LeadKeys
from cockpit_tui.ui.widgets.board_canvas import BoardCanvas
from cockpit_tui.ui.widgets.key_bar import KeyBar
from cockpit_tui.ui.widgets.text_line import TextLine

if TYPE_CHECKING:
    from textual.command import Provider

    from cockpit_tui.ui.board.list_pane import ListPane
    from cockpit_tui.ui.lead_actions import LeadActions
    from cockpit_tui.ui.widgets.lead_table import LeadTable

#: Seconds a notice stays in the header line.
_NOTICE_SECONDS = 6.0
#: Seconds after the first frame before the write path is imported in the background.
_WARM_UP_DELAY = 0.8
#: Seconds between repaints of "há N min" on the cards.
_CLOCK_REFRESH = 30.0
_NEEDS_CARD = frozenset({"move_by", "pick_status", "assign_to_me", "open_lead"})
_SCROLL_KEYS = frozenset({"cursor_up", "cursor_down", "page_up", "page_down", "first", "last"})


def board_commands() -> type[Provider]:
    """The board's command-palette provider, imported when the palette first opens."""
    from cockpit_tui.ui.board.commands import BoardCommands

    return BoardCommands


class BoardScreen(FirstShow, BoardReadout, LeadKeys, Screen[None]):
    """The store's board: what every salesperson keeps open all day.

    Args:
        lead_filter: The filters to start with (None: the ones the user saved).
        first_read: The first figures, read since start-up (None: read them here).
    """

    CSS_PATH = "board.tcss"
    AUTO_FOCUS = ""
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {board_commands}
    BINDINGS: ClassVar[list[BindingType]] = BOARD_BINDINGS

    def __init__(
        self, lead_filter: LeadFilter | None = None, first_read: FirstRead | None = None
    ) -> None:
        super().__init__()
        self._initial_filter, self._first_read = lead_filter, first_read
        self.state = BoardState()
        self._actions: LeadActions | None = None
        self.filters = BoardFilters(self, self)
        self.values = ColumnValues(self, self)
        self.switch = PaneSwitch()
        self._cards: CardsPane | None = None
        self._list: ListPane | None = None
        self._live: LivePoll | None = None
        self._alert_watch: BoardAlerts | None = None
        #: The card ``space`` would pick next, marked "▶ próximo" (issue 15).
        self.next_mark = NextMark(self, self)
        self._startup_error: CockpitError | None = None
        self._store_error_shown = False
        self._had_card: bool | None = None
        #: The lead ``space`` selected last (pressing it again goes on from there).
        self._last_urgent: int | None = None

    @property
    def actions(self) -> LeadActions:  # type: ignore[override]
        """The actions on the selected lead, built (and imported) on first use."""
        if self._actions is None:
            from cockpit_tui.ui.board.moves import BoardMoves
            from cockpit_tui.ui.lead_actions import LeadActions

            self._actions = LeadActions(self, BoardMoves(self))
        return self._actions

    @property
    def cockpit(self) -> CockpitContext:
        """The app, as screens see it."""
        return cockpit_of(self.app)

    # -- building ----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Header line, the search field, the cards pane, the keys."""
        services, t = self.cockpit.services, self.cockpit.t
        translate_bindings(self, t)
        self._read_first_figures()
        with Horizontal(id="header-row"):
            yield TextLine(id="board-header")
            yield TextLine(id="notice")
        yield SearchBar(t("search.placeholder"))
        self._cards, column_error = CardsPane.build(
            self.state, services, t, selection_moved=self._refresh_lead_keys
        )
        self._startup_error = self._startup_error or column_error
        self.switch.add(self._cards)
        yield self._cards
        yield KeyBar(palette_label=t("board.palette_key"))

    def _read_first_figures(self) -> None:
        """Counts, attention and plan for the first frame (``ui/board/first_read.py``): real
        counts at once instead of zeros followed by a second paint."""
        first, self._first_read = self._first_read, None
        self.state, error = first_figures(self.cockpit, first, self._initial_filter)
        self._startup_error = self._startup_error or error

    def on_mount(self) -> None:
        """Show the figures, focus the first column, start watching the store."""
        self._alert_watch = BoardAlerts(self.cockpit.services, self.cockpit.alert_mode())
        self._live = LivePoll(self, self, self.cockpit.services, self._alert_watch)
        if self._startup_error is not None:
            self._report_once(self._startup_error)
        self.cards.set_filter_totals()
        self.show_counts()
        self._had_card = self.selected_card is not None
        self.cards.focus_status(Status.NEW)
        self.cards.focus()
        self.values.start(self.cockpit.saved_column_totals())
        self.set_interval(self.cockpit.poll_interval, self.poll_store)
        self.set_interval(_CLOCK_REFRESH, self.tick_clock)
        # After the first frame is on screen: the import holds the GIL for ~0.5 s. A lambda:
        # `self.actions.warm_up` would build the actions (and import them) right now.
        self.set_timer(_WARM_UP_DELAY, lambda: self.actions.warm_up(self.filters.warm_up_gate))
        self.set_timer(_WARM_UP_DELAY, self._load_calendar)

    def _load_calendar(self) -> None:
        """Load the business calendar in a worker, then show the waits in business time."""
        services = self.cockpit.services

        def load() -> None:  # its imports (holidays) give way to a search, as the warm-up's
            with suppress(CockpitError), self.filters.warm_up_gate.pausing_imports():
                services.board.load_calendar(services.clock.now())
                self.filters.warm_up_gate.wait()  # the board's repaint, after a search's
                self.app.call_from_thread(self.cards.repaint_clock)

        self.run_worker(load, thread=True, group="calendar")

    def tick_clock(self) -> None:
        """Every 30 s: the waits and "N fora do prazo" move on (``ui/board/clock_tick.py``)."""
        tick_clock(self, self, self.next_mark)

    @property
    def search_field(self) -> SearchBar:
        """The search field under the header (hidden until ``/``)."""
        return self.query_one(SearchBar)

    @property
    def busy(self) -> bool:
        """Whether a write, a filter change or a column-values read is under way (tests
        wait on this)."""
        return (
            (self._actions is not None and self._actions.busy)
            or self.filters.busy
            or self.values.busy
        )

    # -- drawing the figures ------------------------------------------------------------------

    def show_counts(self, *, read_mark: bool = True) -> None:
        """Redraw the header and what shows the counts in the pane on show.

        Args:
            read_mark: Read the "▶ próximo" mark again (a filter's read brings its own).
        """
        cockpit = self.cockpit
        forms = self.state.header_forms(cockpit.t, user=cockpit.services.actor)
        self.query_one("#board-header", TextLine).show_forms(forms)
        self.pane.figures_changed()
        self.values.counts_changed()
        if read_mark:
            self.next_mark.refresh()

    def say(self, text: str) -> None:
        """Routine news (a move, an undo) in the header line for a few seconds.

        Not a toast: mounting one repaints the whole board.
        """
        self.query_one("#notice", TextLine).say(text, seconds=_NOTICE_SECONDS)

    def _report_once(self, error: CockpitError) -> None:
        """Say once that the store could not be read (until a read works again)."""
        if not self._store_error_shown:
            self._store_error_shown = True
            report_error(self, error)

    # -- keys -----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that act on a lead are shown disabled while no card is selected."""
        if action == "search" and self.search_field.has_focus:
            return False  # "/" typed in the search field is text (a vehicle "C/D", a date)
        if action == "clear_search":
            return bool(self.state.lead_filter.search)
        if action == "clear_filters":
            return self.state.lead_filter.has_quick_filters
        if action in _NEEDS_CARD and self.selected_card is None:
            return None
        return True

    def _refresh_lead_keys(self) -> None:
        """Enable or disable the lead keys, only when that changes (the footer is rebuilt)."""
        has_card = self.selected_card is not None
        if has_card != self._had_card:
            self._had_card = has_card
            self.refresh_bindings()

    @on(BoardCanvas.SelectionChanged)
    def _selection_changed(self) -> None:
        self._refresh_lead_keys()
        self.next_mark.show()

    # The list's messages by handler name: naming LeadTable here would import the list
    # view (its widget, rows and queries) before the first frame, which shows cards.
    def on_lead_table_selection_changed(self) -> None:
        """The list's selection moved: the lead keys follow it."""
        self._refresh_lead_keys()

    def on_lead_table_read_failed(self, message: LeadTable.ReadFailed) -> None:
        """The list could not read the store: say so once."""
        self._report_once(message.error)

    @on(BoardCanvas.ReadFailed)
    @on(LivePoll.LoadFailed)
    def _read_failed(self, message: BoardCanvas.ReadFailed | LivePoll.LoadFailed) -> None:
        self._report_once(message.error)

    def action_scroll(self, action: str) -> None:
        """A selection key, sent to what the pane on show scrolls."""
        if action in _SCROLL_KEYS:
            getattr(self.pane.scroller, action)()

    @reports_errors
    def action_next_urgent(self) -> None:
        """The one-key triage loop: the most urgent lead, then the next one on each press."""
        services = self.cockpit.services
        now = services.clock.now()
        urgent = services.board.urgent_leads(now, where=self.state.where)
        lead_id = next_urgent(urgent, self.selected_card, self._last_urgent)
        if lead_id is None:
            self.say(self.cockpit.t("board.nothing_urgent"))
            return
        self._last_urgent = lead_id
        self.pane.select_lead(lead_id)
        card = next(card for card in urgent if card.id == lead_id)
        self.next_mark.walked_to(urgent, card)
        self.say(next_notice(card, services.board.why_next(card, now), self.cockpit.t))

    @reports_errors
    def select_lead(self, lead_id: int) -> None:
        """Select a lead in the pane on show."""
        self.pane.select_lead(lead_id)

    # -- keys: acting on the lead (the handlers are lead_keys.LeadKeys) ---------------------

    @property
    def lead_card(self) -> LeadCard | None:
        """The lead the lead keys act on: the selected one."""
        return self.pane.selected_card

    def action_undo(self) -> None:
        """Undo this user's last move (press again for the one before)."""
        self.actions.undo()

    def mark_hidden_stale(self) -> None:
        """Changes were made here: the panes off show read everything again when shown."""
        self.switch.mark_hidden_stale()

    def action_open_lead(self, then: str = "") -> None:
        """Open the selected lead (``then="reply"``: straight into the reply form)."""
        from cockpit_tui.ui.board.doors import open_lead

        open_lead(self, then)

    @reports_errors
    def reload_everything(self) -> None:
        """Re-read counts and what is on show now (after a conflict, back from a lead)."""
        self.state.bump()
        self.state.read(self.cockpit.services.board)
        self.pane.reload()
        self.mark_hidden_stale()
        self.pane.stale = False
        self.show_counts()

    # -- the other pane -----------------------------------------------------------------------

    def action_switch_view(self) -> None:
        """Cards ⇄ list: the list view comes with the Smart plans."""
        if not self.state.has_list_view:
            self.notify(self.cockpit.t("board.list_needs_plan"), severity="warning", timeout=8)
            return
        if self._list is None:
            from cockpit_tui.ui.board.list_pane import ListPane  # first use pays the import

            self._list = ListPane(self.state)
            self._list.display = False
            self.mount(self._list, after=self.cards)
            self.switch.add(self._list)
        self.show_next_pane()

    @reports_errors
    def show_next_pane(self) -> None:
        """Show the other pane, with the selected lead selected there."""
        selected = self.selected_card
        if self.switch.rotate():
            self.reload_everything()
        self.pane.enter(selected)
        self.show_counts()
        self.refresh_bindings()

    def action_new_lead(self) -> None:
        """A customer in the store or on the phone: type the lead (``ui/board/day.py``)."""
        from cockpit_tui.ui.board.day import open_new_lead_form

        open_new_lead_form(self)

    def action_agenda(self) -> None:
        """Today's appointments (``ui/board/day.py``)."""
        from cockpit_tui.ui.board.day import open_agenda

        open_agenda(self)

    def action_reports(self) -> None:
        """The manager's reports screen ("Indicadores")."""
        from cockpit_tui.ui.board.doors import open_reports

        open_reports(self)

    def action_toggle_values(self) -> None:
        """Show or hide each column's total asking value in its header (remembered)."""
        self.values.toggle()

    @on(ValuesRead)
    @reports_errors
    def _values_read(self, message: ValuesRead) -> None:
        self.values.show(message)

    def action_help(self) -> None:
        """Every key of this screen, from its bindings."""
        from cockpit_tui.ui.board.doors import open_help

        open_help(self, self)

    # -- search and filters (see filtering) ------------------------------------------------------

    def apply_filter(self, lead_filter: LeadFilter, *, keep: int | None = None) -> None:
        """Show only the leads of ``lead_filter`` (the filter picker and the palette call it)."""
        self.filters.apply(lead_filter, keep=keep)

    @on(FilterRead)
    @reports_errors
    def _filter_read(self, message: FilterRead) -> None:
        self.filters.show(message)

    def action_search(self) -> None:
        """Open the search field (every column narrows as you type)."""
        self.filters.open_search()

    @on(SearchBar.Search)
    def _search(self, message: SearchBar.Search) -> None:
        self.filters.search(message.text, kept=message.kept)

    def action_clear_search(self) -> None:
        """Esc: clear the search and select again the lead selected before it."""
        self.filters.clear_search()

    @reports_errors
    def action_pick_filters(self) -> None:
        """Choose quick filters (they combine with the search)."""
        self.filters.pick()

    @reports_errors
    def jump_to_lead(self, lead_id: int) -> None:
        """Select a lead found from the palette, clearing filters that would hide it."""
        self.filters.jump_to_lead(lead_id)

    def action_clear_filters(self) -> None:
        """F: every quick filter off (the search stays)."""
        self.filters.clear_quick()

    # -- live -------------------------------------------------------------------------------

    def poll_store(self) -> None:
        """Ask a worker whether someone committed, and re-read if so."""
        if self._live is not None:
            self._live.poll()

    @on(LivePoll.Refreshed)
    @reports_errors
    def _poll_read(self, message: LivePoll.Refreshed) -> None:
        if self._live is not None:
            self._live.show(message)
            self.next_mark.refresh()

    @on(LivePoll.Alerted)
    def _alerted(self, message: LivePoll.Alerted) -> None:
        self.alert_watch.show(self.app, message.alerts, self.cockpit.t)

    @property
    def alert_watch(self) -> BoardAlerts:
        """This board's alerts (issue 15; built when the board mounts)."""
        assert self._alert_watch is not None, "the board is mounted"
        return self._alert_watch

    def poll_read_worked(self) -> None:
        """A read worked: the next failure is reported again."""
        self._store_error_shown = False
