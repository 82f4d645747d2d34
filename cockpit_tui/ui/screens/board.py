"""The board screen: the six status columns with their live counts.

Until the full Kanban (cards, navigation, moves) lands, each column shows
its label and its count read from the store, refreshed live when another
process commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.domain.plans import Plan
from cockpit_tui.domain.statuses import STATUS_ORDER, Status, status_label
from cockpit_tui.i18n.translate import describe_error
from cockpit_tui.ui.screens.help import HelpScreen
from cockpit_tui.ui.widgets.column_summary import ColumnSummary

if TYPE_CHECKING:
    from cockpit_tui.ui.app import CockpitApp


class BoardScreen(Screen[None]):
    """The store's board: what every salesperson keeps open all day."""

    CSS_PATH = "board.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Ajuda", id="board.help", key_display="?"),
    ]

    @dataclass
    class CountsLoaded(Message):
        """Fresh figures read from the store by the worker."""

        counts: dict[Status, int]
        attention: int
        plan: Plan

    @dataclass
    class LoadFailed(Message):
        """The worker could not read the store."""

        error: CockpitError

    @property
    def cockpit(self) -> CockpitApp:
        """The app, typed."""
        from cockpit_tui.ui.app import CockpitApp

        assert isinstance(self.app, CockpitApp)
        return self.app

    def compose(self) -> ComposeResult:
        """Header line, the six columns, the empty-store hint and the footer."""
        t = self.cockpit.t
        yield Static(id="board-header")
        with Horizontal(id="columns"):
            for status in STATUS_ORDER:
                yield ColumnSummary(status, status_label(status, t.lang))
        yield Static(Content(t("app.empty_store")), id="empty-hint")
        yield Footer()

    def on_mount(self) -> None:
        """Paint the first figures at once, then watch for other processes' commits.

        The first read runs on the UI thread: it is a few milliseconds even at
        100,000 leads, and the first frame then shows real counts instead of
        zeros followed by a second paint.
        """
        self.query_one("#empty-hint").display = False
        self.post_message(self._read_figures(start_watching=True))
        self.set_interval(self.cockpit.poll_interval, self.poll_store)

    def poll_store(self) -> None:
        """Reload when someone committed (a cheap ``PRAGMA data_version`` check)."""
        self.load_counts(only_if_changed=True)

    @work(thread=True, exclusive=True, group="board-load")
    def load_counts(self, only_if_changed: bool = False) -> None:
        """Read counts, attention and plan off the UI thread."""
        try:
            if only_if_changed and not self.cockpit.services.board.has_new_commits():
                return
        except CockpitError as error:
            self.post_message(BoardScreen.LoadFailed(error))
            return
        self.post_message(self._read_figures(start_watching=False))

    def _read_figures(self, *, start_watching: bool) -> Message:
        services = self.cockpit.services
        try:
            if start_watching:
                services.board.has_new_commits()  # the poll compares against this point
            return BoardScreen.CountsLoaded(
                services.board.counts(), services.board.attention_count(), services.settings.plan()
            )
        except CockpitError as error:
            return BoardScreen.LoadFailed(error)

    def on_board_screen_counts_loaded(self, message: CountsLoaded) -> None:
        """Show the figures."""
        t = self.cockpit.t
        for status, count in message.counts.items():
            self.query_one(f"#column-{status.value}", ColumnSummary).count = count
        header = t(
            "app.header",
            plan=message.plan.label,
            user=self.cockpit.services.actor,
            attention=message.attention,
        )
        self.query_one("#board-header", Static).update(Content(header))
        self.query_one("#empty-hint").display = sum(message.counts.values()) == 0

    def on_board_screen_load_failed(self, message: LoadFailed) -> None:
        """Say the store could not be read; the last figures stay on screen."""
        t = self.cockpit.t
        self.notify(t("app.store_error", reason=describe_error(message.error, t)), severity="error")

    def action_help(self) -> None:
        """Every key of this screen, from its bindings."""
        self.app.push_screen(HelpScreen(self.active_bindings.values()))
