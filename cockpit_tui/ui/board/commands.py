"""The board's command palette: its keys, plus moving to a status, quick filters,
the language, and jumping to any lead by name or phone."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any, Protocol, runtime_checkable

from textual.command import Hit, Hits
from textual.screen import Screen

from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.domain.filters import LeadFilter, QuickFilter, search_terms
from cockpit_tui.domain.statuses import STATUS_ORDER, Status, status_label
from cockpit_tui.ui.board.alerts import BoardAlerts, mode_label
from cockpit_tui.ui.board.duty import toggle_alerts, toggle_duty
from cockpit_tui.ui.board.state import BoardState
from cockpit_tui.ui.commands import Command, ScreenCommands
from cockpit_tui.ui.context import CockpitContext


@runtime_checkable
class PaletteBoard(Protocol):
    """What the palette asks of the board screen."""

    @property
    def cockpit(self) -> CockpitContext:
        """The app."""

    @property
    def lead_filter(self) -> LeadFilter:
        """The filters on now."""

    def move_to(self, status: Status) -> None:
        """Move the selected lead."""

    def apply_filter(self, lead_filter: LeadFilter, *, keep: int | None = None) -> None:
        """Show only the leads of ``lead_filter``."""

    def jump_to_lead(self, lead_id: int) -> None:
        """Select a lead, clearing filters that would hide it."""

    @property
    def state(self) -> BoardState:
        """The board's figures (who is on duty)."""

    @property
    def alert_watch(self) -> BoardAlerts:
        """The board's alerts (issue 15)."""

    def show_counts(self) -> None:
        """Redraw the header."""

    def say(self, text: str) -> None:
        """Routine news on the notice line."""


def _issue15_commands(screen: PaletteBoard, as_screen: Screen[Any]) -> list[Command]:
    """Duty in/out for the current user, and the alerts toggle (issue 15)."""
    t = screen.cockpit.t
    on_duty = screen.cockpit.services.actor in screen.state.on_duty
    mode = screen.alert_watch.mode
    return [
        (
            t("palette.duty_out" if on_duty else "palette.duty_in"),
            partial(toggle_duty, as_screen, screen),
            t("palette.duty.help"),
        ),
        (
            t(
                "palette.alerts",
                mode=mode_label(mode, t),
                following=mode_label(mode.following(), t),
            ),
            partial(toggle_alerts, screen),
            t("palette.alerts.help"),
        ),
    ]


class BoardCommands(ScreenCommands):
    """The board's keys, plus: move to a status, quick filters, language, jump to a lead."""

    def _commands(self) -> list[Command]:
        screen = self.screen
        if not isinstance(screen, PaletteBoard):
            return []
        t = screen.cockpit.t
        commands = super()._commands()
        commands += [
            (
                t("palette.move_to", status=status_label(status, t.lang)),
                partial(screen.move_to, status),
                t("palette.move_to.help"),
            )
            for status in STATUS_ORDER
        ]
        for quick in QuickFilter:
            on = quick in screen.lead_filter.quick
            commands.append(
                (
                    t(
                        "palette.filter_off" if on else "palette.filter_on",
                        name=t(f"filter.{quick.value}", stale="…"),
                    ),
                    partial(screen.apply_filter, screen.lead_filter.toggled(quick)),
                    t("palette.filter.help"),
                )
            )
        commands += _issue15_commands(screen, self.screen)
        other = "en" if t.lang == "pt" else "pt"
        commands.append((t("palette.language"), partial(screen.cockpit.switch_language, other), ""))
        return commands

    def _leads(self, query: str) -> Iterator[Command]:
        screen = self.screen
        if not isinstance(screen, PaletteBoard) or not search_terms(query):
            return
        services, t = screen.cockpit.services, screen.cockpit.t
        where = services.board.scope(LeadFilter(search=query))
        if where is None:
            return
        try:
            found = services.board.find(where)
        except CockpitError:
            return
        for card in found:
            yield (
                t(
                    "palette.jump",
                    name=card.customer_name,
                    status=status_label(card.status, t.lang),
                    lead_id=card.id,
                ),
                partial(screen.jump_to_lead, card.id),
                t("palette.jump.help"),
            )

    async def search(self, query: str) -> Hits:
        """Commands matching what the user typed, then leads whose name or phone match."""
        async for hit in super().search(query):
            yield hit
        for name, run, help_text in self._leads(query):
            yield Hit(0.5, name, run, help=help_text)
