"""The Textual application: wiring of services, screens and app-wide keys."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

from cockpit_tui.config import KEYMAP_FILE
from cockpit_tui.domain.alerts import AlertMode
from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.domain.filters import LeadFilter
from cockpit_tui.i18n.translate import Translator, describe_error
from cockpit_tui.services import Services
from cockpit_tui.services.preferences import Preferences
from cockpit_tui.ui.board.first_read import FirstRead
from cockpit_tui.ui.board.screen import BoardScreen
from cockpit_tui.ui.notices import PlainNotices
from cockpit_tui.ui.reply_drafts import ReplyDrafts
from cockpit_tui.ui.type_ahead import KeyHoldApp

#: How often the app checks that its terminal is still there.
_TERMINAL_CHECK_SECONDS = 2.0


class CockpitApp(KeyHoldApp, PlainNotices):
    """cockpit-tui: the lead board of one store for one salesperson.

    Args:
        services: The open store's services.
        lang: "pt" or "en".
        poll_interval: Seconds between checks for other processes' commits.
        preferences: Where the user's quick filters are kept (None: not kept).
        keymap_folder: Where ``keymap.toml`` may rebind keys (None: defaults only).
        first_read: The first board's figures, read since start-up (``ui/board/first_read.py``).
    """

    #: The board's CSS with the app's: the board is the default screen, whose CSS
    #: Textual does not load itself (its ``CSS_PATH`` then finds it loaded).
    CSS_PATH = ["app.tcss", "board/board.tcss"]  # noqa: RUF012
    TITLE = "Cockpit"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Sair", id="app.quit", tooltip="Fecha o cockpit"),
    ]

    def __init__(
        self,
        services: Services,
        *,
        lang: str = "pt",
        poll_interval: float = 0.5,
        preferences: Preferences | None = None,
        keymap_folder: Path | None = None,
        new_store: str | None = None,
        first_read: FirstRead | None = None,
    ) -> None:
        super().__init__()
        self._new_store = new_store
        self._first_read = first_read
        self.services = services
        self.t = Translator(lang)
        self.poll_interval = poll_interval
        self.reply_drafts = ReplyDrafts()
        self.preferences = preferences
        self._keymap_folder = keymap_folder
        self._prefs_warned = False
        self.title = self.t("app.title")

    def saved_filters(self) -> LeadFilter:
        """The quick filters this user had on last time (none without preferences)."""
        return self.preferences.load_filter() if self.preferences else LeadFilter()

    def save_filters(self, lead_filter: LeadFilter) -> None:
        """Remember the quick filters; say once if they cannot be kept."""
        if self.preferences is not None:
            self._remember(partial(self.preferences.save_filter, lead_filter))

    def saved_column_totals(self) -> bool:
        """Whether the column headers showed their total asking value last time."""
        return self.preferences.load_column_totals() if self.preferences else False

    def save_column_totals(self, shown: bool) -> None:
        """Remember whether the column headers show their total asking value."""
        if self.preferences is not None:
            self._remember(partial(self.preferences.save_column_totals, shown))

    def _remember(self, save: Callable[[], None]) -> None:
        """Save a preference; say once if preferences cannot be kept."""
        try:
            save()
        except CockpitError as error:
            self._warn_prefs(error)

    def alert_mode(self) -> AlertMode:
        """How much this user wants to be alerted (``on`` without preferences)."""
        return self.preferences.load_alerts() if self.preferences else AlertMode.ON

    def save_alert_mode(self, mode: AlertMode) -> None:
        """Remember the ``alerts`` choice; say once if it cannot be kept."""
        if self.preferences is None:
            return
        try:
            self.preferences.save_alerts(mode)
        except CockpitError as error:
            self._warn_prefs(error)

    def _warn_prefs(self, error: CockpitError) -> None:
        if not self._prefs_warned:
            self._prefs_warned = True
            self.notify(describe_error(error, self.t), severity="warning", timeout=8)

    def get_default_screen(self) -> Screen[None]:
        """The board, the app's first screen: composed and painted with the app itself.

        Pushed from ``on_mount`` instead, it was drawn while Textual still held
        the app's first updates back (that frame was thrown away), then drawn
        whole once more before anything reached the terminal (issue 18).
        """
        first, self._first_read = self._first_read, None
        return BoardScreen(first_read=first)

    def on_mount(self) -> None:
        """Translate the app's keys, apply the user's keymap, watch the terminal."""
        from cockpit_tui.ui.bindings import translate_bindings

        translate_bindings(self, self.t)
        self._apply_keymap()
        if self._new_store is not None:
            # Lest a mistyped --db path pass for an empty store.
            self.notify(self.t("app.new_store", store=self._new_store), timeout=10)
        self.call_after_refresh(_collect_from_now_on)
        if not self.is_headless and sys.__stdout__ is not None and sys.__stdout__.isatty():
            self.set_interval(_TERMINAL_CHECK_SECONDS, self._exit_if_terminal_gone)

    def switch_language(self, lang: str) -> None:
        """Speak ``lang`` from now on: the board is rebuilt in it (filters are kept)."""
        from cockpit_tui.ui.bindings import translate_bindings

        board = self.screen
        kept = board.lead_filter if isinstance(board, BoardScreen) else None
        self.t = Translator(lang)
        self.title = self.t("app.title")
        translate_bindings(self, self.t)
        if len(self.screen_stack) == 1:
            # The first board is the default screen, which Textual gives no result
            # callback (it is not pushed); switching from it pops one.
            board._push_result_callback(self, None)
        self.switch_screen(BoardScreen(kept))

    def action_command_palette(self) -> None:
        """Open the command palette, its placeholder in the user's language."""
        from textual.command import CommandPalette

        from cockpit_tui.ui.command_palette import LocalizedPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            palette = LocalizedPalette(
                no_matches=self.t("palette.no_matches"), placeholder=self.t("palette.placeholder")
            )
            self.push_screen(palette)

    def action_help_quit(self) -> None:
        """ctrl+c: say which key quits, in the user's language (Textual's own is English)."""
        quits = [
            active.binding
            for active in self.active_bindings.values()
            if active.binding.action in ("quit", "app.quit")
        ]
        if quits:
            # Ours ("q", or the user's keymap) before Textual's own ctrl+q.
            binding = min(quits, key=lambda binding: binding.id != "app.quit")
            key = self.get_key_display(binding)
            self.notify(self.t("app.quit_hint", key=key), title=self.t("app.quit_title"))

    def _apply_keymap(self) -> None:
        """Rebind keys from the user's keymap; say what was left out and why."""
        if self._keymap_folder is None or not (self._keymap_folder / KEYMAP_FILE).exists():
            return  # most users have none: its module is not even imported (issue 18)
        from cockpit_tui.ui.keymap import known_binding_ids, load_keymap

        loaded = load_keymap(self._keymap_folder, known_binding_ids)
        if loaded.keys:
            self.set_keymap(loaded.keys)
        if loaded.problems:
            lines = [self.t(message_id, **values) for message_id, values in loaded.problems]
            self.notify(
                "\n".join(lines), title=self.t("keymap.title"), severity="warning", timeout=12
            )

    def _exit_if_terminal_gone(self) -> None:
        """Quit when the terminal hung up (its window closed, an SSH link dropped).

        Run under ``make``, the app does not always get SIGHUP; reading a hung-up
        terminal then returns nothing forever and the input thread spins a core.
        """
        stdout = sys.__stdout__
        if stdout is None or not stdout.isatty():
            self.exit()


def _collect_from_now_on() -> None:
    """After the first frame: set what start-up made aside from the collector, then collect.

    The objects made at start-up (widgets, styles, imported modules) live as
    long as the app: ``gc.freeze()`` keeps the collector from walking them
    again in every full collection, which otherwise lands in the middle of a
    key. ``cockpit`` starts with the collector off (``cli/main.py``), since
    start-up makes only such objects; it is back on from here.
    """
    gc.freeze()
    gc.enable()
