"""Ctrl-C during work that must not stop just anywhere: held until a point where stopping is safe.

Python raises :class:`KeyboardInterrupt` at whatever line the main thread is
running when Ctrl-C arrives. Inside a database call that is harmful: on
SQLite, SQLAlchemy invalidates the connection it was using and closes it,
but a cursor of the failed statement is still referenced by the
exception's traceback, and SQLite keeps a connection closed with a statement
unfinished alive (a "zombie") with its write transaction open. The write
lock stays taken by the very process that is now trying to restore what the
import put off, which waits for its own lock until the busy timeout. An
import therefore holds Ctrl-C (:func:`ctrl_c_held`) and stops between two
chunks, where every write is either committed or not begun.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class CtrlC:
    """Whether Ctrl-C was pressed while it was held.

    Attributes:
        requested: Ctrl-C (SIGINT) arrived at least once.
    """

    def __init__(self) -> None:
        self.requested = False

    def _note(self, _signal: int, _frame: FrameType | None) -> None:
        self.requested = True


@contextmanager
def ctrl_c_held() -> Iterator[CtrlC]:
    """Within: Ctrl-C is noted instead of raising :class:`KeyboardInterrupt`; the caller checks.

    Only the main thread receives signals: elsewhere (a worker thread) nothing
    changes, and a process told to ignore Ctrl-C keeps ignoring it. On leaving,
    the previous handler is back; a Ctrl-C noted is the caller's to act on.
    """
    held = CtrlC()
    if threading.current_thread() is not threading.main_thread():
        yield held
        return
    previous = signal.getsignal(signal.SIGINT)
    if previous is None or previous == signal.SIG_IGN:  # None: set outside Python, not restorable
        yield held
        return
    signal.signal(signal.SIGINT, held._note)
    try:
        yield held
    finally:
        signal.signal(signal.SIGINT, previous)
