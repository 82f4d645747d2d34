"""Damaged SQLite stores: the full check, and the mark that stops writes until it passes.

Once any connection meets SQLITE_CORRUPT, a file ``STORE.corrupt`` is put
beside the store; every later write transaction (in any process) refuses
with a sentence that says how to restore, instead of writing more into a
damaged file. ``cockpit check`` runs the full ``integrity_check`` and removes
the mark when the file is sound (after a restore, say).
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

from cockpit_tui.store.failures import StoreCorruptError

#: Problems listed at most by a check (a badly damaged file has thousands).
MAX_REPORTED = 20


def corrupt_mark(store_file: Path) -> Path:
    """Where the "this store is damaged" mark of ``store_file`` lives."""
    return store_file.with_name(store_file.name + ".corrupt")


def mark_corrupt(store_file: Path) -> None:
    """Stop writes to ``store_file`` until a check passes (best effort: never raises)."""
    try:
        fd = os.open(
            corrupt_mark(store_file), os.O_CREAT | os.O_WRONLY | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600
        )
        os.close(fd)
    except OSError:
        pass  # a read-only folder: the error itself still reaches the user


def refuse_if_marked(store_file: Path) -> None:
    """Raise before a write when ``store_file`` was found damaged.

    Raises:
        StoreCorruptError: the mark is there.
    """
    if corrupt_mark(store_file).exists():
        raise StoreCorruptError(path=str(store_file))


def check_sqlite_file(path: Path) -> list[str]:
    """Run SQLite's full ``integrity_check`` and ``foreign_key_check`` on ``path``.

    Returns:
        The problems found (at most :data:`MAX_REPORTED`); empty when the file is sound.
    """
    uri = f"file:{path}?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as connection:
            rows = connection.execute(f"PRAGMA integrity_check({MAX_REPORTED})").fetchall()
            problems = [str(row[0]) for row in rows if row[0] != "ok"]
            if not problems:
                for table, rowid, parent, _ in connection.execute("PRAGMA foreign_key_check"):
                    problems.append(f"{table} {rowid} → {parent}")
                    if len(problems) >= MAX_REPORTED:
                        break
    except sqlite3.DatabaseError as error:
        return [str(error)]
    return problems


def check_store_file(path: Path) -> list[str]:
    """Check ``path`` fully; remove its damage mark when it is sound, set it when not."""
    problems = check_sqlite_file(path)
    if problems:
        mark_corrupt(path)
    else:
        corrupt_mark(path).unlink(missing_ok=True)
    return problems
