"""Keys typed fast go where the user meant them: one at a time, and never to a dialog not ready.

A terminal delivers keys as fast as they are typed (tmux, a paste, a fast
typist: several in one read). Textual hands each key to the focused widget as
soon as it reads it, before the keys read earlier have had their effect: ``n``
then "Carlos" reached the board (its binding had not opened the form yet), and
"Carlos", tab, "119" put "Carlos119" in the name field (tab moves the focus only
when it comes back up to the app's bindings). ``r`` on the board opens the reply
form once the lead and its WhatsApp window are read, so the reply typed meanwhile
reached the lead screen's own keys.

:class:`KeyHoldApp` queues the keys as they are read and sends the next one only
when the previous one has been dealt with: a callback follows it from the widget
it was given to up to the app, twice (the second pass lets a message the key
posted — an ``Input.Submitted`` that moves to the next field — be handled too);
each widget handles its messages in order, so the callback arrives after the key.
A :class:`KeyHoldScreen` on top that holds keys (a dialog until its first field
is focused; the lead screen between ``r`` and the reply form) leaves them queued.

Characters typed into a text field go on together: an :class:`~textual.widgets.Input`
takes a printable key itself (it inserts it and stops it, so no binding runs and
the focus stays), so waiting for each one's round trip only spread a word over
a few frames, and a search could start on its first letters (issue 18).
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, ClassVar, TypeVar, cast

from textual import events
from textual.app import App
from textual.screen import Screen
from textual.widgets import Input

if TYPE_CHECKING:
    from textual.message_pump import MessagePump
    from textual.timer import Timer
    from textual.widget import Widget

ResultT = TypeVar("ResultT")

#: How often a key on its way is checked for waiting on a widget that closed meanwhile.
STUCK_KEY_SECONDS = 0.5


class KeyHoldScreen(Screen[ResultT]):
    """A screen that may hold the keys typed while it is not ready for them.

    A dialog (``HOLD_UNTIL_FOCUS``) holds from the start until a widget on it
    is focused. Another screen holds between :meth:`hold_keys` and
    :meth:`stop_holding` (the dialog it waited for is open) or
    :meth:`drop_held_keys` (it could not open).
    """

    #: Whether the screen holds keys from the start until something on it is focused.
    HOLD_UNTIL_FOCUS: ClassVar[bool] = False

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._holding = self.HOLD_UNTIL_FOCUS

    @property
    def holding_keys(self) -> bool:
        """Whether keys typed now wait for this screen."""
        return self._holding

    def hold_keys(self) -> None:
        """Keep the keys typed from now on queued until :meth:`stop_holding`."""
        self._holding = True

    def stop_holding(self) -> None:
        """Let the queued keys go to whatever screen is on top now."""
        if self._holding:
            self._holding = False
            _resume(self.app)

    def drop_held_keys(self) -> None:
        """Forget the keys typed while holding (what they were meant for did not open)."""
        if self._holding:
            self._holding = False
            app = self.app
            if isinstance(app, KeyHoldApp):
                app.forget_typed_keys()
            _resume(app)

    def set_focus(
        self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False
    ) -> None:
        """Focus ``widget``; a dialog's first focus lets the keys typed meanwhile come to it."""
        super().set_focus(widget, scroll_visible, from_app_focus)
        if self.HOLD_UNTIL_FOCUS and self.focused is not None:
            self.stop_holding()


def _typed_into(target: object, key: events.Key) -> bool:
    """Whether ``key`` is a character a text field (``target``) takes in as text."""
    return isinstance(target, Input) and key.is_printable


def _resume(app: App[object]) -> None:
    if isinstance(app, KeyHoldApp):
        app.call_later(app.send_next_key)


class KeyHoldApp(App[None]):
    """An app that hands the keys it reads on one at a time (see the module's docstring)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._typed_keys: deque[events.Key] = deque()
        self._keys_sent = 0
        #: Where the callback following the key on its way waits (None: no key on its way).
        self._key_waits_on: MessagePump | None = None
        self._stuck_timer: Timer | None = None
        #: The text field the last key handed on was a character for (None: it was not).
        self._typing_into: MessagePump | None = None

    async def on_event(self, event: events.Event) -> None:
        """A key read from the terminal joins the queue; every other event goes on as usual."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            self._typed_keys.append(event)
            await self.send_next_key()
            return
        await super().on_event(event)

    @property
    def typing_ahead(self) -> bool:
        """Whether keys already read have not all had their effect yet (some still queued,
        or the last one handed on not yet dealt with), unless a screen holds them."""
        screen = self.screen
        if isinstance(screen, KeyHoldScreen) and screen.holding_keys:
            return False
        return bool(self._typed_keys) or self._key_waits_on is not None

    def forget_typed_keys(self) -> None:
        """Drop the keys still queued."""
        self._typed_keys.clear()

    async def send_next_key(self) -> None:
        """Hand the next queued key on, unless one is on its way or the top screen holds keys.

        Characters typed into a text field go on together, and join the ones
        on their way into it.
        """
        if not self._typed_keys:
            return
        if self._key_waits_on is not None and not self._joins_typing(self._typed_keys[0]):
            self._watch_stuck_key()
            return
        screen = self.screen
        if isinstance(screen, KeyHoldScreen) and screen.holding_keys:
            return
        target: MessagePump = self.focused or screen
        while True:
            key = self._typed_keys.popleft()
            self._keys_sent += 1
            self._key_waits_on = target
            await super().on_event(key)
            self._typing_into = target if _typed_into(target, key) else None
            if not (self._typed_keys and self._joins_typing(self._typed_keys[0])):
                break
        self._follow(self._keys_sent, target, passes=2)

    def _joins_typing(self, key: events.Key) -> bool:
        """Whether ``key`` is one more character into the field the last key was typed into."""
        field = self._typing_into
        if field is None or self.focused is not field:
            return False
        return _typed_into(field, key)

    def _follow(self, key_number: int, node: MessagePump, *, passes: int) -> None:
        """Queue a callback behind the key on ``node``, then on each parent up to the app."""

        def after() -> None:
            if key_number != self._keys_sent:
                return  # given up on as stuck; a later key is on its way
            parent = cast("MessagePump | None", getattr(node, "_parent", None))
            if parent is not None:
                self._follow(key_number, parent, passes=passes)
            elif passes > 1:
                self._follow(key_number, self.focused or self.screen, passes=passes - 1)
            else:
                self._key_waits_on = None
                if self._typed_keys:
                    self.call_later(self.send_next_key)

        self._key_waits_on = node
        if not node.call_later(after):
            after()  # the widget is closing: nothing more of the key happens there

    def _watch_stuck_key(self) -> None:
        """Check now and then that the key on its way waits on a widget still running."""
        if self._stuck_timer is not None:
            return

        def check() -> None:
            self._stuck_timer = None
            node = self._key_waits_on
            if node is None:
                return
            if not node.is_running:  # closed after taking the callback: it will never run
                self._key_waits_on = None
                self._keys_sent += 1
                self.call_later(self.send_next_key)
            elif self._typed_keys:
                self._watch_stuck_key()

        self._stuck_timer = self.set_timer(STUCK_KEY_SECONDS, check)
