"""Start-up's warm-up gives way to a search: its imports pause while the board is busy.

The warm-up (the write path's import, the business calendar) runs in workers
for ~1 s after the first frame, holding the GIL most of that time; a search
typed meanwhile waited its turn behind it (the first searches after start
took two to three times as long). An import is many small module loads, so a
finder placed first in ``sys.meta_path`` — asked before each module not yet
loaded — lets the warm-up's own threads wait there while the board is busy,
then go on. Other threads' imports pass straight through.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from importlib.machinery import ModuleSpec
from types import ModuleType

#: How long the board stays "busy" after a search's result is shown (its repaint).
QUIET_SECONDS = 0.1
#: The longest one module load waits: typing on and on still lets the warm-up finish.
LONGEST_WAIT_SECONDS = 1.0
#: How often a waiting warm-up looks again.
_LOOK_EVERY_SECONDS = 0.005


class WarmUpGate:
    """Holds the warm-up's threads at each module load while the board is busy.

    Args:
        busy: Whether the board is busy now (a search's read under way); asked
            from the warm-up's threads.
        clock: Monotonic seconds (tests pass their own).
    """

    def __init__(
        self, busy: Callable[[], bool], *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._busy = busy
        self._clock = clock
        self._last_busy = -QUIET_SECONDS
        self._threads: set[int] = set()
        self._lock = threading.Lock()
        self._finder = _PausingFinder(self)

    def note_busy(self) -> None:
        """The board just did something the warm-up should not slow (showed a search)."""
        self._last_busy = self._clock()

    def quiet(self) -> bool:
        """Whether the warm-up may go on now."""
        return not self._busy() and self._clock() - self._last_busy >= QUIET_SECONDS

    def wait(self) -> None:
        """Wait until the board is quiet, at most :data:`LONGEST_WAIT_SECONDS`."""
        deadline = self._clock() + LONGEST_WAIT_SECONDS
        while not self.quiet() and self._clock() < deadline:
            time.sleep(_LOOK_EVERY_SECONDS)

    def holds_this_thread(self) -> bool:
        """Whether the calling thread is a warm-up thread (inside :meth:`pausing_imports`)."""
        return threading.get_ident() in self._threads

    @contextmanager
    def pausing_imports(self) -> Iterator[None]:
        """Within this block, the calling thread's module loads wait for a quiet board."""
        with self._lock:
            self._threads.add(threading.get_ident())
            if self._finder not in sys.meta_path:
                sys.meta_path.insert(0, self._finder)
        try:
            yield
        finally:
            with self._lock:
                self._threads.discard(threading.get_ident())
                if not self._threads and self._finder in sys.meta_path:
                    sys.meta_path.remove(self._finder)


class _PausingFinder:
    """A meta path finder that finds nothing: it only makes warm-up threads wait."""

    def __init__(self, gate: WarmUpGate) -> None:
        self._gate = gate

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> ModuleSpec | None:
        """Wait (a warm-up thread, the board busy), then let the next finders find it."""
        if self._gate.holds_this_thread():
            self._gate.wait()
        return None
