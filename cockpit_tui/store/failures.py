"""What a database or file-system failure means for the user, as a :class:`CockpitError`.

The store's drivers fail with their own exceptions (sqlite3's result codes,
psycopg's connection errors, the OS's errno). :func:`explain_failure` turns
the ones a user can act on into one sentence of the catalog, so the CLI and
the board say what happened and what to do instead of showing a traceback.
Nothing here imports SQLAlchemy or psycopg: they are recognised only when
already loaded.
"""

from __future__ import annotations

import errno
import sqlite3
import sys

from cockpit_tui.domain.errors import CockpitError, StoreUnavailableError

# SQLite primary result codes (the low byte of an extended code).
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 11, 13, 14
_SQLITE_NOTADB = 26

_BY_SQLITE_CODE = {
    _SQLITE_BUSY: "error.store_busy",
    _SQLITE_LOCKED: "error.store_busy",
    _SQLITE_READONLY: "error.store_read_only",
    _SQLITE_PERM: "error.store_read_only",
    _SQLITE_IOERR: "error.store_io",
    _SQLITE_CORRUPT: "error.store_corrupt",
    _SQLITE_NOTADB: "error.store_corrupt",
    _SQLITE_FULL: "error.disk_full",
    _SQLITE_CANTOPEN: "error.store_cannot_open",
}
_BY_ERRNO = {
    errno.ENOSPC: "error.disk_full",
    errno.EDQUOT: "error.disk_full",
    errno.EROFS: "error.cannot_write",
    errno.EACCES: "error.cannot_write",
    errno.EPERM: "error.cannot_write",
    errno.ENOTDIR: "error.not_a_folder",
    errno.EISDIR: "error.is_a_folder",
    errno.ENOENT: "error.no_such_path",
}


class StoreCorruptError(StoreUnavailableError):
    """The store's file is damaged: writes stop until it is checked or restored."""

    message_id = "error.store_corrupt"


def is_corruption(error: BaseException) -> bool:
    """Whether ``error`` (or the driver error inside it) says the database file is damaged."""
    code = _sqlite_code(error)
    return code in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def explain_failure(error: BaseException, *, store: str = "") -> CockpitError | None:
    """The user's sentence for a driver or OS failure, or None when it is a bug.

    Args:
        error: What was raised.
        store: The store's file or redacted URL, named in the sentence.
    """
    if isinstance(error, CockpitError):
        return error
    code = _sqlite_code(error)
    if code is not None and code in _BY_SQLITE_CODE:
        return StoreUnavailableError(_BY_SQLITE_CODE[code], path=store)
    if _is_lost_connection(error):
        return StoreUnavailableError("error.store_connection_lost", path=store)
    if isinstance(error, OSError):
        message_id = _BY_ERRNO.get(error.errno or 0, "error.os_failure")
        path = error.filename if error.filename is not None else store
        return CockpitError(message_id, path=str(path), reason=error.strerror or "")
    if isinstance(error, OverflowError):
        return CockpitError("error.number_too_large")
    return None


def _driver_error(error: BaseException) -> BaseException:
    """The DB-API error inside SQLAlchemy's wrapper, or ``error`` itself."""
    return getattr(error, "orig", None) or error


def _sqlite_code(error: BaseException) -> int | None:
    inner = _driver_error(error)
    if not isinstance(inner, sqlite3.Error):
        return None
    code = getattr(inner, "sqlite_errorcode", None)
    if code is None:
        return _SQLITE_CORRUPT if "malformed" in str(inner) else None
    return int(code) & 0xFF


def _is_lost_connection(error: BaseException) -> bool:
    inner = _driver_error(error)
    psycopg = sys.modules.get("psycopg")
    if psycopg is not None and isinstance(inner, psycopg.OperationalError | psycopg.InterfaceError):
        return True
    sqlalchemy_exc = sys.modules.get("sqlalchemy.exc")
    return bool(
        sqlalchemy_exc is not None
        and isinstance(error, sqlalchemy_exc.DBAPIError)
        and error.connection_invalidated
    )
