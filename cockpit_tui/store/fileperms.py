"""Creating the SQLite file owner-only (0600) before SQLite touches it."""

from __future__ import annotations

import os
from pathlib import Path


def ensure_private_file(path: Path) -> None:
    """Create ``path`` (and its folder, 0700) with mode 0600 if it does not exist yet.

    SQLite creates its ``-wal`` and ``-shm`` files with the permissions of the
    main file, so creating the main file first is enough. An existing file is
    left as it is: the owner may have chosen other permissions on purpose.
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)
