"""The command palette (ctrl+p): every key of the screen, and what has no key.

Each screen's bindings become commands ("Mover  m"), so the palette always
matches the keys in effect (a user keymap included). The board adds moving
to a status, the quick filters, the language, and jumping to any lead by
name or phone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.domain.filters import LeadFilter, QuickFilter, search_terms
from cockpit_tui.domain.statuses import STATUS_ORDER, status_label

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


class BoardCommands(ScreenCommands):
    """The board's keys, plus: move to a status, quick filters, language, jump to a lead."""

    def _commands(self) -> list[Command]:
        from cockpit_tui.ui.screens.board import BoardScreen

        screen = self.screen
        if not isinstance(screen, BoardScreen):
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
        other = "en" if t.lang == "pt" else "pt"
        commands.append((t("palette.language"), partial(screen.cockpit.switch_language, other), ""))
        return commands

    def _leads(self, query: str) -> Iterator[Command]:
        from cockpit_tui.services.filtering import filter_clause
        from cockpit_tui.ui.screens.board import BoardScreen

        screen = self.screen
        if not isinstance(screen, BoardScreen) or not search_terms(query):
            return
        services, t = screen.cockpit.services, screen.cockpit.t
        where = filter_clause(
            LeadFilter(search=query),
            actor=services.actor,
            now=services.clock.now(),
            sqlite=services.store.url.is_sqlite,
        )
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
