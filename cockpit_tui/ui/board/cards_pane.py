"""The Kanban pane: six status columns, the hidden-column hints and the empty-store hint."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.domain.statuses import STATUS_ORDER, Status, status_label
from cockpit_tui.services.card_source import ColumnSource
from cockpit_tui.services.column_window import ColumnWindow
from cockpit_tui.ui.bindings import translate_bindings
from cockpit_tui.ui.board.pane import MoveRead, status_bindings
from cockpit_tui.ui.column_view import CardScroller, ColumnView
from cockpit_tui.ui.context import cockpit_of
from cockpit_tui.ui.widgets.board_canvas import BoardCanvas
from cockpit_tui.ui.widgets.text_line import TextLine

if TYPE_CHECKING:
    from cockpit_tui.domain.models import LeadCard, MoveResult
    from cockpit_tui.i18n.translate import Translator
    from cockpit_tui.services import Services
    from cockpit_tui.services.column_window import WindowSpec
    from cockpit_tui.ui.board.pane import PolledContent
    from cockpit_tui.ui.board.state import BoardState


class CardsPane(Vertical, can_focus=True):
    """The columns of the board; ←/→ and the digits choose the column the keys act on.

    Args:
        state: The board's figures (shared with the screen).
        columns: The six columns, in board order.
        canvas: The widget that draws them.
        empty_text: The hint shown instead of the columns in an empty store.
        selection_moved: Called when the lead the keys act on may have changed.
    """

    name = "cards"
    needs_list_plan = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "left,h", "focus_column(-1)", "Coluna anterior", id="board.column_left", show=False
        ),
        Binding(
            "right,l", "focus_column(1)", "Próxima coluna", id="board.column_right", show=False
        ),
        *status_bindings("jump_to_column"),
    ]

    def __init__(
        self,
        state: BoardState,
        canvas: BoardCanvas,
        *,
        empty_text: str,
        selection_moved: Callable[[], None],
    ) -> None:
        super().__init__(id="cards-pane")
        self._state = state
        self.canvas = canvas
        self._empty_text = empty_text
        self._selection_moved = selection_moved
        self.active_status = Status.NEW
        self._first_visible = 0
        #: Changes were made here while the list was on show: read again when shown.
        self.stale = False

    def compose(self) -> ComposeResult:
        """Hidden-column hints, the columns, the empty-store hint."""
        translate_bindings(self, cockpit_of(self.app).t)
        with Horizontal(id="offscreen"):
            yield TextLine(id="offscreen-left")
            yield TextLine(id="offscreen-right")
        yield self.canvas
        yield Static(Content(self._empty_text), id="empty-hint")

    @classmethod
    def build(
        cls,
        state: BoardState,
        services: Services,
        t: Translator,
        *,
        selection_moved: Callable[[], None],
    ) -> tuple[CardsPane, CockpitError | None]:
        """The pane with its six columns, each holding the first cards (read now: the
        first frame shows them); and why they could not be read, if so."""
        columns, error = [], None
        for status in STATUS_ORDER:
            window = ColumnWindow(
                source=ColumnSource(services.board, status, state.where),
                total=state.counts[status],
            )
            try:
                window.ensure(0, 8)  # what fits on a tall screen
            except CockpitError as failure:
                error = failure  # told once the screen is up
            label = status_label(status, t.lang)
            view = ColumnView(window, label=label, translate=t, clock=services.clock)
            view.minutes_waited = services.board.minutes_waited
            columns.append(view)
        canvas = BoardCanvas(columns, clock=services.clock)
        pane = cls(state, canvas, empty_text=t("app.empty_store"), selection_moved=selection_moved)
        return pane, error

    # -- what the board reads ----------------------------------------------------------

    @property
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
        """The selected card of the active column."""
        return self.active_column.selected_card

    @property
    def scroller(self) -> CardScroller:
        """The active column."""
        return self.active_column

    # -- on show -------------------------------------------------------------------------

    def enter(self, selected: LeadCard | None) -> None:
        """Show the columns again, the lead selected in the list selected here."""
        self.display = True
        self.canvas.display = True
        self.figures_changed()
        if selected is not None:
            self.select_lead(selected.id)
        self.focus()

    def leave(self) -> None:
        """Hide the columns (the list takes their place)."""
        self.display = False
        self.canvas.display = False
        self.query_one("#offscreen").display = False

    def focus_keys(self) -> None:
        """Take the keys (the columns' ←/→ and digits)."""
        self.focus()

    # -- layout ----------------------------------------------------------------------------

    def on_resize(self) -> None:
        """Show as many columns as fit; the others are named in the hint line."""
        self.layout_columns()

    def layout_columns(self) -> None:
        """Bring the active column on screen, keeping the others where they were."""
        canvas = self.canvas
        count = canvas.fit_count(self.size.width or self.screen.size.width)
        position = STATUS_ORDER.index(self.active_status)
        first = min(self._first_visible, position)
        first = max(first, position - count + 1)
        self._first_visible = max(0, min(first, len(STATUS_ORDER) - count))
        canvas.show_columns(self._first_visible, count)
        self._show_offscreen(range(self._first_visible, self._first_visible + count))

    def _show_offscreen(self, shown: range) -> None:
        t = cockpit_of(self.app).t
        hidden_left = [s for i, s in enumerate(STATUS_ORDER) if i < shown.start]
        hidden_right = [s for i, s in enumerate(STATUS_ORDER) if i >= shown.stop]
        names = self._state.column_names
        left = f"◀ {names(hidden_left, t)}" if hidden_left else ""
        right = f"{names(hidden_right, t)} ▶" if hidden_right else ""
        self.query_one("#offscreen-left", TextLine).text = left
        self.query_one("#offscreen-right", TextLine).text = right
        offscreen = self.query_one("#offscreen")
        # An empty store shows its hint, not the names of empty hidden columns.
        wanted = bool(hidden_left or hidden_right) and not self._state.store_is_empty
        if offscreen.display != wanted:
            offscreen.display = wanted

    def _show_empty_hint(self) -> None:
        empty = self._state.store_is_empty
        hint, columns = self.query_one("#empty-hint"), self.canvas
        if (hint.display, columns.display) != (empty, not empty):
            hint.display = empty
            columns.display = not empty

    def set_filter_totals(self) -> None:
        """The headers' "/total" under a filter (none without one)."""
        totals = self._state.total_counts
        for column in self.columns:
            column.filter_total = None if totals is None else totals[column.status]

    def figures_changed(self) -> None:
        """Headers' "shown/total", the hints and the empty-store hint, from the state."""
        self.set_filter_totals()
        self._show_empty_hint()
        self.layout_columns()

    # -- keys ------------------------------------------------------------------------------

    def action_focus_column(self, step: int) -> None:
        """Focus the previous (-1) or next (+1) column."""
        position = STATUS_ORDER.index(self.active_status) + step
        if 0 <= position < len(STATUS_ORDER):
            self.focus_status(STATUS_ORDER[position])

    def action_jump_to_column(self, number: int) -> None:
        """Focus column ``number`` (1–6)."""
        if 1 <= number <= len(STATUS_ORDER):
            self.focus_status(STATUS_ORDER[number - 1])

    def focus_status(self, status: Status) -> None:
        """Make a status's column the active one, bringing it on screen."""
        self.active_column.set_active(False)
        self.active_status = status
        self.column(status).set_active(True)
        self.layout_columns()
        self._selection_moved()

    @on(BoardCanvas.Clicked)
    def _column_clicked(self, message: BoardCanvas.Clicked) -> None:
        self.focus_status(message.column.status)

    # -- showing changes ---------------------------------------------------------------------

    def select_lead(self, lead_id: int) -> None:
        """Focus the column of a lead and select it there."""
        services = cockpit_of(self.app).services
        found = services.board.position_of(lead_id, self._state.where)
        if found is None:
            return
        status, rank = found
        self.focus_status(status)
        self.column(status).select_lead(lead_id, rank)

    def show_move(self, result: MoveResult, read: MoveRead) -> None:
        """Re-read the column the lead left; hold its new column around it and follow it."""
        counts = self._state.counts
        source, target = result.from_status, result.to_status
        follow = (selected := self.selected_card) is None or selected.id == result.card.id
        self.column(source).reload(counts[source])
        if read.around is not None:
            # Held around the card (by keyset from it): a move that lands thousands of
            # cards down costs what one near the top does.
            self.column(target).show_around(read.around, read.rank, counts[target])
        else:  # the filter no longer holds for it: the column just re-reads
            self.column(target).reload(counts[target])
        if follow:
            self.focus_status(target)
        self.figures_changed()

    def reload_lead(self, card: LeadCard) -> None:
        """Re-read the column of a lead changed here."""
        self.column(card.status).reload(self._state.counts[card.status])

    def reload(self) -> None:
        """Re-read every column."""
        for column in self.columns:
            column.reload(self._state.counts[column.status])
        self.stale = False

    def poll_spec(self) -> WindowSpec | None:
        """The columns are read by the poll in any case."""
        return None

    def take_poll(self, message: PolledContent) -> None:
        """Show each column the poll read, where it changed."""
        for column in self.columns:
            content = message.contents[column.status]
            window = column.window
            total = message.counts[column.status]
            if (content.start, content.cards) != (window.start, tuple(window.cards)) or (
                total != window.total
            ):
                column.show(content, total)

    def filter_changed(self, keep_id: int | None) -> None:
        """Select ``keep_id`` if it still shows; else, if nothing of the active column
        matches, go to the first column that has results."""
        if keep_id is not None:
            self.select_lead(keep_id)
        if self.selected_card is None:
            counts = self._state.counts
            first = next((status for status in STATUS_ORDER if counts[status]), None)
            if first is not None:
                self.focus_status(first)

    def mark_next(self, lead_id: int | None) -> None:
        """Mark the card ``space`` would pick next ("▶ próximo"); repaint only on a change."""
        columns = self.columns
        if all(column.next_lead_id == lead_id for column in columns):
            return
        for column in columns:
            column.next_lead_id = lead_id
        self.canvas.refresh()

    def repaint_clock(self) -> None:
        """Repaint "há N min" on the cards."""
        self.canvas.refresh()
