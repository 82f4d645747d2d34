"""An import's transactions: one per chunk, committed without waiting for the disk, synced once.

A chunk of an import is written in its own transaction (:func:`bulk_write`),
so an open board sees the rows land chunk by chunk and a failure leaves whole
chunks only; :func:`make_durable` waits for the disk once at the end, and
:func:`warm_up` loads what the first chunk needs while the rows are checked.
:func:`import_session` wraps a whole import: those two, the indexes built
after the rows of a small store (:mod:`cockpit_tui.store.import_deferral`),
the write-ahead log copied into the database file on a thread of its own
(:class:`Checkpointer`) instead of by the chunk's commit, and, into a store
holding few search documents, that index built in a file beside it by a
process of its own (:mod:`cockpit_tui.store.side_search`).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy import Connection, Engine

from cockpit_tui.store.engine import write_connection
from cockpit_tui.store.import_deferral import deferred_while_importing
from cockpit_tui.store.limits import BUSY_TIMEOUT_MS
from cockpit_tui.store.response_clock import response_policy
from cockpit_tui.store.side_search import SideSearch, searched_beside

#: Page cache of a connection while it writes an import's chunk (negative: KiB, i.e. 64 MiB).
BULK_CACHE_KIB = -65536


@contextmanager
def import_session(engine: Engine, *, rows: int, now: datetime) -> Iterator[SideSearch | None]:
    """Around a whole import of ``rows`` rows (not a dry run).

    Defers the indexes of a small store (built when the import ends or fails),
    checkpoints beside the writer, loads the business calendar now, and
    syncs the log to the disk once at the very end. Yields the
    :class:`SideSearch` the chunks hand their search documents to, when the
    store's search index is small (None: the chunks write it themselves).
    """
    try:
        with (
            deferred_while_importing(engine, rows=rows) as side_file,
            # The side search's process is forked before the checkpointer's thread starts:
            # a fork copies no thread, and SQLite's locks held by one would never be let go.
            searched_beside(engine, side_file) as side,
            checkpoints_beside(engine),
        ):
            warm_up(engine, now)
            yield side
    finally:
        make_durable(engine)


def warm_up(engine: Engine, now: datetime) -> None:
    """Load what a chunk's write needs first (the store's business calendar and its holidays).

    An import calls it while its workers check the first rows, so the first
    write does not spend that time itself. The holidays (~0.15 s to compute)
    come from the copy on disk when an earlier run kept them there.
    """
    from cockpit_tui.store.holiday_cache import holidays_kept

    with holidays_kept(), engine.execution_options(cockpit_read_only=True).connect() as connection:
        response_policy(connection).marks(now)


@contextmanager
def bulk_write(engine: Engine) -> Iterator[Connection]:
    """One import chunk's write transaction; on SQLite committed without waiting for the disk.

    In WAL mode ``synchronous=NORMAL`` still commits each chunk whole: a crash,
    a kill or an error leaves whole chunks only, and readers (an open board)
    see each chunk as it commits. What it gives up is the wait for the disk
    at every commit (about a tenth of a second each here), so a power cut
    could undo the chunks committed since the last sync; :func:`make_durable`
    syncs once when the import ends, and a re-run adds any undone chunk (the
    fingerprints skip the rest). The connection is back to ``FULL`` after.

    SQLite's foreign-key checks are off for the chunk (a look-up of the
    referenced row for every lead, message and fingerprint inserted: a tenth
    of the inserts' time): every reference a chunk writes is to a row it
    inserts or reads under the same write lock, PostgreSQL still checks the
    same rows, and ``tests/services/test_import_pipeline.py`` runs
    ``PRAGMA foreign_key_check`` after imports. They are back on after.

    On PostgreSQL the same with ``synchronous_commit = off`` for the chunk's
    transaction alone: the WAL writer flushes it a fraction of a second later;
    a server crash could undo the last chunks, never part of one.
    (Not ``plan_cache_mode = force_custom_plan``: it would also re-plan the
    foreign keys' checks, one per inserted row, 5-9 s more at 100,000 rows.
    Only the chunk's lookups are planned each time: see
    :func:`~cockpit_tui.store.bulk_rows.match_rows`.)
    """
    if engine.dialect.name != "sqlite":
        with write_connection(engine) as connection:
            if engine.dialect.name == "postgresql":
                connection.exec_driver_sql("SET LOCAL synchronous_commit = off")
            yield connection
        return
    checkpointer = _CHECKPOINTERS.get(id(engine))
    with engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert driver is not None
        cache = driver.execute("PRAGMA cache_size").fetchone()[0]
        every = driver.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
        driver.execute("PRAGMA synchronous = NORMAL")
        driver.execute("PRAGMA foreign_keys = OFF")  # outside the transaction, or ignored
        # A chunk touches a dozen indexes: room for their pages saves re-reading them.
        driver.execute(f"PRAGMA cache_size = {BULK_CACHE_KIB}")
        if checkpointer is not None:
            driver.execute("PRAGMA wal_autocheckpoint = 0")  # the checkpointer's thread does it
        try:
            with connection.begin():
                yield connection
            if checkpointer is not None:
                checkpointer.request()
        finally:
            driver.execute("PRAGMA foreign_keys = ON")
            driver.execute("PRAGMA synchronous = FULL")
            driver.execute(f"PRAGMA cache_size = {int(cache)}")
            driver.execute(f"PRAGMA wal_autocheckpoint = {int(every)}")


def make_durable(engine: Engine) -> None:
    """Wait until the chunks :func:`bulk_write` committed are on disk.

    A commit with ``synchronous=FULL`` is this same wait: the write-ahead log
    synced, which holds every earlier commit too. On PostgreSQL, a commit
    that waits for its own log record (the session's ``synchronous_commit``,
    on by default) flushes every earlier one: a transaction given an id
    (``txid_current()``) writes one.
    """
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.exec_driver_sql("SELECT txid_current()")
        return
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return
    try:
        descriptor = os.open(database + "-wal", os.O_RDWR)
    except FileNotFoundError:
        return  # no log: every commit is already in the database file, synced by its checkpoint
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class Checkpointer:
    """Copies committed chunks from the write-ahead log into the database, on its own thread.

    A commit that fills the log past SQLite's threshold (every chunk of an
    import does) copies the log into the database file and waits for the
    disk twice before the writer may go on; here the chunks' commits leave
    that to this thread (``PRAGMA wal_checkpoint(PASSIVE)`` on a connection
    of its own, asked after each commit), so the waiting happens while the
    next chunk is built. A checkpoint never blocks a reader or the writer;
    one that cannot run is done after the next chunk, and whatever is left in
    the log at the end is copied by the next commit of any connection.
    """

    def __init__(self, database: str) -> None:
        self._database = database
        self._wanted = threading.Event()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="cockpit-checkpoint", daemon=True)
        self._thread.start()

    def request(self) -> None:
        """Checkpoint soon (after a chunk committed)."""
        self._wanted.set()

    def close(self) -> None:
        """Finish the checkpoint under way, if any, and stop the thread."""
        self._stopping = True
        self._wanted.set()
        self._thread.join()

    def _run(self) -> None:
        connection = sqlite3.connect(self._database, isolation_level=None)
        try:
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            while True:
                self._wanted.wait()
                self._wanted.clear()
                if self._stopping:
                    return
                try:
                    connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                except sqlite3.Error:
                    continue  # busy or failing now: the next chunk's request tries again
        finally:
            connection.close()


#: The checkpointer of each engine importing now (by ``id``), for :func:`bulk_write`.
_CHECKPOINTERS: dict[int, Checkpointer] = {}


@contextmanager
def checkpoints_beside(engine: Engine) -> Iterator[None]:
    """While importing into a SQLite file: a :class:`Checkpointer` instead of the commits'."""
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
