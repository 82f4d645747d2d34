"""The board screen: composition and wiring of the panes, the search, the live poll and the keys.

Each job has its own module next to this one: ``state`` (the figures),
``cards_pane`` / ``list_pane`` (what is on show, behind ``pane.BoardPane``),
``search_bar``, ``filter_read`` (a filter change read in a worker), ``live``
(the poll) and ``commands`` (the palette). Actions on the selected lead are
:mod:`cockpit_tui.ui.lead_actions`, shared with the lead screen.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer

from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.domain.filters import LeadFilter
from cockpit_tui.domain.models import LeadCard, MoveResult
from cockpit_tui.domain.statuses import STATUS_ORDER, Status, status_label
from cockpit_tui.services.card_source import ColumnSource
from cockpit_tui.services.column_window import ColumnWindow
from cockpit_tui.ui.bindings import translate_bindings
from cockpit_tui.ui.board.cards_pane import CardsPane
from cockpit_tui.ui.board.filter_read import FilterRead, start_filter_read
from cockpit_tui.ui.board.live import LivePoll
from cockpit_tui.ui.board.pane import BoardPane, MoveRead
from cockpit_tui.ui.board.search_bar import SearchBar
from cockpit_tui.ui.board.state import BoardState
from cockpit_tui.ui.column_view import ColumnView
from cockpit_tui.ui.context import CockpitContext, cockpit_of
from cockpit_tui.ui.errors import report_error, reports_errors
from cockpit_tui.ui.lead_actions import LeadActions, move_bindings
from cockpit_tui.ui.widgets.board_canvas import BoardCanvas
from cockpit_tui.ui.widgets.key_bar import KeyBar
from cockpit_tui.ui.widgets.lead_table import LeadTable
from cockpit_tui.ui.widgets.text_line import TextLine

if TYPE_CHECKING:
    from textual.command import Provider

    from cockpit_tui.services.lead_list import ListQuery
    from cockpit_tui.ui.board.list_pane import ListPane

#: Seconds a notice stays in the header line.
_NOTICE_SECONDS = 6.0
#: Seconds after the first frame before the write path is imported in the background.
_WARM_UP_DELAY = 0.8
#: Seconds between repaints of "há N min" on the cards.
_CLOCK_REFRESH = 30.0
_NEEDS_CARD = frozenset({"move_by", "pick_status", "assign_to_me", "open_lead"})


def board_commands() -> type[Provider]:
    """The board's command-palette provider, imported when the palette first opens."""
    from cockpit_tui.ui.board.commands import BoardCommands

    return BoardCommands


class BoardScreen(Screen[None]):
    """The store's board: what every salesperson keeps open all day.

    Args:
        lead_filter: The filters to start with (None: the ones the user saved).
    """

    CSS_PATH = "board.tcss"
    AUTO_FOCUS = ""
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {board_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_lead", "Abrir", id="board.open", key_display="⏎"),
        Binding("r", "open_lead('reply')", "Responder", id="board.reply", show=False),
        *move_bindings("board", show=True),
        Binding("m", "pick_status", "Mover", id="board.move_to"),
        Binding("u,ctrl+z", "undo", "Desfazer", id="board.undo"),
        Binding("a", "assign_to_me", "Para mim", id="board.assign_to_me"),
        Binding("space", "next_urgent", "Urgente", id="board.next_urgent"),
        # Priority: otherwise the "/" that opens the field is typed into it.
        Binding("slash", "search", "Buscar", id="board.search", key_display="/", priority=True),
        Binding("f", "pick_filters", "Filtros", id="board.filters"),
        Binding("F", "clear_filters", "Limpar filtros", id="board.clear_filters", show=False),
        Binding("escape", "clear_search", "Limpar a busca", id="board.clear_search", show=False),
        Binding("v", "switch_view", "Cartões/lista", id="board.switch_view", show=False),
        Binding("up,k", "scroll('cursor_up')", "Card acima", id="board.up", show=False),
        Binding("down,j", "scroll('cursor_down')", "Card abaixo", id="board.down", show=False),
        Binding("pageup", "scroll('page_up')", "Página acima", id="board.page_up", show=False),
        Binding(
            "pagedown", "scroll('page_down')", "Página abaixo", id="board.page_down", show=False
        ),
        Binding("home,g", "scroll('first')", "Primeiro card", id="board.first", show=False),
        Binding("end,G", "scroll('last')", "Último card", id="board.last", show=False),
        Binding("question_mark", "help", "Ajuda", id="board.help", key_display="?"),
    ]

    def __init__(self, lead_filter: LeadFilter | None = None) -> None:
        super().__init__()
        self._initial_filter = lead_filter
        self.state = BoardState()
        self.actions = LeadActions(self, self)
        self._panes: list[BoardPane] = []
        self._cards: CardsPane | None = None
        self._list: ListPane | None = None
        self._live: LivePoll | None = None
        self._startup_error: CockpitError | None = None
        self._store_error_shown = False
        self._notice_timer: Timer | None = None
        self._had_card: bool | None = None
        self._filter_serial = 0
        self._filter_windows: dict[Status, ColumnWindow] = {}
        self._keep_after_filter: int | None = None
        self._before_search: int | None = None
        #: The lead ``space`` selected last (pressing it again goes on from there).
        self._last_urgent: int | None = None

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
        columns = []
        for status in STATUS_ORDER:
            window = ColumnWindow(
                source=ColumnSource(services.board, status, self.state.where),
                total=self.state.counts[status],
            )
            try:
                window.ensure(0, 8)  # what fits on a tall screen
            except CockpitError as error:
                self._startup_error = error  # told once the screen is up
            columns.append(
                ColumnView(
                    window, label=status_label(status, t.lang), translate=t, clock=services.clock
                )
            )
        canvas = BoardCanvas(columns, clock=services.clock)
        self._cards = CardsPane(
            self.state,
            canvas,
            empty_text=t("app.empty_store"),
            selection_moved=self._refresh_lead_keys,
        )
        self._panes = [self._cards]
        yield self._cards
        yield KeyBar(palette_label=t("board.palette_key"))

    def _read_first_figures(self) -> None:
        """Counts, attention and plan, read on the UI thread for the first frame.

        A few milliseconds even at 100,000 leads; the first frame then shows
        real counts instead of zeros followed by a second paint.
        """
        cockpit = self.cockpit
        board, state = cockpit.services.board, self.state
        state.lead_filter = self._initial_filter or cockpit.saved_filters()
        state.where = board.scope(state.lead_filter)
        try:
            board.has_new_commits()  # the poll compares against this point
            state.take_counts(
                board.counts(state.where),
                board.counts() if state.where is not None else None,
                board.attention_count(),
                cockpit.services.settings.plan(),
            )
        except CockpitError as error:
            self._startup_error = error

    def on_mount(self) -> None:
        """Show the figures, focus the first column, start watching the store."""
        self._live = LivePoll(self, self.cockpit.services)
        if self._startup_error is not None:
            self._report_once(self._startup_error)
        self.cards.set_filter_totals()
        self._show_counts()
        self._had_card = self.selected_card is not None
        self.cards.focus_status(Status.NEW)
        self.cards.focus()
        self.set_interval(self.cockpit.poll_interval, self.poll_store)
        self.set_interval(_CLOCK_REFRESH, self.cards.repaint_clock)
        # After the first frame is on screen: the import holds the GIL for ~0.5 s.
        self.set_timer(_WARM_UP_DELAY, self._warm_up_writes)

    @work(thread=True, group="warm-up")
    def _warm_up_writes(self) -> None:
        """Import the write path (the ORM, ~0.5 s) while the user reads the first frame.

        The salesperson who opened the store also joins its team here (so
        colleagues can assign leads to them), off the first frame's path.
        """
        services = self.cockpit.services
        services.leads.warm_up()
        with suppress(CockpitError):  # a read-only or busy store: joining waits for next start
            services.team.join()

    # -- what the board shows (tests and the palette read these) -------------------------------

    @property
    def pane(self) -> BoardPane:
        """The pane on show."""
        return self._panes[0]

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
    def list_pane(self) -> ListPane:
        """The list pane (once the list was shown)."""
        assert self._list is not None, "the list is made on the first 'v'"
        return self._list

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
    def plan(self) -> object:
        """The store's plan, as last read."""
        return self.state.plan

    @property
    def selected_card(self) -> LeadCard | None:
        """The lead the keys act on."""
        return self.pane.selected_card

    @property
    def search_field(self) -> SearchBar:
        """The search field under the header (hidden until ``/``)."""
        return self.query_one(SearchBar)

    @property
    def busy(self) -> bool:
        """Whether a write or a filter change is still under way (tests wait on this)."""
        return self.actions.busy or self._filter_serial != self._filter_shown

    _filter_shown = 0

    # -- drawing the figures ------------------------------------------------------------------

    def _show_counts(self) -> None:
        cockpit = self.cockpit
        header = self.state.header(cockpit.t, user=cockpit.services.actor)
        self.query_one("#board-header", TextLine).text = header
        self.pane.figures_changed()

    def say(self, text: str) -> None:
        """Show what just happened in the header line for a few seconds.

        Routine news (a move, an undo) goes here rather than into a toast:
        a toast is a new widget, and mounting it repaints the whole board.
        """
        notice = self.query_one("#notice", TextLine)
        notice.text = text
        if self._notice_timer is not None:
            self._notice_timer.stop()
        self._notice_timer = self.set_timer(_NOTICE_SECONDS, lambda: setattr(notice, "text", ""))

    def _report_once(self, error: CockpitError) -> None:
        """Say once that the store could not be read (until a read works again)."""
        if not self._store_error_shown:
            self._store_error_shown = True
            report_error(self, error)

    # -- keys -----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that act on a lead are shown disabled while no card is selected."""
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
    @on(LeadTable.SelectionChanged)
    def _selection_changed(self) -> None:
        self._refresh_lead_keys()

    @on(BoardCanvas.ReadFailed)
    @on(LeadTable.ReadFailed)
    @on(LivePoll.LoadFailed)
    def _read_failed(self, message: BoardCanvas.ReadFailed | LeadTable.ReadFailed) -> None:
        self._report_once(message.error)

    def action_scroll(self, action: str) -> None:
        """A selection key, sent to what the pane on show scrolls."""
        scroller = self.pane.scroller
        moves = {
            "cursor_up": scroller.cursor_up,
            "cursor_down": scroller.cursor_down,
            "page_up": scroller.page_up,
            "page_down": scroller.page_down,
            "first": scroller.first,
            "last": scroller.last,
        }
        if action in moves:
            moves[action]()

    @reports_errors
    def action_next_urgent(self) -> None:
        """The one-key triage loop: the most urgent lead, then the next one on each press.

        Unread replies, new leads nobody acted on, overdue appointments,
        today's, then the rest, each longest-waiting first (see
        :meth:`BoardService.urgent_leads`). Opens nothing.
        """
        services = self.cockpit.services
        urgent = services.board.urgent_leads(services.clock.now(), where=self.state.where)
        if not urgent:
            self.say(self.cockpit.t("board.nothing_urgent"))
            return
        current = self.selected_card
        ids = [card.id for card in urgent]
        walking = current is not None and current.id == self._last_urgent
        index = ids.index(current.id) + 1 if walking and current and current.id in ids else 0
        self._last_urgent = urgent[index % len(urgent)].id
        self.pane.select_lead(self._last_urgent)

    @reports_errors
    def select_lead(self, lead_id: int) -> None:
        """Select a lead in the pane on show."""
        self.pane.select_lead(lead_id)

    # -- keys: acting on the lead (see lead_actions) ----------------------------------------------

    def action_move_by(self, step: int) -> None:
        """Move the selected lead to the next (+1) or previous (-1) status."""
        if (card := self.selected_card) is not None:
            self.actions.move_by(card, step)

    def action_pick_status(self) -> None:
        """Ask which status to move the selected lead to (1–6, esc cancels)."""
        if (card := self.selected_card) is not None:
            self.actions.pick_status(card)

    def move_to(self, status: Status) -> None:
        """Move the selected lead to ``status`` (the command palette's "Mover para…")."""
        if (card := self.selected_card) is not None:
            self.actions.move_to(card, status)

    def action_undo(self) -> None:
        """Undo this user's last move (press again for the one before)."""
        self.actions.undo()

    def action_assign_to_me(self) -> None:
        """Assign the selected lead to the user."""
        if (card := self.selected_card) is not None:
            self.actions.assign_to_me(card)

    @on(LeadActions.Finished)
    def _lead_action_finished(self, message: LeadActions.Finished) -> None:
        self.actions.finish(message)

    def read_after_move(self, result: MoveResult) -> MoveRead:
        """In the move's worker: what showing it needs (counts under a filter, where it landed)."""
        board, where = self.cockpit.services.board, self.state.where
        counts = board.counts(where) if where is not None else None
        shown = where is None or board.shows(result.card.id, where)
        rank = board.rank_of(result.card, where) if shown else 0
        around = None
        if shown:
            source = ColumnSource(board, result.to_status, where)
            around = ColumnWindow(source=source, total=0).read_around(result.card, rank)
        return MoveRead(board.attention_count(), counts, shown, rank, around)

    @reports_errors
    def lead_moved(self, result: MoveResult, read: object) -> None:
        """Show a move or an undo made here: counts in memory, two columns re-read."""
        assert isinstance(read, MoveRead)
        state = self.state
        state.bump()
        state.count_move(result.from_status, result.to_status)
        state.attention = read.attention
        if isinstance(read.counts, dict):
            state.counts = read.counts
        self._mark_hidden_stale()
        self.pane.show_move(result, read)
        self._show_counts()
        self.cockpit.services.board.acknowledge_own_change(result.change_id)

    def move_refused(self, lead_id: int | None) -> None:
        """A colleague moved the lead first: read everything again, keep the lead selected."""
        self.reload_everything()
        if lead_id is not None:
            self.select_lead(lead_id)

    @reports_errors
    def lead_changed(self, card: LeadCard) -> None:
        """Re-read the lead's column (or the list) after a change made here."""
        self.state.bump()
        self._mark_hidden_stale()
        self.pane.reload_lead(card)

    def _mark_hidden_stale(self) -> None:
        for pane in self._panes[1:]:
            pane.stale = True

    def action_open_lead(self, then: str = "") -> None:
        """Open the selected lead (``then="reply"``: straight into the reply form)."""
        card = self.selected_card
        if card is None:
            return
        from cockpit_tui.ui.screens.lead import LeadScreen  # first use pays the import

        def back(lead_id: int | None) -> None:
            self.reload_everything()
            self.select_lead(lead_id if lead_id is not None else card.id)

        self.app.push_screen(LeadScreen(card.id, then=then or None), back)

    @reports_errors
    def reload_everything(self) -> None:
        """Re-read counts and what is on show now (after a conflict, back from a lead)."""
        state, board = self.state, self.cockpit.services.board
        state.bump()
        state.take_counts(
            board.counts(state.where),
            board.counts() if state.where is not None else None,
            board.attention_count(),
        )
        self.pane.reload()
        self._mark_hidden_stale()
        self.pane.stale = False
        self._show_counts()

    # -- the other pane -----------------------------------------------------------------------

    def action_switch_view(self) -> None:
        """Cards ⇄ list: the list view comes with the Smart plans."""
        if not self.state.has_list_view:
            self.notify(self.cockpit.t("board.list_needs_plan"), severity="warning", timeout=8)
            return
        if len(self._panes) == 1:
            from cockpit_tui.ui.board.list_pane import ListPane  # first use pays the import

            self._list = ListPane(self.state)
            self._list.display = False
            self.mount(self._list, after=self.cards)
            self._panes.append(self._list)
        self._show_next_pane()

    @reports_errors
    def _show_next_pane(self) -> None:
        selected = self.selected_card
        self.pane.leave()
        self._panes.append(self._panes.pop(0))
        if self.pane.stale:
            self.reload_everything()
        self.pane.enter(selected)
        self._show_counts()
        self.refresh_bindings()

    def action_help(self) -> None:
        """Every key of this screen, from its bindings."""
        from cockpit_tui.ui.screens.help import HelpScreen  # first use pays the import

        t = self.cockpit.t
        notes = {} if self.state.has_list_view else {"board.switch_view": t("help.needs_smart")}
        self.app.push_screen(
            HelpScreen(
                self.active_bindings.values(), palette_label=t("board.palette_key"), notes=notes
            )
        )

    # -- search and filters -------------------------------------------------------------------

    def apply_filter(self, lead_filter: LeadFilter, *, keep: int | None = None) -> None:
        """Show only the leads of ``lead_filter`` (search and quick filters), live.

        The header names the filter at once; a worker reads the counts and
        each column's first cards, and every column (and the list) then shows
        them, headers saying "shown/total", the selected lead still selected
        if it still shows.
        """
        state, services = self.state, self.cockpit.services
        selected = self.selected_card
        self._keep_after_filter = keep if keep is not None else (selected.id if selected else None)
        where = services.board.scope(lead_filter)
        if state.quick_filters_differ(lead_filter):
            self.cockpit.save_filters(lead_filter)
        if where is not None and state.total_counts is None:
            state.total_counts = dict(state.counts)  # the unfiltered counts are on screen
        state.lead_filter, state.where = lead_filter, where
        state.bump()
        self._filter_serial += 1
        self._filter_windows = {
            status: ColumnWindow(source=ColumnSource(services.board, status, where), total=0)
            for status in STATUS_ORDER
        }
        specs = {status: window.spec() for status, window in self._filter_windows.items()}
        self._show_counts()  # the header names the new filter now
        self.refresh_bindings()
        start_filter_read(self, services, serial=self._filter_serial, where=where, specs=specs)

    @on(FilterRead)
    @reports_errors
    def _filter_read(self, message: FilterRead) -> None:
        if message.serial != self._filter_serial:
            return  # a newer filter is on its way
        self._filter_shown = message.serial
        if message.error is not None:
            report_error(self, message.error)
            return
        state = self.state
        state.counts = message.counts
        if state.where is None:
            state.total_counts = None
        state.bump()
        assert self._live is not None
        self._live.force = True  # a change made meanwhile shows at the next poll
        for column in self.columns():
            window = self._filter_windows[column.status]
            total = message.counts[column.status]
            column.use_window(window, total, message.contents[column.status])
        self.cards.set_filter_totals()
        self.pane.filter_changed(self._keep_after_filter)
        self._mark_hidden_stale()
        self._show_counts()
        self.refresh_bindings()

    def action_search(self) -> None:
        """Open the search field (every column narrows as you type)."""
        if not self.state.lead_filter.search:
            selected = self.selected_card
            self._before_search = selected.id if selected else None
        self.search_field.open()

    @on(SearchBar.Search)
    def _search(self, message: SearchBar.Search) -> None:
        if message.text != self.state.lead_filter.search:
            self.apply_filter(self.state.lead_filter.with_search(message.text))
        if message.kept:  # enter: back to moving between leads
            self.pane.focus_keys()
            if not self.state.lead_filter.search:
                self.search_field.display = False

    def action_clear_search(self) -> None:
        """Esc: clear the search and select again the lead selected before it."""
        self.search_field.empty()
        self.pane.focus_keys()
        if self.state.lead_filter.search:
            self.apply_filter(self.state.lead_filter.with_search(""), keep=self._before_search)

    @reports_errors
    def action_pick_filters(self) -> None:
        """Choose quick filters (they combine with the search)."""
        from cockpit_tui.ui.screens.filter_picker import FilterPicker

        services = self.cockpit.services
        sources, team = services.board.sources(), services.team.members()
        self.app.push_screen(
            FilterPicker(
                self.state.lead_filter,
                translate=self.cockpit.t,
                sources=sources,
                salespeople=team,
                apply=self.apply_filter,
            )
        )

    @reports_errors
    def jump_to_lead(self, lead_id: int) -> None:
        """Select a lead found from the palette, clearing filters that would hide it."""
        if self.cockpit.services.board.shows(lead_id, self.state.where):
            self.select_lead(lead_id)
            return
        self.search_field.empty()
        self.apply_filter(LeadFilter(), keep=lead_id)

    def action_clear_filters(self) -> None:
        """F: every quick filter off (the search stays)."""
        self.apply_filter(self.state.lead_filter.without_quick_filters())
        self.say(self.cockpit.t("filter.cleared"))

    # -- live -------------------------------------------------------------------------------

    def poll_store(self) -> None:
        """Ask a worker whether someone committed, and re-read if so."""
        if not self.is_current or self._live is None:
            return  # under the lead screen: re-read on return instead (reload_everything)
        specs = {column.status: column.window.spec() for column in self.columns()}
        state = self.state
        self._live.start(state.generation, specs, self.pane.poll_spec(), state.where)

    @on(LivePoll.Refreshed)
    def _poll_read(self, message: LivePoll.Refreshed) -> None:
        """Apply another process's changes, column by column, keeping the selection."""
        assert self._live is not None
        if message.generation != self.state.generation:
            self._live.force = True  # this user changed the board meanwhile: read again
            return
        self._store_error_shown = False
        changed = self.state.take_counts(
            message.counts, message.total_counts, message.attention, message.plan
        )
        self.cards.set_filter_totals()
        for pane in self._panes:
            pane.take_poll(message)
        if changed:
            self._show_counts()
        if self.pane.needs_list_plan and not message.plan.has_list_view:
            self._show_next_pane()
            self.notify(self.cockpit.t("board.list_plan_dropped"), severity="warning", timeout=8)
