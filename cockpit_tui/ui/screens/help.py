"""The help screen: every key of the screen below, generated from its bindings."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


class HelpScreen(ModalScreen[None]):
    """A list of the keys in effect, with their descriptions.

    Args:
        bindings: The active bindings of the screen that asked for help.
    """

    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "Fechar", id="help.close"),
    ]

    def __init__(self, bindings: Iterable[ActiveBinding]) -> None:
        super().__init__()
        self._rows = sorted(
            {
                (self.app.get_key_display(active.binding), active.binding.description)
                for active in bindings
                if active.binding.description
                and (active.binding.id is not None or active.binding.action == "command_palette")
            },
            key=lambda row: row[1],
        )

    def compose(self) -> ComposeResult:
        """One line per key."""
        with Vertical(id="help-panel"):
            for key, description in self._rows:
                yield Static(Content(f"{key:>10}  {description}"), classes="help-row")
