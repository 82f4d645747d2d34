"""An import's search index built beside the store, by a process of its own (SQLite).

SQLite lets one connection write a database file at a time, and an import's
writer spends a fifth of its time on the FTS5 search index (tokenizing every
document into trigrams, and flushing them at each chunk's commit). When an
import of :data:`MIN_ROWS` rows or more begins on a store whose search index
holds no more documents than the file has rows (a dealership loading its
leads into a new store, above all), the documents go instead to an FTS5
table in a file beside the store (created with the store's own ``CREATE``
statement and settings, and first given the store's documents), filled by
:class:`SideSearch`'s process while the writer inserts the next chunk, on
another core. A process, not a thread: a thread's inserts took the GIL back
for every row, and the writer waited for it as long as the thread saved it.

When the import ends (finished or failed), :func:`move_into_store` swaps the
store's FTS5 shadow tables for the side file's in one write transaction
(the same definition writes the same format; re-inserting the documents
would tokenize them all again, several times slower), then rebuilds the
documents that other writers changed meanwhile (those that differ from
the side's) and drops those of leads that are gone. Until then a search
does not find the imported leads (the leads already there, it does); the
board shows them as their chunks commit.

The side file is recorded in ``bulk_deferred`` with the indexes the import
put off: if the process dies, the next open of the store rebuilds the
documents of every lead the search index is missing
(:func:`rebuild_missing`) and removes the file.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import pickle
import queue
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from multiprocessing.connection import Connection as PipeConnection
from multiprocessing.process import BaseProcess
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from cockpit_tui.processes import helper_started
from cockpit_tui.store.checkpointer import left_to_checkpointer
from cockpit_tui.store.limits import BUSY_TIMEOUT_MS
from cockpit_tui.store.search_index import documents, refresh_search

#: The ``bulk_deferred`` record of an import's side search index (its ``restore``: the file).
SIDE_RECORD = "lead_search.side"
#: The search index's shadow table kept in place (its settings stay the store's).
_CONFIG = "lead_search_config"
#: Rows from which an import builds its search index beside the store: a file of one
#: or two chunks leaves the side process nothing to overlap (1,000 rows: 0.02 s slower).
MIN_ROWS = 10_000
#: The side file's page cache (negative: KiB; as an import chunk's writes have).
_CACHE_KIB = -65536
#: Leads whose documents are rebuilt per statement when recovering.
_REBUILD_BATCH = 5000
#: Seconds the end of an import waits for the side process to index its last chunks.
CLOSE_WAIT_S = 120.0

#: One chunk's search work: the leads whose documents change, and those already built.
Batch = tuple[Sequence[int], Mapping[int, str]]


def plan_side_search(connection: Connection, *, rows: int) -> Path | None:
    """Inside the import's deferral transaction: a new side file, if the import should use one.

    It does when the file has at least :data:`MIN_ROWS` rows and the store is a
    SQLite file whose search index keeps its documents (FTS5's ``_content``
    table) and has no more of them than the file has rows. The file is
    recorded in ``bulk_deferred`` under :data:`SIDE_RECORD`, so a crash
    leaves a trace.
    """
    import tempfile

    database = connection.engine.url.database
    if rows < MIN_ROWS or not database or database == ":memory:":
        return None
    if "fork" not in mp.get_all_start_methods():
        return None  # the side process is forked (it shares what the importing process loaded)
    if not connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'lead_search_content'"
    ).first():
        return None
    documents_now = connection.exec_driver_sql(
        "SELECT COUNT(*) FROM (SELECT 1 FROM lead_search_content LIMIT ?)", (rows + 1,)
    )
    if int(documents_now.scalar_one()) > rows:
        return None  # a big index: copying it beside would cost more than it saves
    store = Path(database)
    try:
        descriptor, name = tempfile.mkstemp(
            dir=store.parent, prefix=_prefix(store), suffix=".search"
        )
        os.close(descriptor)
        os.chmod(name, os.stat(store).st_mode & 0o777)  # what the store's own files get
    except OSError:
        return None  # no room beside the store: the chunks write the index themselves
    connection.exec_driver_sql(
        "INSERT INTO bulk_deferred (name, restore, owner_pid) VALUES (?, ?, ?)",
        (SIDE_RECORD, name, os.getpid()),
    )
    return Path(name)


class SideSearch:
    """Writes each committed chunk's search documents into the side file, in a process of its own.

    The process is forked (as the import's validation workers are) before the
    first chunk, so it has its own interpreter and GIL: the importing thread
    never waits for it, as it waited for a thread binding each row of its
    inserts. Each chunk's documents cross as one pickle (~1 ms for 5,000),
    sent from a thread here so a slow process never holds up a chunk; the
    process reads the merged leads' documents from the store with a
    connection of its own. The end of the pipe is the end of the documents.

    Args:
        engine: The store's engine (its definitions and settings of the index are read here).
        path: The side file (:func:`plan_side_search`).
    """

    def __init__(self, engine: Engine, path: Path) -> None:
        self.path = path
        self._url = engine.url
        self._highest = 0
        self._failed = False
        self._store: Engine | None = None  # the side process's own engine on the store
        with engine.execution_options(cockpit_read_only=True).connect() as connection:
            self._create = str(
                connection.exec_driver_sql(
                    "SELECT sql FROM sqlite_master WHERE name = 'lead_search'"
                ).scalar_one()
            )
            self._page_size = int(connection.exec_driver_sql("PRAGMA page_size").scalar_one())
            self._settings = list(
                connection.exec_driver_sql(
                    f"SELECT k, v FROM {_CONFIG} WHERE k NOT IN ('version', 'automerge')"
                )
            )
        self._outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        context = mp.get_context("fork")
        receiving, self._pipe = context.Pipe(duplex=False)
        process = context.Process(
            target=self._serve,
            args=(receiving, os.getpid()),
            name="cockpit-side-search",
            daemon=True,
        )
        self._process: BaseProcess | None = process
        try:
            process.start()
        except OSError:  # no process to be had: the restore rebuilds the documents
            self._process, self._failed = None, True
        finally:
            receiving.close()  # the process's end: a dead process breaks the pipe here
        self._sender = threading.Thread(target=self._send, name="cockpit-side-send", daemon=True)
        self._sender.start()

    def add(self, batch: Batch) -> None:
        """Index a chunk's documents (after its transaction committed)."""
        if not self._failed:
            self._outbox.put(pickle.dumps(batch, protocol=pickle.HIGHEST_PROTOCOL))

    def close(self) -> bool:
        """Index what was added and stop; whether every document reached the side file.

        A process that has not finished within :data:`CLOSE_WAIT_S` (stuck, not
        merely slow: its backlog is a few chunks) is stopped, as it is when the
        wait is interrupted; the restore then rebuilds the documents from the
        leads. An import holds Ctrl-C meanwhile (services/ctrl_c.py), so this
        wait must end on its own.
        """
        self._outbox.put(None)
        process = self._process
        deadline = time.monotonic() + CLOSE_WAIT_S
        try:
            self._sender.join(timeout=CLOSE_WAIT_S)
            if process is not None:
                process.join(timeout=max(0.0, deadline - time.monotonic()))
        finally:
            if process is not None and process.is_alive():
                process.terminate()
                process.join()
            self._sender.join()  # the pipe broke with the process: the sender is done
        return not self._failed and process is not None and process.exitcode == 0

    def _send(self) -> None:
        """Here, on a thread: hand the chunks' pickles to the process, then close the pipe."""
        try:
            while (message := self._outbox.get()) is not None:
                if not self._failed:
                    try:
                        self._pipe.send_bytes(message)
                    except OSError:  # the process died: the restore rebuilds the documents
                        self._failed = True
        finally:
            self._pipe.close()

    def _serve(self, receiving: PipeConnection, parent: int) -> None:
        """In the side process: index what arrives until the pipe closes; exit 1 on failure.

        Ctrl-C is the importing process's to handle (it reaches the whole
        process group); a failure ends the process without a word, and the
        importing process, seeing its exit code, leaves the documents to the
        restore.
        """
        self._pipe.close()  # the importing process's end, copied by the fork
        helper_started(parent)
        try:
            self._fill(receiving)
        except BaseException:
            raise SystemExit(1) from None

    def _fill(self, receiving: PipeConnection) -> None:
        side = sqlite3.connect(self.path, isolation_level=None)
        try:
            side.execute(f"PRAGMA page_size = {self._page_size}")  # the store's: its pages move in
            # A scratch file: rebuilt from the leads if anything goes wrong, so no journal.
            side.execute("PRAGMA journal_mode = OFF")
            side.execute("PRAGMA synchronous = OFF")
            side.execute(f"PRAGMA cache_size = {_CACHE_KIB}")
            side.execute(self._create)
            setting = "INSERT INTO lead_search (lead_search, rank) VALUES (?, ?)"
            for key, value in self._settings:
                side.execute(setting, (key, value))
            # As the store's index during an import: segments merged only when they pile up.
            side.execute("INSERT INTO lead_search (lead_search, rank) VALUES ('automerge', 0)")
            self._seed(side)
            while True:
                try:
                    message = receiving.recv_bytes()
                except EOFError:
                    return
                self._write(side, pickle.loads(message))  # noqa: S301  (our own pipe)
        finally:
            side.close()
            if self._store is not None:
                self._store.dispose()

    def _reading(self) -> Engine:
        """In the side process: an engine of its own on the store (the fork's copy is not used)."""
        if self._store is None:

            def configure(dbapi_connection: sqlite3.Connection, _record: object) -> None:
                dbapi_connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                dbapi_connection.execute("PRAGMA query_only = ON")

            self._store = create_engine(self._url, poolclass=NullPool, hide_parameters=True)
            event.listen(self._store, "connect", configure)
        return self._store

    def _seed(self, side: sqlite3.Connection) -> None:
        """Copy the store's documents (a small store's): the moved index must hold them too."""
        with self._reading().connect() as connection:
            stored = [
                (int(lead_id), str(doc))
                for lead_id, doc in connection.exec_driver_sql(
                    "SELECT rowid, doc FROM lead_search ORDER BY rowid"
                )
            ]
        if stored:
            side.execute("BEGIN")
            side.executemany("INSERT INTO lead_search (rowid, doc) VALUES (?, ?)", stored)
            side.execute("COMMIT")
            self._highest = stored[-1][0]

    def _write(self, side: sqlite3.Connection, batch: Batch) -> None:
        lead_ids, known = batch
        if not lead_ids:
            return
        unknown = [lead_id for lead_id in lead_ids if lead_id not in known]
        docs = [(lead_id, known[lead_id]) for lead_id in lead_ids if lead_id in known]
        if unknown:  # leads a chunk merged messages into: read back from the store
            with self._reading().connect() as connection:
                docs += documents(connection, unknown)
        side.execute("BEGIN")
        # Only a lead indexed before can have a document to replace (a merged row, or
        # an id freed by another writer): the new ones are above every earlier id.
        again = [lead_id for lead_id in lead_ids if lead_id <= self._highest]
        if again:
            side.execute(
                "DELETE FROM lead_search WHERE rowid IN (SELECT value FROM json_each(?))",
                (json.dumps(again),),
            )
        side.executemany("INSERT INTO lead_search (rowid, doc) VALUES (?, ?)", docs)
        self._highest = max(self._highest, *lead_ids)
        side.execute("COMMIT")


def move_into_store(engine: Engine, path: Path) -> None:
    """Make the side file the store's search index, plus what others wrote meanwhile.

    One write transaction on a new connection (FTS5 keeps an index's
    structure per connection; one that read the old index would not see the
    swap): the shadow tables take the side file's rows, then the documents
    other writers added or changed during the import (those the store holds
    and the side file does not, or differently) are rebuilt from the leads,
    and those of leads that no longer exist are dropped. The
    record in ``bulk_deferred`` goes in the same transaction; the file after.
    During an import, its commit leaves the checkpoint to the import's
    :mod:`~cockpit_tui.store.checkpointer`.
    """
    fresh = _fresh_engine(engine, path)
    try:
        with fresh.connect() as connection:
            driver = connection.connection.driver_connection
            assert driver is not None
            with left_to_checkpointer(engine, driver), connection.begin():
                _move(connection)
    finally:
        fresh.dispose()
    with suppress(OSError):  # moved in all the same: a leftover scratch file, harmless
        path.unlink(missing_ok=True)


def _move(connection: Connection) -> None:
    """:func:`move_into_store`'s transaction, on a connection with the side file attached."""
    run = connection.exec_driver_sql
    ours, theirs = (
        run(f"SELECT sql FROM {schema}.sqlite_master WHERE name = 'lead_search'").scalar()
        for schema in ("main", "side")
    )
    if ours != theirs:
        raise RuntimeError("the search index changed definition during the import")
    # Documents other writers changed after the side copied them, or added.
    columns = run("PRAGMA main.table_info(lead_search_content)").all()
    differ = " OR ".join(f"m.{c[1]} IS NOT s.{c[1]}" for c in columns if c[1] != "id")
    others = [
        int(lead_id)
        for (lead_id,) in run(
            "SELECT m.id FROM main.lead_search_content m "
            "LEFT JOIN side.lead_search_content s ON s.id = m.id "
            f"WHERE s.id IS NULL OR {differ or '0'}"
        )
    ]
    shadows = [
        str(name)
        for (name,) in run(
            "SELECT name FROM side.sqlite_master WHERE type = 'table' "
            "AND name LIKE 'lead\\_search\\_%' ESCAPE '\\' AND name != ?",
            (_CONFIG,),
        )
    ]
    for name in shadows:
        run(f"DELETE FROM main.{name}")
        run(f"INSERT INTO main.{name} SELECT * FROM side.{name}")
    gone = [
        int(lead_id)
        for (lead_id,) in run(
            "SELECT id FROM side.lead_search_content WHERE id NOT IN (SELECT id FROM main.lead)"
        )
    ]
    # The first use of the index on this connection: it reads the new structure.
    refresh_search(connection, sorted(set(others) | set(gone)))
    run("DELETE FROM main.bulk_deferred WHERE name = ?", (SIDE_RECORD,))


def _fresh_engine(engine: Engine, side: Path) -> Engine:
    """An engine whose one connection is new, with the side file attached as ``side``."""

    def configure(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        dbapi_connection.execute("PRAGMA foreign_keys = ON")
        dbapi_connection.execute("ATTACH DATABASE ? AS side", (str(side),))

    fresh = create_engine(engine.url, poolclass=NullPool, hide_parameters=True)
    event.listen(fresh, "connect", configure)
    event.listen(fresh, "begin", lambda connection: connection.exec_driver_sql("BEGIN IMMEDIATE"))
    return fresh


def rebuild_missing(connection: Connection, side_file: str) -> None:
    """Recover from an import that died with a side file: index every lead the index lacks.

    Runs in the caller's write transaction (the restore of what the import
    deferred); the side file is removed when it is the one the import made.
    """
    missing = [
        int(lead_id)
        for (lead_id,) in connection.exec_driver_sql(
            "SELECT id FROM lead WHERE id NOT IN (SELECT rowid FROM lead_search) ORDER BY id"
        )
    ]
    for start in range(0, len(missing), _REBUILD_BATCH):
        refresh_search(connection, missing[start : start + _REBUILD_BATCH])
    path = Path(side_file)
    database = connection.engine.url.database
    store = Path(database) if database else None
    if store is not None and path.parent == store.parent and path.name.startswith(_prefix(store)):
        with suppress(OSError):  # a leftover scratch file must not stop the store opening
            path.unlink(missing_ok=True)


def _prefix(store: Path) -> str:
    """How the names of a store's side files begin (hidden, beside it)."""
    return f".{store.name}."


@contextmanager
def searched_beside(
    engine: Engine, side_file: Path | None, *, moved: Callable[[], None]
) -> Iterator[SideSearch | None]:
    """Around an import's chunks: a :class:`SideSearch` when ``side_file``, moved in at the end.

    Whatever ends the import, what reached the side file is moved into the
    store, and ``moved`` is called. If the side process or the move failed,
    the record stays in ``bulk_deferred`` and the restore that follows (or
    the next open of the store) rebuilds the missing documents from the
    leads instead.
    """
    if side_file is None:
        yield None
        return
    side = SideSearch(engine, side_file)
    try:
        yield side
    finally:
        # On failure the record stays: the restore rebuilds the documents from the leads.
        if side.close():
            with suppress(SQLAlchemyError, sqlite3.Error, OSError, RuntimeError):
                move_into_store(engine, side_file)
                moved()
