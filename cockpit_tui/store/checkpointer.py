"""An import's checkpoints, on a thread of their own instead of in its commits (SQLite).

A commit that fills the write-ahead log past SQLite's threshold (every chunk
of an import does, and so do the index builds and the search index's move at
its end) copies the log into the database file and waits for the disk twice
before the writer may go on. While a :func:`checkpoints_beside` runs, the
import's commits wrapped in :func:`left_to_checkpointer` leave that to a
:class:`Checkpointer`, so the copying happens while the writer goes on.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from sqlalchemy import Engine

from cockpit_tui.store.limits import BUSY_TIMEOUT_MS


class Checkpointer:
    """Copies committed writes from the write-ahead log into the database, on its own thread.

    ``PRAGMA wal_checkpoint(PASSIVE)`` on a connection of its own, asked after
    each commit. A checkpoint never blocks a reader or the writer; one that
    cannot run is done after the next commit. The thread starts at the first
    request: an import's side search process is forked before that (a fork
    copies no thread, and SQLite's locks held by one would never be let go).
    :meth:`close` waits for the last checkpoint asked, so the import leaves
    the log copied, as its own commits would have.
    """

    def __init__(self, database: str) -> None:
        self._database = database
        self._wanted = threading.Event()
        self._asked = False
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def request(self) -> None:
        """Checkpoint soon (after a commit)."""
        self._asked = True
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._run, name="cockpit-checkpoint", daemon=True
            )
            self._thread.start()
        self._wanted.set()

    def close(self) -> None:
        """Finish the checkpoint under way and the one asked last, if any, and stop the thread."""
        self._stopping.set()
        self._wanted.set()
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        connection = sqlite3.connect(self._database, isolation_level=None)
        try:
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            while True:
                self._wanted.wait()
                self._wanted.clear()
                if self._asked:
                    self._asked = False
                    self._checkpoint(connection)
                # A request may have come while that checkpoint ran: it is done first.
                if self._stopping.is_set() and not self._asked:
                    return
        finally:
            connection.close()

    def _checkpoint(self, connection: sqlite3.Connection) -> None:
        """One passive checkpoint; busy or failing now, the next request (or commit) tries again."""
        with suppress(sqlite3.Error):
            connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()


#: The checkpointer of each engine importing now (by ``id``).
_CHECKPOINTERS: dict[int, Checkpointer] = {}


@contextmanager
def checkpoints_beside(engine: Engine) -> Iterator[None]:
    """While importing into a SQLite file: a :class:`Checkpointer` for its commits."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        yield
        return
    checkpointer = _CHECKPOINTERS[id(engine)] = Checkpointer(database)
    try:
        yield
    finally:
        del _CHECKPOINTERS[id(engine)]
        checkpointer.close()


@contextmanager
def left_to_checkpointer(engine: Engine, driver: sqlite3.Connection) -> Iterator[bool]:
    """Around one write transaction of ``engine``'s store on ``driver`` (a SQLite connection).

    While :func:`checkpoints_beside` runs for ``engine``, the commit leaves the
    checkpoint to its :class:`Checkpointer`, asked once the block ends without
    an error. Yields whether one runs.
    """
    checkpointer = _CHECKPOINTERS.get(id(engine))
    if checkpointer is None:
        yield False
        return
    every = driver.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    driver.execute("PRAGMA wal_autocheckpoint = 0")
    try:
        yield True
        checkpointer.request()
    finally:
        driver.execute(f"PRAGMA wal_autocheckpoint = {int(every)}")
