"""Online backup of the open store."""

from __future__ import annotations

from pathlib import Path

from cockpit_tui.store.backup import ProgressCallback, backup_store
from cockpit_tui.store.handle import Store


def backup(
    store: Store,
    destination: Path,
    *,
    overwrite: bool = False,
    on_progress: ProgressCallback | None = None,
) -> Path:
    """Write a consistent, checked copy of the store to ``destination`` while others keep working.

    Args:
        store: The open store.
        destination: The file to write.
        overwrite: Replace an existing file (otherwise refused).
        on_progress: Progress of the copy.

    Returns:
        The path written.
    """
    backup_store(store.url, destination, overwrite=overwrite, on_progress=on_progress)
    return destination


def check(store: Store) -> list[str] | None:
    """Check the whole store file (SQLite ``integrity_check``); clears the damage mark when sound.

    Returns:
        The problems found (empty: sound), or None for a PostgreSQL store
        (the server checks its own pages).
    """
    from cockpit_tui.store.integrity import check_store_file

    if not store.url.is_sqlite or store.url.sqlite_path is None:
        return None
    return check_store_file(store.url.sqlite_path)
