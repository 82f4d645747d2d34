"""The command palette (ctrl+p): every key of the screen, and what has no key.

Each screen's bindings become commands ("Mover  m"), so the palette always
matches the keys in effect (a user keymap included). The board adds its own
commands on top (:mod:`cockpit_tui.ui.board.commands`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

Command = tuple[str, Callable[[], object], str]


class ScreenCommands(Provider):
    """Every action bound to a key on the current screen, with its keys."""

    def _commands(self) -> list[Command]:
        screen = self.screen
        keys: dict[str, list[str]] = {}
        described: dict[str, str] = {}
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.description or binding.id is None or not active.enabled:
                continue
            if binding.action in ("command_palette",):
                continue
            described.setdefault(binding.action, binding.description)
            display = self.app.get_key_display(binding)
            if display not in keys.setdefault(binding.action, []):
                keys[binding.action].append(display)
        return [
            (
                f"{description}  ({'/'.join(keys[action])})",
                partial(screen.run_action, action),
                "",
            )
            for action, description in described.items()
        ]

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
