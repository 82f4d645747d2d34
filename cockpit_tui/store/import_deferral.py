"""What an import into a small store puts off until its rows are in (SQLite; PostgreSQL: _pg).

Inserting a lead keeps eleven secondary indexes; when a file brings at least
as many leads as the store holds, building those indexes once after the
rows (a sort each) costs a fraction of keeping them row by row. FTS5 merges
the search index's segments as they are written (each document rewritten
two or three times over an import); paused, it merges only when sixteen
segments pile up on a level, which keeps searches quick.

:func:`defer_for_import` drops the indexes and pauses the merging in one
transaction that also records, in ``bulk_deferred``, the statement that
restores each; :func:`restore_deferred` runs them and forgets them in one
transaction when the import ends, whether it finished or failed (before its
side search index moves in: :meth:`Deferred.build_indexes`; the move forgets
its own record). Meanwhile every
read stays correct: the board's queries read the table instead of an index
(slower: a scan per read while the rows land), the search index is
complete after every chunk (except for a big file: its rows' index is built
beside the store and searched when the import ends, see
:mod:`cockpit_tui.store.side_search`), and the indexes the chunk's own lookups
use are kept. A crash mid-import leaves the records behind: the next open of
the store restores them (:func:`restore_if_abandoned`) once the importing
process is gone.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine

from cockpit_tui.store.checkpointer import left_to_checkpointer
from cockpit_tui.store.engine import write_connection
from cockpit_tui.store.side_search import SIDE_RECORD, plan_side_search, rebuild_missing

#: Indexes an import's chunk reads through (its matching by customer and external id).
KEPT_INDEXES = frozenset({"ix_lead_customer", "ix_lead_external_id"})
#: The search index's automatic merging, as FTS5 names the setting, and its default.
_AUTOMERGE, _DEFAULT_AUTOMERGE = "automerge", 4


@dataclass
class Deferred:
    """What an import put off (:func:`deferred_while_importing`) and has not restored yet.

    Attributes:
        engine: The store's engine.
        side_file: The file the search index is built in, if that pays
            (:mod:`cockpit_tui.store.side_search`), until it moves in.
        indexes: Whether the indexes wait for :meth:`build_indexes` (this
            import dropped them and they are not built yet).
    """

    engine: Engine
    side_file: Path | None = None
    indexes: bool = False

    @property
    def left(self) -> bool:
        """Whether records of this import's are still in ``bulk_deferred``, to restore."""
        return self.indexes or self.side_file is not None

    def build_indexes(self) -> None:
        """Build the indexes and resume the merging now; the side search index stays deferred.

        The end of an import calls it before the side search's index moves in,
        so the build runs while the side process indexes the last chunks. What
        is left, the side search's record, goes when the move succeeds
        (:meth:`side_moved`), or with the restore of
        :func:`deferred_while_importing`'s end.
        """
        if self.indexes:
            restore_deferred(self.engine, keep_side=True)
            self.indexes = False  # only once built: a failed build is the end's to restore

    def side_moved(self) -> None:
        """The side search index moved into the store, its record with it."""
        self.side_file = None


@contextmanager
def deferred_while_importing(engine: Engine, *, rows: int) -> Iterator[Deferred]:
    """Around a whole import of ``rows`` rows: defer what pays to defer, restore it after.

    Yields what was deferred, with the side file the search index is to be
    built in (:mod:`cockpit_tui.store.side_search`), when that pays. On
    PostgreSQL, :mod:`cockpit_tui.store.import_deferral_pg` defers the indexes
    (no side file; they are built when this ends).

    At the end, the restore runs only if some of this import's records are
    left: once they are all gone (indexes built, side index moved in), it
    would be one more write transaction for nothing, waiting on other
    writers, and the records it found could be another import's, deferred
    since (an import defers only when ``bulk_deferred`` is empty).
    """
    if engine.dialect.name == "postgresql":
        from cockpit_tui.store import import_deferral_pg

        with import_deferral_pg.deferred_while_importing(engine, rows=rows, kept=KEPT_INDEXES):
            yield Deferred(engine)
        return
    indexes, side_file = _defer(engine, rows=rows, side_search=True)
    deferred = Deferred(engine, side_file, indexes=indexes)
    try:
        yield deferred
    finally:
        if deferred.left:  # all of it, or what build_indexes left: a side index not moved in
            restore_deferred(engine)


def defer_for_import(engine: Engine, *, rows: int) -> bool:
    """Drop the lead's secondary indexes and pause the search index's merging, if it pays.

    It pays on SQLite when the store holds no more leads than the file has
    rows, and no other import has deferred them already. Returns whether it
    deferred anything.
    """
    return _defer(engine, rows=rows, side_search=False)[0]


def _defer(engine: Engine, *, rows: int, side_search: bool) -> tuple[bool, Path | None]:
    """:func:`defer_for_import`, and the side search file when ``side_search`` and it pays."""
    if engine.dialect.name != "sqlite" or rows <= 0:
        return False, None
    with write_connection(engine) as connection:
        if connection.exec_driver_sql("SELECT 1 FROM bulk_deferred LIMIT 1").first():
            return False, None  # another import's, running or abandoned: theirs to restore
        leads = connection.exec_driver_sql("SELECT COUNT(*) FROM lead").scalar_one()
        if int(leads) > rows:
            return False, None
        indexes = [
            (str(name), str(sql))
            for name, sql in connection.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                "AND tbl_name = 'lead' AND sql IS NOT NULL ORDER BY name"
            )
            if name not in KEPT_INDEXES
        ]
        automerge = connection.exec_driver_sql(
            "SELECT v FROM lead_search_config WHERE k = ?", (_AUTOMERGE,)
        ).scalar()
        restores = [
            (name, sql.replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", 1))
            for name, sql in indexes
        ]
        restores.append((f"lead_search.{_AUTOMERGE}", _set_search(_AUTOMERGE, automerge)))
        connection.exec_driver_sql(
            "INSERT INTO bulk_deferred (name, restore, owner_pid) VALUES (?, ?, ?)",
            [(name, restore, os.getpid()) for name, restore in restores],
        )
        for name, _sql in indexes:
            connection.exec_driver_sql(f"DROP INDEX {name}")
        connection.exec_driver_sql(_set_search(_AUTOMERGE, 0))
        side_file = plan_side_search(connection, rows=rows) if side_search else None
    return True, side_file


def restore_deferred(engine: Engine, *, keep_side: bool = False) -> None:
    """Build the dropped indexes, resume the merging, and forget the records (one transaction).

    A side search index not moved in is rebuilt from the leads, unless
    ``keep_side`` (its import is still to move it in: its record stays).
    """
    with engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert driver is not None
        cache = driver.execute("PRAGMA cache_size").fetchone()[0]
        # Room for the sorts of the index builds (64 MiB, as the chunks' writes have).
        driver.execute("PRAGMA cache_size = -65536")
        try:
            with left_to_checkpointer(engine, driver), connection.begin():
                _restore(connection, keep_side=keep_side)
        finally:
            driver.execute(f"PRAGMA cache_size = {int(cache)}")


def _restore(connection: Connection, *, keep_side: bool) -> None:
    records = connection.exec_driver_sql("SELECT name, restore FROM bulk_deferred ORDER BY name")
    restores = [(str(name), str(restore)) for name, restore in records]
    for name, restore in restores:
        if name == SIDE_RECORD and not keep_side:  # the import did not move its index in
            rebuild_missing(connection, restore)
    for name, restore in restores:
        if name != SIDE_RECORD:
            connection.exec_driver_sql(restore)
    if keep_side:
        connection.exec_driver_sql("DELETE FROM bulk_deferred WHERE name != ?", (SIDE_RECORD,))
    else:
        connection.exec_driver_sql("DELETE FROM bulk_deferred")


def abandoned_owner(owner_pid: int) -> bool:
    """Whether the process that deferred the work is gone (a crashed or killed import)."""
    if owner_pid == os.getpid():
        return False
    try:
        os.kill(owner_pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # alive, another user's
    return False


def restore_if_abandoned(engine: Engine, owner_pid: int) -> None:
    """On opening a store: restore what a crashed import deferred (nothing if it still runs)."""
    if engine.dialect.name == "postgresql":  # the owner is known by its advisory lock
        from cockpit_tui.store import import_deferral_pg

        import_deferral_pg.restore_if_abandoned(engine)
        return
    if abandoned_owner(owner_pid):
        restore_deferred(engine)


def _set_search(setting: str, value: object) -> str:
    """The statement setting one of the FTS5 search index's options (its default when None)."""
    number = _DEFAULT_AUTOMERGE if value is None else int(str(value))
    return f"INSERT INTO lead_search (lead_search, rank) VALUES ('{setting}', {number})"
