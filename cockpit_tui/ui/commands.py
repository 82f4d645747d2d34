"""The board's entries in the command palette (ctrl+p)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from cockpit_tui.domain.statuses import STATUS_ORDER, status_label


class BoardCommands(Provider):
    """Move to…, assign to me, undo, next urgent lead, switch view, help."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        from cockpit_tui.ui.screens.board import BoardScreen

        screen = self.screen
        if not isinstance(screen, BoardScreen):
            return []
        t = screen.cockpit.t
        commands: list[tuple[str, Callable[[], object], str]] = [
            (
                t("palette.move_to", status=status_label(status, t.lang)),
                partial(screen.move_to, status),
                t("palette.move_to.help"),
            )
            for status in STATUS_ORDER
        ]
        commands += [
            (t("palette.assign_to_me"), screen.action_assign_to_me, t("palette.assign_to_me.help")),
            (t("palette.undo"), screen.action_undo, t("palette.undo.help")),
            (t("palette.next_urgent"), screen.action_next_urgent, t("palette.next_urgent.help")),
            (t("palette.switch_view"), screen.action_switch_view, t("palette.switch_view.help")),
            (t("palette.help"), screen.action_help, t("palette.help.help")),
        ]
        return commands

    async def discover(self) -> Hits:
        """Every command, before the user types."""
        for name, run, help_text in self._commands():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands matching what the user typed."""
        matcher = self.matcher(query)
        for name, run, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, help=help_text)
