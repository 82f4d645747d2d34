"""The help screen: every key of the screen below, generated from its bindings."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from cockpit_tui.ui.screens.backdrop import DimmedModal


def every_key(screen: Screen[Any]) -> list[ActiveBinding]:
    """Every key of ``screen`` and the app, also the ones idle right now.

    ``Screen.active_bindings`` leaves out a key whose action is unavailable at
    the moment (F with no filter on, esc with no search), and help must list
    them all. The first binding of a key wins, as when the key is pressed (a
    priority binding aside).
    """
    keys: dict[str, ActiveBinding] = {}
    # Textual's own chain, after the user's keymap; no public API gives it unfiltered.
    for namespace, bindings in screen._modal_binding_chain:
        for key, binding in bindings:
            known = keys.get(key)
            if known is None or (binding.priority and not known.binding.priority):
                keys[key] = ActiveBinding(namespace, binding, True, binding.tooltip)
    return list(keys.values())


class HelpScreen(DimmedModal[None]):
    """The keys in effect, one line per action ("j/↓  Card abaixo"), in declared order.

    Args:
        bindings: The active bindings of the screen that asked for help.
        palette_label: What to call the command palette's key, in the user's language.
        notes: A remark to add to some actions, by binding id (e.g. a key the
            store's plan does not include).
    """

    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "Fechar", id="help.close"),
    ]

    def __init__(
        self,
        bindings: Iterable[ActiveBinding],
        *,
        palette_label: str = "",
        notes: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__()
        notes = notes or {}
        # A binding declared as "up,k" arrives as one entry per key; show it once.
        rows: dict[tuple[str, str], list[str]] = {}
        for active in bindings:
            binding = active.binding
            if not binding.description or (
                binding.id is None and binding.action != "command_palette"
            ):
                continue
            description = binding.description
            if binding.action == "command_palette" and palette_label:
                description = palette_label
            if binding.id is not None and binding.id in notes:
                description = f"{description} — {notes[binding.id]}"
            keys = rows.setdefault((binding.id or binding.action, description), [])
            key = self.app.get_key_display(binding)
            if binding.key_display and len(binding.key) == 1:
                # "shift+right,L" share the display "⇧→"; the letter must show too.
                key = binding.key
            if key not in keys:
                keys.append(key)
        self._rows = [("/".join(keys), description) for (_, description), keys in rows.items()]

    def compose(self) -> ComposeResult:
        """One line per action, in a panel that scrolls when the terminal is short."""
        width = max((len(keys) for keys, _ in self._rows), default=1)
        with VerticalScroll(id="help-panel"):
            for keys, description in self._rows:
                yield Static(Content(f"{keys:>{width}}  {description}"), classes="help-row")

    def on_mount(self) -> None:
        """Let ↑/↓ and PgUp/PgDn scroll the list."""
        self.query_one("#help-panel").focus()
