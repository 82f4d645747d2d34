"""The board's doors to other screens: the selected lead, the help and the reports.

Each screen is imported when first opened, so the first frame does not pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from cockpit_tui.domain.cards import LeadCard
    from cockpit_tui.ui.board.state import BoardState
    from cockpit_tui.ui.context import CockpitContext


class DoorsBoard(Protocol):
    """What these doors ask of the board screen."""

    @property
    def cockpit(self) -> CockpitContext:
        """The app, as screens see it."""

    @property
    def app(self) -> App[object]:
        """The running app (to push screens)."""

    @property
    def state(self) -> BoardState:
        """The board's figures (whether the plan has the list view)."""

    @property
    def selected_card(self) -> LeadCard | None:
        """The lead the keys act on."""

    def reload_everything(self) -> None:
        """Re-read what is on show."""

    def select_lead(self, lead_id: int) -> None:
        """Select a lead on the pane on show."""


def open_lead(board: DoorsBoard, then: str = "") -> None:
    """Open the selected lead (``then="reply"``: straight into the reply form); back on the
    board, the lead the user ended on is selected."""
    card = board.selected_card
    if card is None:
        return
    from cockpit_tui.ui.screens.lead import LeadScreen

    def back(lead_id: int | None) -> None:
        board.reload_everything()
        board.select_lead(lead_id if lead_id is not None else card.id)

    board.app.push_screen(LeadScreen(card.id, then=then or None), back)


def open_reports(board: DoorsBoard) -> None:
    """The manager's reports screen ("Indicadores")."""
    from cockpit_tui.ui.screens.reports import ReportsScreen

    board.app.push_screen(ReportsScreen())


def open_help(board: DoorsBoard, screen: Screen[None]) -> None:
    """Every key of ``screen`` (the board), from its bindings."""
    from cockpit_tui.ui.screens.help import HelpScreen, every_key

    t = board.cockpit.t
    notes = {} if board.state.has_list_view else {"board.switch_view": t("help.needs_smart")}
    board.app.push_screen(
        HelpScreen(every_key(screen), palette_label=t("board.palette_key"), notes=notes)
    )
