"""Online, consistent copies of a store while it is in use."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.store.fileperms import ensure_private_file
from cockpit_tui.store.urls import StoreUrl

#: Called with (pages copied, total pages) as a SQLite backup goes on.
ProgressCallback = Callable[[int, int], None]
_PAGES_PER_STEP = 256


def backup_sqlite_file(
    source: Path, destination: Path, *, on_progress: ProgressCallback | None = None
) -> None:
    """Copy a live SQLite database with the online backup API.

    Writers may go on during the copy; the copy is a consistent snapshot.
    The destination is written to a temporary file first and renamed into
    place, so a failed backup never leaves a half-written file.
    """
    if destination.resolve() == source.resolve():
        raise CockpitError("error.backup_same_file")
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    ensure_private_file(partial)
    try:
        with sqlite3.connect(source) as src, sqlite3.connect(partial) as dst:

            def progress(_status: int, remaining: int, total: int) -> None:
                if on_progress is not None:
                    on_progress(total - remaining, total)

            src.backup(dst, pages=_PAGES_PER_STEP, progress=progress)
        dst.close()
        src.close()
        os.replace(partial, destination)
    except (sqlite3.Error, OSError) as error:
        partial.unlink(missing_ok=True)
        raise CockpitError("error.backup_failed", reason=type(error).__name__) from error


def backup_store(
    store_url: StoreUrl, destination: Path, *, on_progress: ProgressCallback | None = None
) -> None:
    """Write a consistent copy of the store to ``destination``.

    SQLite stores are copied with the backup API; PostgreSQL stores with
    ``pg_dump`` in its custom format (restore with ``pg_restore``).

    Raises:
        CockpitError: the destination cannot be written, or ``pg_dump`` is missing.
    """
    if destination.is_dir():
        raise CockpitError("error.backup_destination_is_dir", path=str(destination))
    if not destination.parent.exists():
        raise CockpitError("error.backup_no_folder", path=str(destination.parent))
    if store_url.is_sqlite:
        assert store_url.sqlite_path is not None
        if not store_url.sqlite_path.exists():
            raise CockpitError("error.store_missing", path=str(store_url.sqlite_path))
        backup_sqlite_file(store_url.sqlite_path, destination, on_progress=on_progress)
        return
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise CockpitError("error.pg_dump_missing")
    assert store_url.pg_conninfo is not None
    command = [pg_dump, "--format=custom", f"--file={destination}"]
    if store_url.pg_schema:
        command.append(f"--schema={store_url.pg_schema}")
    command.append(f"--dbname={store_url.pg_conninfo.split('?', 1)[0]}")
    result = subprocess.run(command, capture_output=True, check=False)
    if result.returncode != 0:
        raise CockpitError("error.backup_failed", reason="pg_dump")
