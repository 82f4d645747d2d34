"""The Textual application: wiring of services, screens and app-wide keys."""

from __future__ import annotations

import gc
import sys
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from cockpit_tui.i18n.translate import Translator
from cockpit_tui.services import Services
from cockpit_tui.ui.screens.board import BoardScreen

#: How often the app checks that its terminal is still there.
_TERMINAL_CHECK_SECONDS = 2.0


class CockpitApp(App[None]):
    """cockpit-tui: the lead board of one store for one salesperson.

    Args:
        services: The open store's services.
        lang: "pt" or "en".
        poll_interval: Seconds between checks for other processes' commits.
    """

    CSS_PATH = "app.tcss"
    TITLE = "Cockpit"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Sair", id="app.quit", tooltip="Fecha o cockpit"),
    ]

    def __init__(self, services: Services, *, lang: str = "pt", poll_interval: float = 0.5) -> None:
        super().__init__()
        self.services = services
        self.t = Translator(lang)
        self.poll_interval = poll_interval
        self.title = self.t("app.title")

    def on_mount(self) -> None:
        """Show the board."""
        self.push_screen(BoardScreen())
        self.call_after_refresh(gc.freeze)
        if not self.is_headless and sys.__stdout__ is not None and sys.__stdout__.isatty():
            self.set_interval(_TERMINAL_CHECK_SECONDS, self._exit_if_terminal_gone)

    def _exit_if_terminal_gone(self) -> None:
        """Quit when the terminal hung up (its window closed, an SSH link dropped).

        Run under ``make``, the app does not always get SIGHUP; reading a hung-up
        terminal then returns nothing forever and the input thread spins a core.
        """
        stdout = sys.__stdout__
        if stdout is None or not stdout.isatty():
            self.exit()

    # The objects made at start-up (widgets, styles, imported modules) live as
    # long as the app: gc.freeze() keeps the collector from walking them again
    # in every full collection, which otherwise lands in the middle of a key.
