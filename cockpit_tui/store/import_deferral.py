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
transaction when the import ends, whether it finished or failed. Meanwhile
every read stays correct: the board's queries read the table instead of an
index (slower: a scan per read while the rows land), the search index is
complete after every chunk, and the indexes the chunk's own lookups use are
kept. A crash mid-import leaves the records behind: the next open of the
store restores them (:func:`restore_if_abandoned`) once the importing process
is gone.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine

from cockpit_tui.store.engine import write_connection

#: Indexes an import's chunk reads through (its matching by customer and external id).
KEPT_INDEXES = frozenset({"ix_lead_customer", "ix_lead_external_id"})
#: The search index's automatic merging, as FTS5 names the setting, and its default.
_AUTOMERGE, _DEFAULT_AUTOMERGE = "automerge", 4


@contextmanager
def deferred_while_importing(engine: Engine, *, rows: int) -> Iterator[None]:
    """Around a whole import of ``rows`` rows: defer what pays to defer, restore it after.

    On PostgreSQL, :mod:`cockpit_tui.store.import_deferral_pg` does the same.
    """
    if engine.dialect.name == "postgresql":
        from cockpit_tui.store import import_deferral_pg

        with import_deferral_pg.deferred_while_importing(engine, rows=rows, kept=KEPT_INDEXES):
            yield
        return
    deferred = defer_for_import(engine, rows=rows)
    try:
        yield
    finally:
        if deferred:
            restore_deferred(engine)


def defer_for_import(engine: Engine, *, rows: int) -> bool:
    """Drop the lead's secondary indexes and pause the search index's merging, if it pays.

    It pays on SQLite when the store holds no more leads than the file has
    rows, and no other import has deferred them already. Returns whether it
    deferred anything.
    """
    if engine.dialect.name != "sqlite" or rows <= 0:
        return False
    with write_connection(engine) as connection:
        if connection.exec_driver_sql("SELECT 1 FROM bulk_deferred LIMIT 1").first():
            return False  # another import's, running or abandoned: theirs to restore
        leads = connection.exec_driver_sql("SELECT COUNT(*) FROM lead").scalar_one()
        if int(leads) > rows:
            return False
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
    return True


def restore_deferred(engine: Engine) -> None:
    """Build the dropped indexes, resume the merging, and forget the records (one transaction)."""
    with engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert driver is not None
        cache = driver.execute("PRAGMA cache_size").fetchone()[0]
        # Room for the sorts of the index builds (64 MiB, as the chunks' writes have).
        driver.execute("PRAGMA cache_size = -65536")
        try:
            with connection.begin():
                _restore(connection)
        finally:
            driver.execute(f"PRAGMA cache_size = {int(cache)}")


def _restore(connection: Connection) -> None:
    for (restore,) in connection.exec_driver_sql(
        "SELECT restore FROM bulk_deferred ORDER BY name"
    ).all():
        connection.exec_driver_sql(str(restore))
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
