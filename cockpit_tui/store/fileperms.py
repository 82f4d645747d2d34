"""Files cockpit writes: owner-only (0600, folders 0700), never through a planted symlink."""

from __future__ import annotations

import os
from pathlib import Path


def ensure_private_file(path: Path) -> None:
    """Create ``path`` (and its folder, 0700) with mode 0600 if it does not exist yet.

    SQLite creates its ``-wal`` and ``-shm`` files with the permissions of the
    main file, so creating the main file first is enough. An existing file is
    left as it is: the owner may have chosen other permissions on purpose.
    """
    private_folder(path.parent)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def private_folder(folder: Path) -> None:
    """Create ``folder`` (and its parents) owner-only (0700) if it does not exist yet."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)


def private_partial(final: Path) -> Path:
    """A new, empty, owner-only (0600) file beside ``final``, to be renamed onto it.

    Created exclusively under a random name, so a file or symlink planted at a
    predictable name is never followed or overwritten.

    Raises:
        OSError: the folder cannot be written.
    """
    import tempfile  # lazy: only writers need it

    fd, name = tempfile.mkstemp(dir=final.parent, prefix=f".{final.name}.", suffix=".partial")
    os.close(fd)
    return Path(name)


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, owner-only (0600), through a new temporary file.

    Raises:
        OSError: the folder cannot be created or written.
    """
    private_folder(path.parent)
    partial = private_partial(path)
    try:
        with partial.open("wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
