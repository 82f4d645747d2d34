"""Online backup of the open store."""

from __future__ import annotations

from pathlib import Path

from cockpit_tui.store.backup import ProgressCallback, backup_store
from cockpit_tui.store.handle import Store


def backup(store: Store, destination: Path, *, on_progress: ProgressCallback | None = None) -> Path:
    """Write a consistent copy of the store to ``destination`` while others keep working.

    Returns:
        The path written.
    """
    backup_store(store.url, destination, on_progress=on_progress)
    return destination
