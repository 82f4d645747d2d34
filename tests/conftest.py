"""Shared fixtures: a fresh store per test, on SQLite and (when available) PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from cockpit_tui.services import Services, open_services
from cockpit_tui.services.clock import FrozenClock

# CI replays the same examples every run, so a landing never hinges on luck;
# local runs keep exploring new ones.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

#: The suite's "now": a Friday morning in São Paulo (12:00 UTC = 09:00 -03:00).
NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
PG_URL = os.environ.get("COCKPIT_TEST_PG_URL")
PG_SKIP_REASON = (
    "PostgreSQL not available: set COCKPIT_TEST_PG_URL (scripts/with-postgres.sh does, "
    "and .ci/run uses it)"
)


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the developer's real store or preferences."""
    monkeypatch.setenv("COCKPIT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("COCKPIT_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("COCKPIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("COCKPIT_DB", raising=False)
    monkeypatch.delenv("COCKPIT_LANG", raising=False)
    monkeypatch.delenv("COCKPIT_USER", raising=False)


@pytest.fixture
def clock() -> FrozenClock:
    """A clock frozen at :data:`NOW`; tests move it by hand."""
    return FrozenClock(NOW)


def tick(clock: FrozenClock, minutes: float = 1) -> datetime:
    """Move a frozen clock forward and return the new now."""
    clock.at = clock.at + timedelta(minutes=minutes)
    return clock.at


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """URL of a new SQLite file."""
    return f"sqlite:///{tmp_path / 'store.sqlite'}"


def _pg_schema_url() -> Iterator[str]:
    if not PG_URL:
        pytest.skip(PG_SKIP_REASON)
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    conninfo = PG_URL.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{separator}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(conninfo, autocommit=True) as connection:
            connection.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, sqlite_url: str) -> Iterator[str]:
    """A new, empty store's URL, once per backend."""
    if request.param == "sqlite":
        yield sqlite_url
    else:
        yield from _pg_schema_url()


@pytest.fixture
def services(store_url: str, clock: FrozenClock) -> Iterator[Services]:
    """Services on a new store, as salesperson "Ana", with the frozen clock."""
    opened = open_services(store_url, actor="Ana", clock=clock)
    yield opened
    opened.close()


def services_for(url: str, actor: str, clock: FrozenClock) -> Services:
    """Another salesperson's services on the same store."""
    return open_services(url, actor=actor, clock=clock)


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> int:
    """Imports write chunks of a few rows (:data:`tests.import_files.SMALL_CHUNK`)."""
    from tests.import_files import SMALL_CHUNK

    monkeypatch.setattr("cockpit_tui.services.intake.CHUNK_ROWS", SMALL_CHUNK)
    return SMALL_CHUNK
