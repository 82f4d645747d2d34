"""Making erased text unrecoverable from a SQLite file, not just unreachable.

SQLite normally leaves deleted and overwritten bytes in free space inside
pages and on the freelist, and keeps old page images in the write-ahead log
until it is reused. An erasure therefore runs with ``secure_delete`` on (the
freed space of its own statements is zeroed, a cost paid only by the pages
it touches) and then truncates the write-ahead log. PostgreSQL keeps old row
versions until VACUUM reuses them; that is the database administrator's
schedule, said in the README.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session


@contextmanager
def overwriting_freed_space(session: Session) -> Iterator[None]:
    """Zero the space freed by the statements run inside (SQLite; nothing elsewhere)."""
    if session.get_bind().dialect.name != "sqlite":
        yield
        return
    # Some builds (Debian's) default to on; others (macOS, python.org) to off.
    previous = int(session.execute(text("PRAGMA secure_delete")).scalar_one())
    session.execute(text("PRAGMA secure_delete = ON"))
    try:
        yield
    finally:
        # The connection goes back to the pool: its other writes keep the build's default.
        session.execute(text(f"PRAGMA secure_delete = {previous}"))


def truncate_wal(engine: Engine) -> bool:
    """Copy the write-ahead log into the file and empty it (SQLite; True elsewhere).

    Returns:
        False when another connection still reads an older snapshot, so old
        page images stay in the log until it is checkpointed again.
    """
    if engine.dialect.name != "sqlite":
        return True
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        result = cursor.fetchone()  # (busy, log pages, pages copied)
        cursor.close()
    finally:
        raw.close()
    return result is not None and int(result[0]) == 0
