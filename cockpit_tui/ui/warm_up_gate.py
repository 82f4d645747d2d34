"""Start-up's warm-up gives way to a search: its imports pause while the board is busy.

The warm-up (the write path's import, the business calendar) runs in workers
for ~1 s after the first frame, holding the GIL most of that time; a search
typed meanwhile waited its turn behind it (the first searches after start
took two to three times as long). An import is many small module loads, so a
finder placed first in ``sys.meta_path`` — asked before each module not yet
loaded — lets the warm-up's own threads wait there while the board is busy,
then go on. Other threads' imports pass straight through.

A waiting warm-up holds the import locks of the modules it is in the middle
of; another thread importing one of them (a search's first use of a lazily
imported module) would wait for the warm-up, which waits for the search. So
the warm-up goes on at once when another thread waits on one of its locks.

The collector is off while the warm-up runs: its imports make ~100,000
objects, and each full collection they set off walked them all (40-90 ms
holding the GIL, a search's frame waiting). They live as long as the app, so
at the end they are set aside (``gc.freeze()``, as start-up's are:
``ui/app.py``) and the collector is back on.
"""

from __future__ import annotations

import _imp
import gc
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Any

#: How long the board stays "busy" after a search is typed or shown: a user who reads a result
#: for less than this is still searching (the next search must not find the warm-up running).
QUIET_SECONDS = 0.3
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
        self._collecting = True

    def note_busy(self) -> None:
        """The board just did something the warm-up should not slow (showed a search)."""
        self._last_busy = self._clock()

    def quiet(self) -> bool:
        """Whether the warm-up may go on now."""
        return not self._busy() and self._clock() - self._last_busy >= QUIET_SECONDS

    def wait(self) -> None:
        """Wait until the board is quiet, at most :data:`LONGEST_WAIT_SECONDS`."""
        deadline = self._clock() + LONGEST_WAIT_SECONDS
        while not self.quiet() and self._clock() < deadline and not _import_waits_on_me():
            time.sleep(_LOOK_EVERY_SECONDS)

    def holds_this_thread(self) -> bool:
        """Whether the calling thread is a warm-up thread (inside :meth:`pausing_imports`)."""
        return threading.get_ident() in self._threads

    @contextmanager
    def pausing_imports(self) -> Iterator[None]:
        """Within this block, the calling thread's module loads wait for a quiet board."""
        with self._lock:
            if not self._threads:
                self._collecting = gc.isenabled()
                gc.disable()
                sys.meta_path.insert(0, self._finder)
            self._threads.add(threading.get_ident())
        try:
            yield
        finally:
            with self._lock:
                self._threads.discard(threading.get_ident())
                if not self._threads:
                    sys.meta_path.remove(self._finder)
                    gc.freeze()  # what the warm-up loaded lives as long as the app
                    if self._collecting:
                        gc.enable()


def _import_waits_on_me() -> bool:
    """Whether another thread waits for a module this thread is importing.

    Reads importlib's module locks (``_module_locks``: name → weak reference to
    a lock with ``owner`` and ``waiters``, CPython 3.11–3.13); anything else
    there reads as "no one waits" (the wait then ends at its deadline).
    """
    bootstrap: Any = sys.modules.get("importlib._bootstrap")
    me = threading.get_ident()
    try:
        locks = list(getattr(bootstrap, "_module_locks", {}).values())
    except RuntimeError:  # changed size while read: look again next time
        return False
    for reference in locks:
        lock = reference() if callable(reference) else None
        if lock is not None and getattr(lock, "owner", None) == me and getattr(lock, "waiters", 0):
            return True
    return False


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
            # Finders are asked under the interpreter's import lock: waiting with it held
            # would stop every other thread's first import of any module (a search's
            # lazy imports waited out the whole pause). Let go of it while waiting.
            held = _imp.lock_held()
            if held:
                _imp.release_lock()
            try:
                self._gate.wait()
            finally:
                if held:
                    _imp.acquire_lock()
        return None
