"""The board's doors to the salesperson's day: a lead typed by hand (``n``) and the agenda (``t``).

Both end back on the board with a lead selected: the new one (on top of Nova
proposta), or the one the user opened from the agenda.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from textual.app import App

    from cockpit_tui.ui.context import CockpitContext
    from cockpit_tui.ui.screens.forms.new_lead_form import NewLeadOutcome


class DayBoard(Protocol):
    """What these doors ask of the board screen."""

    @property
    def cockpit(self) -> CockpitContext:
        """The app, as screens see it."""

    @property
    def app(self) -> App[object]:
        """The running app (to push screens)."""

    def reload_everything(self) -> None:
        """Re-read what is on show."""

    def jump_to_lead(self, lead_id: int) -> None:
        """Select a lead, clearing filters that would hide it."""

    def say(self, text: str) -> None:
        """Show a sentence on the notice line."""


def open_new_lead_form(board: DayBoard) -> None:
    """Show the new-lead form; a lead created is selected, one chosen instead is opened."""
    from cockpit_tui.domain.lead_entry import NewLead
    from cockpit_tui.domain.models import LeadCard
    from cockpit_tui.ui.screens.forms.new_lead_form import NewLeadForm

    services, t = board.cockpit.services, board.cockpit.t
    entry = services.entry

    def matches(phone: str, email: str) -> list[LeadCard]:
        return entry.matches(phone=phone, email=email)

    def create(typed: NewLead, assignee: str | None) -> LeadCard:
        return entry.create(typed, assign_to=assignee)

    def closed(outcome: NewLeadOutcome | None) -> None:
        if outcome is None:
            return
        if outcome.created is not None:
            board.reload_everything()
            board.jump_to_lead(outcome.created.id)
            board.say(t("new_lead.created", lead_id=outcome.created.id))
        elif outcome.open_lead_id is not None:
            open_lead_by_id(board, outcome.open_lead_id)

    form = NewLeadForm(
        t,
        sources=entry.sources(),
        team=services.team.members(),
        actor=services.actor,
        matches=matches,
        create=create,
    )
    board.app.push_screen(form, closed)


def open_agenda(board: DayBoard) -> None:
    """Show today's agenda; on the way back the board selects the lead last opened or chosen."""
    from cockpit_tui.ui.screens.agenda import AgendaScreen

    def closed(lead_id: int | None) -> None:
        board.reload_everything()
        if lead_id is not None:
            board.jump_to_lead(lead_id)

    board.app.push_screen(AgendaScreen(), closed)


def open_lead_by_id(board: DayBoard, lead_id: int) -> None:
    """Open a lead's screen; back on the board, that lead is selected."""
    from cockpit_tui.ui.screens.lead import LeadScreen

    def back(returned: int | None) -> None:
        board.reload_everything()
        board.jump_to_lead(returned if returned is not None else lead_id)

    board.app.push_screen(LeadScreen(lead_id), back)
