"""The board's search field: hidden until ``/``, it narrows the board as the user types."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual import events
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input

from cockpit_tui.ui.type_ahead import STUCK_KEY_SECONDS, KeyHoldApp

#: Seconds after the last keystroke before the search runs, for keys of one burst that
#: the terminal has not handed over yet. Keys already read wait for it anyway (the search
#: waits until they have all had their effect: ``ui/type_ahead.py``), so a burst (a paste,
#: tmux, a fast typist) is one search; and a read overtaken by more keys is interrupted
#: (ui/board/filtering.py), so an early search costs little.
SEARCH_DEBOUNCE = 0.005


#: Editing keys applied in key order (Input's own bindings for them, run in the same order).
_EDIT_KEYS = {
    "backspace": "action_delete_left",
    "delete": "action_delete_right",
    "left": "action_cursor_left",
    "right": "action_cursor_right",
    "home": "action_home",
    "end": "action_end",
}


class SearchBar(Input):
    """A one-line search under the header; the board runs it a moment after each keystroke.

    Composed with the board (hidden), not mounted on ``/``: keys typed right
    after ``/`` must find the field already there to land in it.

    Args:
        placeholder: The hint in the empty field.
    """

    class Search(Message):
        """The user typed (after a pause) or pressed enter (``kept``: back to the board)."""

        def __init__(self, text: str, kept: bool = False) -> None:
            self.text = text
            self.kept = kept
            super().__init__()

    def __init__(self, placeholder: str) -> None:
        super().__init__(placeholder=placeholder, id="search")
        self.display = False
        self._timer: Timer | None = None
        self._changed_at = 0.0
        #: Called at each change typed (start-up's warm-up gives way to the typing).
        self.on_typed: Callable[[], None] = lambda: None

    async def _on_key(self, event: events.Key) -> None:
        """Editing keys act here, in the order typed, like the characters do.

        Input applies characters as their key events arrive but ``backspace``
        and the cursor keys through bindings dispatched later, so a burst of
        backspaces followed by text landed out of order (the text was typed,
        then erased): "hb20" after 30 backspaces ended up empty or as "b20".
        """
        edit = _EDIT_KEYS.get(event.key)
        if edit is not None:
            event.stop()
            event.prevent_default()
            self._restart_blink()
            getattr(self, edit)()
            return
        await super()._on_key(event)

    def open(self) -> None:
        """Show the field and take the keys now (the next key must land in it)."""
        self.display = True
        self.screen.set_focus(self)

    def empty(self) -> None:
        """Empty and hide the field (no search is posted)."""
        self._cancel()
        with self.prevent(Input.Changed):
            self.value = ""
        self.display = False

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def on_input_changed(self, event: Input.Changed) -> None:
        """Run the search once the typing pauses."""
        event.stop()
        self._cancel()
        self._changed_at = time.monotonic()
        self.on_typed()
        self._timer = self.set_timer(SEARCH_DEBOUNCE, self._typing_paused)

    def _typing_paused(self) -> None:
        """Search now, unless keys already read wait their turn (a word typed at once).

        Keys are handed on one at a time (``ui/type_ahead.py``); an editing key's
        round trip can outlast the pause, and a search started then would be
        interrupted by the next key. A key whose effect never comes back (a
        widget closed under it) holds the search no longer than the type-ahead
        waits for it.
        """
        app = self.app
        waited = time.monotonic() - self._changed_at
        if isinstance(app, KeyHoldApp) and app.typing_ahead and waited < STUCK_KEY_SECONDS:
            self._timer = self.set_timer(SEARCH_DEBOUNCE, self._typing_paused)
            return
        self._timer = None
        self.post_message(SearchBar.Search(self.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter: run the search now and give the keys back to the board."""
        event.stop()
        self._cancel()
        self.post_message(SearchBar.Search(self.value, kept=True))
