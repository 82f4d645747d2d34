"""What an import into a small store puts off until its rows are in (PostgreSQL).

The PostgreSQL twin of :mod:`cockpit_tui.store.import_deferral`: the lead's
secondary indexes and the search documents' trigram index (a GIN index,
the costliest to keep row by row: 4.5-5.4 s of a 100,000-row import's
``COPY`` into it, against 3 s to build all of them once) are dropped
before the first chunk and built once after the last, when the file
brings at least as many leads as the store holds. ``bulk_deferred``
records the statement that builds each, in the transaction that drops them.

Who restores them is decided by a session-level advisory lock that the
importing process holds on a connection of its own for the whole import
(keyed by the store's schema, so stores sharing a database do not wait for
each other): the server releases it when that process ends in any way, so
opening the store afterwards finds it free and builds what a killed import
left (:func:`restore_if_abandoned`); while the import runs, it is taken and
nothing is touched.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine

from cockpit_tui.store.engine import write_connection

#: First key of the advisory lock an import deferring indexes holds (the second: its schema).
OWNER_LOCK = 0x636B_6466  # "ckdf"
_OWNER_KEYS = f"{OWNER_LOCK}, hashtext(current_schema())"
#: Longest the drop waits for the tables (another session's long statement): else no deferral.
_LOCK_TIMEOUT = "2s"


@contextmanager
def deferred_while_importing(engine: Engine, *, rows: int, kept: frozenset[str]) -> Iterator[None]:
    """Around a whole import of ``rows`` rows: defer the indexes if it pays, build them after.

    Args:
        engine: A PostgreSQL store's engine.
        rows: The file's rows.
        kept: Indexes the chunks' own lookups read through (never dropped).
    """
    if rows <= 0:
        yield
        return
    with engine.connect() as owner:
        if not _own(owner):
            yield  # another import of this store defers (or restores) now: leave it to it
            return
        try:
            deferred = _defer(engine, rows=rows, kept=kept, owner=owner)
            try:
                yield
            finally:
                if deferred:
                    restore_deferred(engine)
        finally:
            owner.exec_driver_sql(f"SELECT pg_advisory_unlock({_OWNER_KEYS})")
            owner.commit()


def restore_if_abandoned(engine: Engine) -> None:
    """On opening a store: build what an import deferred, unless that import still runs."""
    with engine.connect() as connection:
        if not _own(connection):
            return
        try:
            restore_deferred(engine)
        finally:
            connection.exec_driver_sql(f"SELECT pg_advisory_unlock({_OWNER_KEYS})")
            connection.commit()


def restore_deferred(engine: Engine) -> None:
    """Build the dropped indexes and forget the records, in one transaction."""
    with engine.begin() as connection:
        for (restore,) in connection.exec_driver_sql(
            "SELECT restore FROM bulk_deferred ORDER BY name"
        ).all():
            connection.exec_driver_sql(str(restore))
        connection.exec_driver_sql("DELETE FROM bulk_deferred")


def _own(connection: Connection) -> bool:
    """Take the owner's lock if free (a session lock: it outlives the transaction, ended here)."""
    taken = connection.exec_driver_sql(f"SELECT pg_try_advisory_lock({_OWNER_KEYS})").scalar()
    connection.commit()  # no transaction left open for the import's length
    return bool(taken)


def _defer(engine: Engine, *, rows: int, kept: frozenset[str], owner: Connection) -> bool:
    """Drop the indexes that pay to build after the rows; whether anything was deferred."""
    from sqlalchemy.exc import OperationalError

    pid = owner.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
    owner.commit()
    try:
        with write_connection(engine) as connection:
            connection.exec_driver_sql(f"SET LOCAL lock_timeout = '{_LOCK_TIMEOUT}'")
            if connection.exec_driver_sql("SELECT 1 FROM bulk_deferred LIMIT 1").first():
                return False  # a killed import's, not restored yet: the next open builds them
            leads = connection.exec_driver_sql("SELECT COUNT(*) FROM lead").scalar_one()
            if int(leads) > rows:
                return False
            indexes = [
                (str(name), str(sql))
                for name, sql in connection.exec_driver_sql(
                    "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i "
                    "JOIN pg_class c ON c.oid = i.indexrelid "
                    "WHERE i.indrelid IN ('lead'::regclass, 'lead_search'::regclass) "
                    "AND NOT i.indisunique ORDER BY c.relname"
                )
                if name not in kept
            ]
            if not indexes:
                return False
            connection.exec_driver_sql(
                "INSERT INTO bulk_deferred (name, restore, owner_pid) VALUES (%s, %s, %s)",
                [
                    (name, sql.replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", 1), pid)
                    for name, sql in indexes
                ],
            )
            for name, _sql in indexes:
                connection.exec_driver_sql(f'DROP INDEX "{name}"')
    except OperationalError:
        return False  # the tables were busy (lock_timeout): import with the indexes kept
    return True
