"""An import's transactions: one per chunk, committed without waiting for the disk, synced once.

A chunk of an import is written in its own transaction (:func:`bulk_write`),
so an open board sees the rows land chunk by chunk and a failure leaves whole
chunks only; :func:`make_durable` waits for the disk once at the end, and
:func:`warm_up` loads what the first chunk needs while the rows are checked.
:func:`import_session` wraps a whole import: those two, the indexes built
after the rows of a small store (:mod:`cockpit_tui.store.import_deferral`),
the write-ahead log copied into the database file on a thread of its own
(:mod:`cockpit_tui.store.checkpointer`) instead of by the commits, and, into
a store holding few search documents, that index built in a file beside it
by a process of its own (:mod:`cockpit_tui.store.side_search`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy import Connection, Engine

from cockpit_tui.store.checkpointer import checkpoints_beside, left_to_checkpointer
from cockpit_tui.store.engine import write_connection
from cockpit_tui.store.import_deferral import deferred_while_importing
from cockpit_tui.store.response_clock import response_policy
from cockpit_tui.store.side_search import SideSearch, searched_beside

#: Page cache of a connection while it writes an import's chunk (negative: KiB, i.e. 64 MiB).
BULK_CACHE_KIB = -65536


@contextmanager
def import_session(engine: Engine, *, rows: int, now: datetime) -> Iterator[SideSearch | None]:
    """Around a whole import of ``rows`` rows (not a dry run).

    Defers the indexes of a small store, checkpoints beside the writer, loads
    the business calendar now, and syncs the log to the disk once at the very
    end. Yields the :class:`SideSearch` the chunks hand their search documents
    to, when the store's search index is small (None: the chunks write it
    themselves).

    When the chunks are done (or failed), the deferred indexes are built
    first, while the side search's process indexes the last chunks, then
    its index moves in; the checkpointer copies each of those writes while
    the next one runs. Once both succeeded, nothing of the import's is left
    to restore, and nothing more is written.
    """
    try:
        with (
            deferred_while_importing(engine, rows=rows) as deferred,
            # Its thread starts with the first commit, after the side search's process is
            # forked: a fork copies no thread, and SQLite's locks held by one would never
            # be let go. It outlives the side search: it copies the moved index too.
            checkpoints_beside(engine),
            searched_beside(engine, deferred.side_file, moved=deferred.side_moved) as side,
        ):
            try:
                warm_up(engine, now)
                yield side
            finally:
                deferred.build_indexes()
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
    with engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert driver is not None
        cache = driver.execute("PRAGMA cache_size").fetchone()[0]
        driver.execute("PRAGMA synchronous = NORMAL")
        driver.execute("PRAGMA foreign_keys = OFF")  # outside the transaction, or ignored
        # A chunk touches a dozen indexes: room for their pages saves re-reading them.
        driver.execute(f"PRAGMA cache_size = {BULK_CACHE_KIB}")
        try:
            with left_to_checkpointer(engine, driver), connection.begin():
                yield connection
        finally:
            driver.execute("PRAGMA foreign_keys = ON")
            driver.execute("PRAGMA synchronous = FULL")
            driver.execute(f"PRAGMA cache_size = {int(cache)}")


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
