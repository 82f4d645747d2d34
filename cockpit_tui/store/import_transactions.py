"""An import's transactions: one per chunk, committed without waiting for the disk, synced once.

A chunk of an import is written in its own transaction (:func:`bulk_write`),
so an open board sees the rows land chunk by chunk and a failure leaves whole
chunks only; :func:`make_durable` waits for the disk once at the end, and
:func:`warm_up` loads what the first chunk needs while the rows are checked.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy import Connection, Engine

from cockpit_tui.store.engine import write_connection
from cockpit_tui.store.response_clock import response_policy

#: Page cache of a connection while it writes an import's chunk (negative: KiB, i.e. 64 MiB).
BULK_CACHE_KIB = -65536


def warm_up(engine: Engine, now: datetime) -> None:
    """Load what a chunk's write needs first (the store's business calendar and its holidays).

    An import calls it while its workers check the first rows, so the first
    write does not spend that time itself (the holidays alone take ~0.3 s).
    """
    with engine.execution_options(cockpit_read_only=True).connect() as connection:
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
    """
    if engine.dialect.name != "sqlite":
        with write_connection(engine) as connection:
            yield connection
        return
    with engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert driver is not None
        cache = driver.execute("PRAGMA cache_size").fetchone()[0]
        driver.execute("PRAGMA synchronous = NORMAL")
        # A chunk touches a dozen indexes: room for their pages saves re-reading them.
        driver.execute(f"PRAGMA cache_size = {BULK_CACHE_KIB}")
        try:
            with connection.begin():
                yield connection
        finally:
            driver.execute("PRAGMA synchronous = FULL")
            driver.execute(f"PRAGMA cache_size = {int(cache)}")


def make_durable(engine: Engine) -> None:
    """Wait until the chunks :func:`bulk_write` committed are on disk (SQLite; else nothing).

    A commit with ``synchronous=FULL`` is this same wait: the write-ahead log
    synced, which holds every earlier commit too.
    """
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
