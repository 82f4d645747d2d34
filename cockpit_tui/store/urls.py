"""Database URLs: which backend a URL names and how to reach it without the ORM."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.domain.records import Record, set_field


class StoreUrl(Record):
    """A parsed store URL.

    Attributes:
        url: The SQLAlchemy URL as given.
        backend: "sqlite" or "postgresql".
        sqlite_path: The database file, for SQLite.
        pg_conninfo: A libpq URL (no driver suffix), for PostgreSQL.
        pg_schema: The ``search_path`` schema asked for in the URL, if any.
    """

    __slots__ = ("backend", "pg_conninfo", "pg_schema", "sqlite_path", "url")
    url: str
    backend: str
    sqlite_path: Path | None
    pg_conninfo: str | None
    pg_schema: str | None

    def __init__(
        self,
        url: str,
        backend: str,
        sqlite_path: Path | None = None,
        pg_conninfo: str | None = None,
        pg_schema: str | None = None,
    ) -> None:
        set_field(self, "url", url)
        set_field(self, "backend", backend)
        set_field(self, "sqlite_path", sqlite_path)
        set_field(self, "pg_conninfo", pg_conninfo)
        set_field(self, "pg_schema", pg_schema)

    @property
    def is_sqlite(self) -> bool:
        """True for a SQLite file."""
        return self.backend == "sqlite"

    def describe(self) -> str:
        """How messages name this store: its file, or its URL without the password."""
        return str(self.sqlite_path) if self.sqlite_path is not None else _redact(self.url)


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy URL of a SQLite file."""
    return f"sqlite:///{path}"


def parse_store_url(url: str) -> StoreUrl:
    """Parse a SQLAlchemy URL of a supported backend.

    Raises:
        CockpitError: ``error.bad_db_url`` for anything but a SQLite file or a
            PostgreSQL server (in-memory SQLite cannot be shared, so it is refused).
    """
    scheme, _, rest = url.partition("://")
    driverless = scheme.split("+", 1)[0]
    if driverless == "sqlite":
        raw_path = rest[1:] if rest.startswith("/") else ""
        raw_path = raw_path.split("?", 1)[0]
        if not raw_path or raw_path == ":memory:":
            raise CockpitError("error.bad_db_url", url=_redact(url))
        return StoreUrl(url=url, backend="sqlite", sqlite_path=Path(os.path.expanduser(raw_path)))
    if driverless in ("postgresql", "postgres"):
        try:
            parts = urlsplit(url)
            _ = parts.port  # a port that is not a number is only found here
        except ValueError as error:  # "Invalid IPv6 URL", a bad port…
            raise CockpitError("error.bad_db_url", url=_redact(url)) from error
        query = dict(parse_qsl(parts.query))
        schema = None
        options = query.get("options", "")
        if options.startswith("-csearch_path="):
            schema = options.removeprefix("-csearch_path=")
        conninfo = "postgresql://" + rest
        return StoreUrl(url=url, backend="postgresql", pg_conninfo=conninfo, pg_schema=schema)
    raise CockpitError("error.bad_db_url", url=_redact(url))


def describe_store(url: str) -> str:
    """How messages name a store: its file for SQLite, else the URL without its password."""
    scheme, _, rest = url.partition("://")
    if scheme.split("+", 1)[0] == "sqlite" and rest.startswith("/"):
        return os.path.expanduser(rest[1:].split("?", 1)[0])
    return _redact(url)


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        # Unparseable: keep the scheme and the host part after any credentials.
        scheme, _, rest = url.partition("://")
        return f"{scheme}://{rest.rsplit('@', 1)[-1]}" if "@" in rest else url
    if password:
        netloc = parts.netloc.replace(f":{password}@", ":***@")
        return parts._replace(netloc=netloc).geturl()
    return url
