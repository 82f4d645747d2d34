"""Online, consistent copies of a store while it is in use."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.store.fileperms import private_partial
from cockpit_tui.store.urls import StoreUrl

#: Called with (pages copied, total pages) as a SQLite backup goes on.
ProgressCallback = Callable[[int, int], None]
_PAGES_PER_STEP = 256


def backup_sqlite_file(
    source: Path, destination: Path, *, on_progress: ProgressCallback | None = None
) -> None:
    """Copy a live SQLite database with the online backup API.

    Writers may go on during the copy; the copy is a consistent snapshot.
    It is written to a new owner-only temporary file beside the destination,
    checked in full (``PRAGMA integrity_check``) and only then renamed into
    place: a failed or damaged copy never replaces an existing one.

    Raises:
        CockpitError: the copy cannot be written, or the store is damaged
            (the store is then marked so that writes stop).
    """
    from cockpit_tui.store.integrity import check_sqlite_file, mark_corrupt

    if destination.resolve() == source.resolve():
        raise CockpitError("error.backup_same_file")
    if not source.is_file():
        raise CockpitError("error.store_not_a_file", path=str(source))
    try:
        partial = private_partial(destination)
    except OSError as error:
        raise CockpitError("error.cannot_write", path=str(destination.parent)) from error
    try:
        with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(partial)) as dst:

            def progress(_status: int, remaining: int, total: int) -> None:
                if on_progress is not None:
                    on_progress(total - remaining, total)

            src.backup(dst, pages=_PAGES_PER_STEP, progress=progress)
        problems = check_sqlite_file(partial)
        if problems:
            mark_corrupt(source)
            raise CockpitError("error.backup_corrupt", path=str(source))
        os.replace(partial, destination)
    except (sqlite3.Error, OSError) as error:
        from cockpit_tui.store.failures import explain_failure, is_corruption

        if is_corruption(error):
            mark_corrupt(source)
            raise CockpitError("error.backup_corrupt", path=str(source)) from error
        raise explain_failure(error, store=str(destination)) or CockpitError(
            "error.backup_failed", reason=type(error).__name__
        ) from error
    finally:
        for leftover in ("", "-wal", "-shm", "-journal"):
            Path(f"{partial}{leftover}").unlink(missing_ok=True)


def backup_store(
    store_url: StoreUrl,
    destination: Path,
    *,
    overwrite: bool = False,
    on_progress: ProgressCallback | None = None,
) -> None:
    """Write a consistent copy of the store to ``destination``.

    SQLite stores are copied with the backup API; PostgreSQL stores with
    ``pg_dump`` in its custom format (restore with ``pg_restore``), the
    password passed in pg_dump's environment, never on its command line.

    Args:
        store_url: The store.
        destination: The file to write (owner-only, 0600).
        overwrite: Replace an existing file (otherwise refused).
        on_progress: Called with (pages copied, total pages) for SQLite.

    Raises:
        CockpitError: the destination exists or cannot be written, the store
            is damaged, or ``pg_dump`` is missing or fails.
    """
    if destination.is_dir():
        raise CockpitError("error.backup_destination_is_dir", path=str(destination))
    if destination.parent.exists() and not destination.parent.is_dir():
        raise CockpitError("error.not_a_folder", path=str(destination.parent))
    if not destination.parent.is_dir():
        raise CockpitError("error.backup_no_folder", path=str(destination.parent))
    if (destination.exists() or destination.is_symlink()) and not overwrite:
        raise CockpitError("error.backup_exists", path=str(destination))
    if store_url.is_sqlite:
        assert store_url.sqlite_path is not None
        if not store_url.sqlite_path.exists():
            raise CockpitError("error.store_missing", path=str(store_url.sqlite_path))
        backup_sqlite_file(store_url.sqlite_path, destination, on_progress=on_progress)
        return
    _pg_dump(store_url, destination)


def _pg_dump(store_url: StoreUrl, destination: Path) -> None:
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise CockpitError("error.pg_dump_missing")
    assert store_url.pg_conninfo is not None
    conninfo, password = pg_conninfo_without_password(store_url.pg_conninfo.split("?", 1)[0])
    environment = dict(os.environ)
    if password is not None:
        environment["PGPASSWORD"] = password  # readable by this user only (/proc/PID/environ)
    try:
        partial = private_partial(destination)
    except OSError as error:
        raise CockpitError("error.cannot_write", path=str(destination.parent)) from error
    try:
        command = [pg_dump, "--format=custom", f"--file={partial}"]
        if store_url.pg_schema:
            command.append(f"--schema={store_url.pg_schema}")
        command.append(f"--dbname={conninfo}")
        result = subprocess.run(command, capture_output=True, check=False, env=environment)
        if result.returncode != 0:
            raise CockpitError("error.backup_failed", reason="pg_dump")
        os.replace(partial, destination)
    finally:
        partial.unlink(missing_ok=True)


def pg_conninfo_without_password(conninfo: str) -> tuple[str, str | None]:
    """A libpq URL without its password, and the password (percent-decoded), if any."""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(conninfo)
    if parts.password is None:
        return conninfo, None
    user = f"{parts.username}@" if parts.username else ""
    host = parts.netloc.rsplit("@", 1)[1]
    return parts._replace(netloc=user + host).geturl(), unquote(parts.password)
