"""The board screen: six live status columns and the keys that triage them."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, Static
from textual.worker import Worker

from cockpit_tui.domain.errors import CockpitError, MoveConflictError
from cockpit_tui.domain.filters import LeadFilter, QuickFilter
from cockpit_tui.domain.models import LeadCard, MoveResult
from cockpit_tui.domain.plans import Plan
from cockpit_tui.domain.statuses import STATUS_ORDER, Status, status_label
from cockpit_tui.i18n.translate import describe_error
from cockpit_tui.services.card_source import ColumnSource
from cockpit_tui.services.column_window import ColumnWindow, WindowContent, WindowSpec, read_window
from cockpit_tui.store.reader import Clause
from cockpit_tui.ui.bindings import translate_bindings
from cockpit_tui.ui.column_view import ColumnView
from cockpit_tui.ui.widgets.board_canvas import BoardCanvas
from cockpit_tui.ui.widgets.key_bar import KeyBar
from cockpit_tui.ui.widgets.text_line import TextLine

if TYPE_CHECKING:
    from textual.command import Provider

    from cockpit_tui.services.lead_list import ListQuery
    from cockpit_tui.ui.app import CockpitApp
    from cockpit_tui.ui.lead_rows import LeadRows
    from cockpit_tui.ui.widgets.lead_table import LeadTable
    from cockpit_tui.ui.widgets.status_strip import StatusStrip

#: Seconds a notice stays in the header line.
_NOTICE_SECONDS = 6.0
#: Seconds after the first frame before the write path is imported in the background.
_WARM_UP_DELAY = 0.8
#: Seconds between repaints of "há N min" on the cards.
_CLOCK_REFRESH = 30.0

_NEEDS_CARD = frozenset({"move_by", "pick_status", "assign_to_me", "open_lead"})
_LIST_ONLY = frozenset({"show_all", "cycle_sort", "reverse_sort"})
#: Seconds after the last keystroke before the search runs.
_SEARCH_DEBOUNCE = 0.03
_CARDS_ONLY = frozenset({"focus_column"})


def board_commands() -> type[Provider]:
    """The board's command-palette provider, imported when the palette first opens."""
    from cockpit_tui.ui.commands import BoardCommands

    return BoardCommands


class BoardScreen(Screen[None]):
    """The store's board: what every salesperson keeps open all day."""

    CSS_PATH = "board.tcss"
    # Keys go to the board itself; the (hidden) search field takes focus only on "/".
    AUTO_FOCUS = ""
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {board_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "left,h", "focus_column(-1)", "Coluna anterior", id="board.column_left", show=False
        ),
        Binding(
            "right,l", "focus_column(1)", "Próxima coluna", id="board.column_right", show=False
        ),
        Binding("enter", "open_lead", "Abrir", id="board.open", key_display="⏎"),
        Binding("r", "open_lead('reply')", "Responder", id="board.reply", show=False),
        Binding("shift+right,L", "move_by(1)", "Avançar", id="board.move_next", key_display="⇧→"),
        Binding(
            "shift+left,H", "move_by(-1)", "Voltar", id="board.move_previous", key_display="⇧←"
        ),
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
        Binding("s", "cycle_sort", "Ordenar", id="board.sort"),
        Binding("S", "reverse_sort", "Inverter ordem", id="board.sort_reverse", show=False),
        Binding("0", "show_all", "Todos os status", id="board.list_all", show=False),
        *(
            Binding(
                str(status.position),
                f"jump_to_column({status.position})",
                f"Ir para {status_label(status)}",
                id=f"board.column_{status.position}",
                show=False,
            )
            for status in STATUS_ORDER
        ),
        Binding("up,k", "column('cursor_up')", "Card acima", id="board.up", show=False),
        Binding("down,j", "column('cursor_down')", "Card abaixo", id="board.down", show=False),
        Binding("pageup", "column('page_up')", "Página acima", id="board.page_up", show=False),
        Binding(
            "pagedown", "column('page_down')", "Página abaixo", id="board.page_down", show=False
        ),
        Binding("home,g", "column('first')", "Primeiro card", id="board.first", show=False),
        Binding("end,G", "column('last')", "Último card", id="board.last", show=False),
        Binding("question_mark", "help", "Ajuda", id="board.help", key_display="?"),
    ]

    @dataclass
    class Refreshed(Message):
        """What the live poll read after another process committed."""

        generation: int
        counts: dict[Status, int]
        attention: int
        plan: Plan
        contents: dict[Status, WindowContent]
        list_content: WindowContent | None = None
        list_total: int = 0
        total_counts: dict[Status, int] | None = None

    @dataclass
    class LoadFailed(Message):
        """The poll could not read the store."""

        error: CockpitError

    def __init__(self, lead_filter: LeadFilter | None = None) -> None:
        super().__init__()
        self._initial_filter = lead_filter
        self.counts: dict[Status, int] = dict.fromkeys(STATUS_ORDER, 0)
        self.attention = 0
        self.plan: Plan | None = None
        self._generation = 0
        self._force_refresh = False
        self._first_visible = 0
        self._store_error_shown = False
        self.active_status = Status.NEW
        self._had_card: bool | None = None
        self._poll_worker: Worker[None] | None = None
        self._startup_error: CockpitError | None = None
        self._notice_timer: Timer | None = None
        self._canvas: BoardCanvas | None = None
        self._table: LeadTable | None = None
        self._strip: StatusStrip | None = None
        self._search: Input | None = None
        #: "cards" (the Kanban) or "list".
        self.view = "cards"
        self._list_query: ListQuery | None = None
        self._cards_stale = False
        #: The search and quick filters, and the SQL condition they make.
        self.lead_filter = LeadFilter()
        self._where: Clause | None = None
        #: Every lead per column while a filter hides some (the "/total" of the headers).
        self.total_counts: dict[Status, int] | None = None
        self._search_timer: Timer | None = None
        self._before_search: int | None = None
        #: The lead ``space`` selected last (pressing it again goes on from there).
        self._last_urgent: int | None = None

    @property
    def cockpit(self) -> CockpitApp:
        """The app, typed."""
        from cockpit_tui.ui.app import CockpitApp

        assert isinstance(self.app, CockpitApp)
        return self.app

    # -- building ----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Header line, hidden-column hints, the six columns, the empty-store hint, footer."""
        app = self.cockpit
        services, t = app.services, app.t
        translate_bindings(self, t)
        self._read_first_figures()
        with Horizontal(id="header-row"):
            yield TextLine(id="board-header")
            yield TextLine(id="notice")
        # Composed (hidden), not mounted on "/": keys typed right after "/" must
        # find the field already there to land in it.
        self._search = Input(placeholder=t("search.placeholder"), id="search")
        self._search.display = False
        yield self._search
        with Horizontal(id="offscreen"):
            yield TextLine(id="offscreen-left")
            yield TextLine(id="offscreen-right")
        columns = []
        for status in STATUS_ORDER:
            window = ColumnWindow(
                source=ColumnSource(services.board, status, self._where),
                total=self.counts[status],
            )
            try:
                window.ensure(0, 8)  # what fits on a tall screen
            except CockpitError as error:
                self._startup_error = error  # told once the screen is up
            view = ColumnView(
                window, label=status_label(status, t.lang), translate=t, clock=services.clock
            )
            if self.total_counts is not None:
                view.filter_total = self.total_counts[status]
            columns.append(view)
        self._canvas = BoardCanvas(columns, clock=services.clock)
        yield self._canvas
        yield Static(Content(t("app.empty_store")), id="empty-hint")
        yield KeyBar(palette_label=t("board.palette_key"))

    def _read_first_figures(self) -> None:
        """Counts, attention and plan, read on the UI thread for the first frame.

        A few milliseconds even at 100,000 leads; the first frame then shows
        real counts instead of zeros followed by a second paint.
        """
        board = self.cockpit.services.board
        self.lead_filter = self._initial_filter or self.cockpit.saved_filters()
        self._where = self._clause_for(self.lead_filter)
        try:
            board.has_new_commits()  # the poll compares against this point
            if self._where is not None:
                self.total_counts = board.counts()
            self.counts = board.counts(self._where)
            self.attention = board.attention_count()
            self.plan = self.cockpit.services.settings.plan()
        except CockpitError as error:
            self._startup_error = error

    def on_mount(self) -> None:
        """Show the figures, focus the first column, start watching the store."""
        if self._startup_error is not None:
            self._report_once(self._startup_error)
        self._show_header()
        self._show_empty_hint()
        self._had_card = self.column(Status.NEW).selected_card is not None
        self.focus_status(Status.NEW)
        self.set_interval(self.cockpit.poll_interval, self.poll_store)
        self.set_interval(_CLOCK_REFRESH, self._repaint_cards)
        # After the first frame is on screen: the import holds the GIL for ~0.5 s.
        self.set_timer(_WARM_UP_DELAY, self._warm_up_writes)

    @work(thread=True, group="warm-up")
    def _warm_up_writes(self) -> None:
        """Import the write path (the ORM, ~0.5 s) while the user reads the first frame.

        The board paints without it; the first move would otherwise pay for it.
        The salesperson who opened the store also joins its team here (so
        colleagues can assign leads to them), off the first frame's path.
        """
        services = self.cockpit.services
        services.leads.warm_up()
        # A read-only or busy store: joining waits for the next start.
        with suppress(CockpitError):
            services.team.join()

    @property
    def canvas(self) -> BoardCanvas:
        """The widget that draws the columns (kept, not queried: keys ask for it often)."""
        assert self._canvas is not None, "the board is composed before it is used"
        return self._canvas

    def columns(self) -> list[ColumnView]:
        """The six columns in board order."""
        return self.canvas.columns

    def column(self, status: Status) -> ColumnView:
        """The column of one status."""
        return self.canvas.columns[STATUS_ORDER.index(status)]

    @property
    def active_column(self) -> ColumnView:
        """The column the keys act on."""
        return self.column(self.active_status)

    @property
    def selected_card(self) -> LeadCard | None:
        """The card the keys act on (the selected row in the list view)."""
        if self.view == "list":
            return self.table.rows.selected_card
        return self.active_column.selected_card

    @property
    def search_field(self) -> Input:
        """The search field under the header (hidden until ``/``)."""
        assert self._search is not None, "the board is composed before it is used"
        return self._search

    @property
    def list_query(self) -> ListQuery:
        """What the list view shows (sort, direction, status)."""
        if self._list_query is None:
            from cockpit_tui.services.lead_list import ListQuery

            self._list_query = ListQuery()
        return self._list_query

    @list_query.setter
    def list_query(self, query: ListQuery) -> None:
        self._list_query = query

    @property
    def strip(self) -> StatusStrip:
        """The list view's status strip (made the first time the list is shown)."""
        if self._strip is None:
            from cockpit_tui.ui.widgets.status_strip import StatusStrip

            self._strip = StatusStrip(self.cockpit.t)
        return self._strip

    def _mount_list(self) -> None:
        """Put the list's strip and table on the screen (once; hidden until shown).

        They are made and mounted on the first ``v``: the first frame of the
        board neither imports nor styles them.
        """
        if not self.table.is_attached:
            self.strip.display = False
            self.table.display = False
            self.mount(self.strip, self.table, after=self.canvas)

    @property
    def table(self) -> LeadTable:
        """The list view's table (made the first time the list is shown)."""
        if self._table is None:
            from cockpit_tui.services.lead_list import ListSource
            from cockpit_tui.ui.lead_rows import LeadRows
            from cockpit_tui.ui.widgets.lead_table import LeadTable

            services, t = self.cockpit.services, self.cockpit.t
            rows = LeadRows(
                ListSource(services.store, self.list_query, self._where),
                translate=t,
                clock=services.clock,
            )
            self._table = LeadTable(rows, translate=t, clock=services.clock)
        return self._table

    # -- layout ----------------------------------------------------------------

    def on_resize(self) -> None:
        """Show as many columns as fit; the others are named in the hint line."""
        self._layout_columns()

    def _layout_columns(self) -> None:
        canvas = self.canvas
        count = canvas.fit_count(self.size.width)
        position = STATUS_ORDER.index(self.active_status)
        first = min(self._first_visible, position)
        first = max(first, position - count + 1)
        self._first_visible = max(0, min(first, len(STATUS_ORDER) - count))
        canvas.show_columns(self._first_visible, count)
        self._show_offscreen(range(self._first_visible, self._first_visible + count))

    def _show_offscreen(self, shown: range) -> None:
        hidden_left = [s for i, s in enumerate(STATUS_ORDER) if i < shown.start]
        hidden_right = [s for i, s in enumerate(STATUS_ORDER) if i >= shown.stop]

        def names(statuses: list[Status]) -> str:
            t = self.cockpit.t
            totals = self.total_counts
            return "  ".join(
                f"{s.position} {status_label(s, t.lang)} · {self.counts[s]}"
                + (f"/{totals[s]}" if totals is not None else "")
                for s in statuses
            )

        left = f"◀ {names(hidden_left)}" if hidden_left else ""
        right = f"{names(hidden_right)} ▶" if hidden_right else ""
        self.query_one("#offscreen-left", TextLine).text = left
        self.query_one("#offscreen-right", TextLine).text = right
        offscreen = self.query_one("#offscreen")
        # An empty store shows its hint, not the names of empty hidden columns.
        wanted = (
            bool(hidden_left or hidden_right)
            and sum((self.total_counts or self.counts).values()) > 0
            and self.view == "cards"
        )
        if offscreen.display != wanted:
            offscreen.display = wanted

    def _show_header(self) -> None:
        t = self.cockpit.t
        header = t(
            "app.header",
            plan=self.plan.label if self.plan else "?",
            user=self.cockpit.services.actor,
            attention=self.attention,
        )
        summary = self._filter_summary()
        if summary:
            header += " · " + summary
        self.query_one("#board-header", TextLine).text = header

    def _show_empty_hint(self) -> None:
        if self.view != "cards":
            return  # the list says "Nenhum lead aqui" itself; the cards stay hidden
        # An empty store, not a search that found nothing.
        empty = sum((self.total_counts or self.counts).values()) == 0
        hint, columns = self.query_one("#empty-hint"), self.canvas
        if (hint.display, columns.display) != (empty, not empty):
            hint.display = empty
            columns.display = not empty

    def _show_counts(self) -> None:
        self._show_header()
        self._show_empty_hint()
        self._layout_columns()
        if self.view == "list":
            self._show_strip()

    def _repaint_cards(self) -> None:
        self.canvas.refresh()

    # -- keys: where the selection is --------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that act on a lead are shown disabled while no card is selected."""
        if action in _LIST_ONLY:
            return self.view == "list"
        if action == "clear_search":
            return bool(self.lead_filter.search)
        if action == "clear_filters":
            return self.lead_filter.has_quick_filters
        if action in _CARDS_ONLY:
            return self.view == "cards"
        if action in _NEEDS_CARD and self.selected_card is None:
            return None
        return True

    @on(BoardCanvas.SelectionChanged)
    def _selection_changed(self) -> None:
        self._refresh_lead_keys()

    def on_lead_table_selection_changed(self) -> None:
        """The list's selection moved."""
        self._refresh_lead_keys()

    def on_lead_table_read_failed(self, message: LeadTable.ReadFailed) -> None:
        """The list could not be read."""
        self._report_once(message.error)

    @on(BoardCanvas.Clicked)
    def _column_clicked(self, message: BoardCanvas.Clicked) -> None:
        self.focus_status(message.column.status)

    def _refresh_lead_keys(self) -> None:
        """Enable or disable the lead keys, only when that changes (the footer is rebuilt)."""
        has_card = self.selected_card is not None
        if has_card != self._had_card:
            self._had_card = has_card
            self.refresh_bindings()

    def action_column(self, action: str) -> None:
        """Send a selection key to the active column (or to the list)."""
        column = self.table.rows if self.view == "list" else self.active_column
        keys = {
            "cursor_up": column.cursor_up,
            "cursor_down": column.cursor_down,
            "page_up": column.page_up,
            "page_down": column.page_down,
            "first": column.first,
            "last": column.last,
        }
        if action in keys:
            keys[action]()

    def action_focus_column(self, step: int) -> None:
        """Focus the previous (-1) or next (+1) column."""
        position = STATUS_ORDER.index(self.active_status) + step
        if 0 <= position < len(STATUS_ORDER):
            self.focus_status(STATUS_ORDER[position])

    def action_jump_to_column(self, number: int) -> None:
        """Focus column ``number`` (1–6); in the list view, show only that status."""
        if self.view == "list":
            if 1 <= number <= len(STATUS_ORDER):
                self.set_list_query(self.list_query.with_status(STATUS_ORDER[number - 1]))
            return
        if 1 <= number <= len(STATUS_ORDER):
            self.focus_status(STATUS_ORDER[number - 1])

    def focus_status(self, status: Status) -> None:
        """Make a status's column the active one, bringing it on screen."""
        self.active_column.set_active(False)
        self.active_status = status
        self.column(status).set_active(True)
        self._layout_columns()
        self._refresh_lead_keys()

    def action_next_urgent(self) -> None:
        """The one-key triage loop: the most urgent lead, then the next one on each press.

        Unread replies, new leads nobody acted on, overdue appointments,
        today's, then the rest, each longest-waiting first (see
        :meth:`BoardService.urgent_leads`). Opens nothing.
        """
        services = self.cockpit.services
        try:
            urgent = services.board.urgent_leads(services.clock.now(), where=self._where)
        except CockpitError as error:
            self._report(error)
            return
        if not urgent:
            self.say(self.cockpit.t("board.nothing_urgent"))
            return
        current = self.selected_card
        ids = [card.id for card in urgent]
        walking = current is not None and current.id == self._last_urgent
        index = ids.index(current.id) + 1 if walking and current and current.id in ids else 0
        self._last_urgent = urgent[index % len(urgent)].id
        self.select_lead(self._last_urgent)

    def select_lead(self, lead_id: int) -> None:
        """Focus the column of a lead and select it there (in the list: its row)."""
        if self.view == "list":
            self._select_in_list(lead_id)
            return
        try:
            found = self.cockpit.services.board.position_of(lead_id, self._where)
        except CockpitError as error:
            self._report(error)
            return
        if found is None:
            return
        status, rank = found
        self.focus_status(status)
        self.column(status).select_lead(lead_id, rank)

    # -- keys: acting on the lead ----------------------------------------------

    def action_move_by(self, step: int) -> None:
        """Move the selected lead to the next (+1) or previous (-1) status."""
        card = self.selected_card
        if card is None:
            return
        target = card.status.next() if step > 0 else card.status.previous()
        if target is None:
            key = "board.already_last" if step > 0 else "board.already_first"
            self.say(self.cockpit.t(key))
            return
        self.move_card(card, target)

    def action_pick_status(self) -> None:
        """Ask which status to move the selected lead to (1–6, esc cancels)."""
        card = self.selected_card
        if card is None:
            return

        def chosen(status: Status | None) -> None:
            if status is not None and status is not card.status:
                self.move_card(card, status)

        from cockpit_tui.ui.screens.move_picker import MovePicker  # first use pays the import

        self.app.push_screen(MovePicker(card.status, self.cockpit.t), chosen)

    def move_to(self, status: Status) -> None:
        """Move the selected lead to ``status`` (the command palette's "Mover para…")."""
        card = self.selected_card
        if card is not None and status is not card.status:
            self.move_card(card, status)

    def move_card(self, card: LeadCard, target: Status) -> None:
        """Move a lead as the user saw it (compare-and-set on its version).

        A move is one short write; the two columns involved are re-read and
        the counts adjusted in memory, so the rest of the board is untouched.
        """
        t = self.cockpit.t
        try:
            result = self.cockpit.services.leads.move(card.id, target, seen_version=card.version)
        except MoveConflictError as error:
            self.notify(describe_error(error, t), severity="warning", timeout=8)
            self.reload_everything()
            self.select_lead(card.id)
            return
        except CockpitError as error:
            self._report(error)
            return
        self._apply_move(result)
        label = status_label(result.to_status, t.lang)
        self.say(t("board.moved", status=label))
        self._offer_follow_up(result.card)

    def _offer_follow_up(self, card: LeadCard) -> None:
        """After a move to Aguardando visita, Vendidos or Não vendidos: the form it asks for.

        Esc skips it; the move stays.
        """
        from cockpit_tui.ui.follow_up import follow_up_form

        form = follow_up_form(self.cockpit, card)
        if form is None:
            return

        def closed(result: object | None) -> None:
            if result is not None:
                self.say(self.cockpit.t("lead.saved"))
                self.reload_column(card.status)

        self.app.push_screen(form, closed)

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

    def reload_column(self, status: Status) -> None:
        """Re-read one column after a change to one of its leads made here."""
        self._generation += 1
        if self.view == "list":
            self._cards_stale = True
            self.table.rows.reload(self._list_total())
            return
        self.column(status).reload(self.counts[status])

    def action_undo(self) -> None:
        """Undo this user's last move (press again for the one before)."""
        t = self.cockpit.t
        try:
            result = self.cockpit.services.leads.undo_last_move()
        except MoveConflictError as error:
            self.notify(describe_error(error, t), severity="warning", timeout=8)
            self.reload_everything()
            return
        except CockpitError as error:
            self.say(describe_error(error, t))
            return
        self._apply_move(result)
        self.say(t("board.undone", status=status_label(result.to_status, t.lang)))

    def _apply_move(self, result: MoveResult) -> None:
        self._generation += 1
        board = self.cockpit.services.board
        source, target = result.from_status, result.to_status
        totals = self.total_counts if self._where is not None else self.counts
        assert totals is not None
        totals[source] -= 1
        totals[target] += 1
        try:
            board.acknowledge_own_change(result.change_id)
            self.attention = board.attention_count()
            if self._where is not None:
                # The moved lead may have left the filter (a move clears attention): recount.
                self.counts = board.counts(self._where)
                self._set_filter_totals()
            shown = self._where is None or board.shows(result.card.id, self._where)
            rank = board.rank_of(result.card, self._where) if shown else 0
        except CockpitError as error:
            self._report(error)
            return
        if self.view == "list":
            self._cards_stale = True
            self._show_in_list(result.card)
            self._show_counts()
            return
        self.column(source).reload(self.counts[source])
        self.focus_status(target)
        if shown:
            # Read the target column around the card (by keyset from it): a move that lands
            # thousands of cards down costs what one near the top does.
            self.column(target).show_card(result.card, rank, self.counts[target])
        else:  # the filter no longer holds for it: the column just re-reads
            self.column(target).reload(self.counts[target])
        self._show_counts()

    def action_assign_to_me(self) -> None:
        """Assign the selected lead to the user."""
        card = self.selected_card
        if card is None:
            return
        t = self.cockpit.t
        try:
            self.cockpit.services.leads.assign_to_me(card.id)
        except CockpitError as error:
            self._report(error)
            return
        self.reload_column(card.status)
        self.say(t("board.assigned_to_me"))

    def action_switch_view(self) -> None:
        """Cards ⇄ list: the list view comes with the Smart plans."""
        t = self.cockpit.t
        if self.plan is None or not self.plan.has_list_view:
            self.notify(t("board.list_needs_plan"), severity="warning", timeout=8)
            return
        if self.view == "cards":
            self.show_list()
        else:
            self.show_cards()

    def action_help(self) -> None:
        """Every key of this screen, from its bindings."""
        from cockpit_tui.ui.screens.help import HelpScreen  # first use pays the import

        t = self.cockpit.t
        notes = {}
        if self.plan is None or not self.plan.has_list_view:
            notes["board.switch_view"] = t("help.needs_smart")
        self.app.push_screen(
            HelpScreen(
                self.active_bindings.values(), palette_label=t("board.palette_key"), notes=notes
            )
        )

    # -- search and filters ---------------------------------------------------------

    def _clause_for(self, lead_filter: LeadFilter) -> Clause | None:
        if not lead_filter.active:
            return None
        from cockpit_tui.services.filtering import filter_clause

        services = self.cockpit.services
        return filter_clause(
            lead_filter,
            actor=services.actor,
            now=services.clock.now(),
            sqlite=services.store.url.is_sqlite,
        )

    def _filter_summary(self) -> str:
        """The active search and filters for the header ("busca: civic · não lidos"), or ""."""
        t, lead_filter = self.cockpit.t, self.lead_filter
        parts = []
        if lead_filter.search.strip():
            parts.append(t("search.active", text=lead_filter.search.strip()))
        parts += [
            t(f"filter.{quick.value}.short") for quick in QuickFilter if quick in lead_filter.quick
        ]
        if lead_filter.source:
            parts.append(t("filter.source.short", source=lead_filter.source))
        if lead_filter.salesperson:
            parts.append(t("filter.salesperson.short", name=lead_filter.salesperson))
        return " · ".join(parts)

    def _set_filter_totals(self) -> None:
        for column in self.columns():
            column.filter_total = (
                None if self.total_counts is None else self.total_counts[column.status]
            )

    def apply_filter(self, lead_filter: LeadFilter, *, keep: int | None = None) -> None:
        """Show only the leads of ``lead_filter`` (search and quick filters), live.

        Every column (and the list) reads through the new condition; headers
        say "shown/total"; the selected lead stays selected if it still shows.
        """
        selected = self.selected_card
        keep_id = keep if keep is not None else (selected.id if selected else None)
        services = self.cockpit.services
        where = self._clause_for(lead_filter)
        # The unfiltered counts are on screen already (the counts, or their "/total").
        known_totals = self.total_counts if self.total_counts is not None else self.counts
        try:
            counts = services.board.counts(where)
            totals = None if where is None else dict(known_totals)
        except CockpitError as error:
            self._report(error)
            return
        if (lead_filter.quick, lead_filter.source, lead_filter.salesperson) != (
            self.lead_filter.quick,
            self.lead_filter.source,
            self.lead_filter.salesperson,
        ):
            self.cockpit.save_filters(lead_filter)
        self.lead_filter, self._where = lead_filter, where
        self.counts, self.total_counts = counts, totals
        self._generation += 1
        self._set_filter_totals()
        for column in self.columns():
            window = ColumnWindow(
                source=ColumnSource(services.board, column.status, where),
                total=counts[column.status],
            )
            column.use_window(window, counts[column.status])
        if self.view == "list":
            self.set_list_query(self.list_query)
        if keep_id is not None:
            self.select_lead(keep_id)
        if self.view == "cards" and self.selected_card is None:
            # Nothing of the active column matches: go to the first column that has results.
            first = next((status for status in STATUS_ORDER if counts[status]), None)
            if first is not None:
                self.focus_status(first)
        self._show_counts()
        self.refresh_bindings()

    def action_search(self) -> None:
        """Open the search field (every column narrows as you type)."""
        search = self.search_field
        if not self.lead_filter.search:
            selected = self.selected_card
            self._before_search = selected.id if selected else None
        search.display = True
        self.set_focus(search)  # now, not after this key: the next key must land in it

    @on(Input.Changed, "#search")
    def _search_typed(self, event: Input.Changed) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        text = event.value
        self._search_timer = self.set_timer(_SEARCH_DEBOUNCE, lambda: self._run_search(text))

    def _run_search(self, text: str) -> None:
        if text != self.lead_filter.search:
            self.apply_filter(self.lead_filter.with_search(text))

    @on(Input.Submitted, "#search")
    def _search_kept(self) -> None:
        """Enter keeps the results and goes back to moving between leads."""
        if self._search_timer is not None:
            self._search_timer.stop()
        self._run_search(self.search_field.value)
        self.set_focus(None)
        if not self.lead_filter.search:
            self.search_field.display = False

    def _empty_search_field(self) -> None:
        """Empty and hide the search field."""
        search = self.search_field
        with search.prevent(Input.Changed):
            search.value = ""
        search.display = False

    def action_clear_search(self) -> None:
        """Esc: clear the search and select again the lead selected before it."""
        if self._search_timer is not None:
            self._search_timer.stop()
        self._empty_search_field()
        self.set_focus(None)
        if self.lead_filter.search:
            self.apply_filter(self.lead_filter.with_search(""), keep=self._before_search)

    def action_pick_filters(self) -> None:
        """Choose quick filters (they combine with the search)."""
        from cockpit_tui.ui.screens.filter_picker import FilterPicker

        services = self.cockpit.services
        try:
            sources = services.board.sources()
            team = services.team.members()
        except CockpitError as error:
            self._report(error)
            return
        self.app.push_screen(
            FilterPicker(
                self.lead_filter,
                translate=self.cockpit.t,
                sources=sources,
                salespeople=team,
                apply=self.apply_filter,
            )
        )

    def jump_to_lead(self, lead_id: int) -> None:
        """Select a lead found from the palette, clearing filters that would hide it."""
        services = self.cockpit.services
        try:
            hidden = not services.board.shows(lead_id, self._where)
        except CockpitError as error:
            self._report(error)
            return
        if hidden:
            self._empty_search_field()
            self.apply_filter(LeadFilter(), keep=lead_id)
        else:
            self.select_lead(lead_id)

    def action_clear_filters(self) -> None:
        """F: every quick filter off (the search stays)."""
        self.apply_filter(self.lead_filter.without_quick_filters())
        self.say(self.cockpit.t("filter.cleared"))

    # -- the list view -------------------------------------------------------------

    def show_list(self) -> None:
        """Show the list, with the lead selected on the board selected there."""
        selected = self.selected_card
        if selected is not None and self.list_query.status not in (None, selected.status):
            self.list_query = self.list_query.with_status(None)
        self.view = "list"
        self._mount_list()
        self.canvas.display = False
        self.query_one("#offscreen").display = False
        self.query_one("#empty-hint").display = False
        self.table.display = True
        self.strip.display = True
        self.set_list_query(self.list_query, keep=selected)
        self.refresh_bindings()

    def show_cards(self) -> None:
        """Back to the cards, with the lead selected in the list selected there."""
        selected = self.selected_card
        self.view = "cards"
        self.table.display = False
        self.strip.display = False
        self.canvas.display = True
        if self._cards_stale:
            self.reload_everything()
        self._show_counts()
        if selected is not None:
            self.select_lead(selected.id)
        self.refresh_bindings()

    def set_list_query(self, query: ListQuery, *, keep: LeadCard | None = None) -> None:
        """Show the list for ``query`` (sort, direction, status), keeping a lead selected."""
        services, t = self.cockpit.services, self.cockpit.t
        selected = keep or self.selected_card
        self.list_query = query
        self._generation += 1
        from cockpit_tui.services.lead_list import ListSource
        from cockpit_tui.ui.lead_rows import LeadRows

        rows = LeadRows(
            ListSource(services.store, query, self._where), translate=t, clock=services.clock
        )
        self.table.use_rows(rows)
        total = self._list_total()
        if selected is not None and rows.source.contains(selected):
            self._show_card_in(rows, selected, total)
        else:
            rows.reload(total)
        self._show_strip()

    def _list_total(self) -> int:
        status = self.list_query.status
        return self.counts[status] if status is not None else sum(self.counts.values())

    def _show_card_in(self, rows: LeadRows, card: LeadCard, total: int) -> None:
        try:
            rank = rows.source.rank(card)
        except CockpitError as error:
            self._report(error)
            return
        rows.show_card(card, rank, total)

    def _show_in_list(self, card: LeadCard) -> None:
        """After a change to ``card`` made here: re-read the rows, following the lead."""
        rows = self.table.rows
        if rows.source.contains(card):
            self._show_card_in(rows, card, self._list_total())
        else:
            rows.reload(self._list_total())

    def _select_in_list(self, lead_id: int) -> None:
        try:
            card = self.cockpit.services.leads.get(lead_id)
        except CockpitError as error:
            self._report(error)
            return
        if not self.table.rows.source.contains(card):
            self.set_list_query(self.list_query.with_status(None), keep=card)
            return
        self._show_card_in(self.table.rows, card, self._list_total())

    def _show_strip(self) -> None:
        t = self.cockpit.t
        query = self.list_query
        from cockpit_tui.services.lead_list import ListSort

        column = t(
            f"list.{query.sort.value}" if query.sort is not ListSort.ATTENTION else "list.attention"
        )
        arrow = "▼" if query.descending else "▲"
        self.strip.show(self.counts, query.status, t("list.sorted_by", column=column, arrow=arrow))

    def action_show_all(self) -> None:
        """List view: every status again."""
        self.set_list_query(self.list_query.with_status(None))

    def action_cycle_sort(self) -> None:
        """List view: sort by the next column."""
        self.set_list_query(self.list_query.next_sort())

    def action_reverse_sort(self) -> None:
        """List view: reverse the sort."""
        self.set_list_query(self.list_query.reversed())

    # -- live ------------------------------------------------------------------

    def poll_store(self) -> None:
        """Ask a worker whether someone committed, and re-read if so."""
        if self._poll_worker is not None and self._poll_worker.is_running:
            return  # one read at a time, so an old read never lands after a newer one
        if not self.is_current:
            return  # under the lead screen: re-read on return instead (reload_everything)
        specs = {column.status: column.window.spec() for column in self.columns()}
        list_spec = self.table.rows.window.spec() if self.view == "list" else None
        self._poll_worker = self._poll(
            self._generation, specs, list_spec, self._where, self._force_refresh
        )
        self._force_refresh = False

    @work(thread=True, group="board-poll")
    def _poll(
        self,
        generation: int,
        specs: dict[Status, WindowSpec],
        list_spec: WindowSpec | None,
        where: Clause | None,
        force: bool,
    ) -> None:
        """Off the UI thread: the cheap check, then counts and the held windows."""
        services = self.cockpit.services
        try:
            if not services.board.has_new_commits() and not force:
                return
            counts = services.board.counts(where)
            total_counts = services.board.counts() if where is not None else None
            list_content, list_total = None, 0
            if list_spec is not None:
                list_content = read_window(list_spec)
                list_total = list_spec.source.total()
            refreshed = BoardScreen.Refreshed(
                generation=generation,
                total_counts=total_counts,
                list_content=list_content,
                list_total=list_total,
                counts=counts,
                attention=services.board.attention_count(),
                plan=services.settings.plan(),
                contents={status: read_window(spec) for status, spec in specs.items()},
            )
        except CockpitError as error:
            self.post_message(BoardScreen.LoadFailed(error))
            return
        self.post_message(refreshed)

    def on_board_screen_refreshed(self, message: Refreshed) -> None:
        """Apply another process's changes, column by column, keeping the selection."""
        if message.generation != self._generation:
            self._force_refresh = True  # this user changed the board meanwhile: read again
            return
        self._store_error_shown = False
        changed = message.counts != self.counts or message.total_counts != self.total_counts
        self.counts = message.counts
        self.total_counts = message.total_counts
        self._set_filter_totals()
        changed |= message.attention != self.attention or message.plan != self.plan
        self.attention, self.plan = message.attention, message.plan
        for column in self.columns():
            content = message.contents[column.status]
            window = column.window
            total = message.counts[column.status]
            if (content.start, content.cards) != (window.start, tuple(window.cards)) or (
                total != window.total
            ):
                column.show(content, total)
        if self.view == "list" and message.list_content is not None:
            self.table.rows.show(message.list_content, message.list_total)
        if changed:
            self._show_counts()
        if self.view == "list" and not message.plan.has_list_view:
            self.show_cards()
            self.notify(self.cockpit.t("board.list_plan_dropped"), severity="warning", timeout=8)

    def reload_everything(self) -> None:
        """Re-read counts and every column now (after a conflict)."""
        self._generation += 1
        board = self.cockpit.services.board
        try:
            self.counts = board.counts(self._where)
            self.total_counts = board.counts() if self._where is not None else None
            self.attention = board.attention_count()
        except CockpitError as error:
            self._report(error)
            return
        self._set_filter_totals()
        for column in self.columns():
            column.reload(self.counts[column.status])
        self._cards_stale = False
        if self.view == "list":
            self.table.rows.reload(self._list_total())
        self._show_counts()

    def on_board_screen_load_failed(self, message: LoadFailed) -> None:
        """Say once that the store could not be read; what is on screen stays."""
        self._report_once(message.error)

    @on(BoardCanvas.ReadFailed)
    def _column_read_failed(self, message: BoardCanvas.ReadFailed) -> None:
        self._report_once(message.error)

    def _report_once(self, error: CockpitError) -> None:
        if not self._store_error_shown:
            self._store_error_shown = True
            self._report(error)

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

    def _report(self, error: CockpitError) -> None:
        t = self.cockpit.t
        self.notify(t("app.store_error", reason=describe_error(error, t)), severity="error")
