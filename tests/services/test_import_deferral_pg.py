"""An import into a small PostgreSQL store builds the lead's and search's indexes after its rows.

The PostgreSQL side of ``test_import_deferral.py``: while the indexes are
missing, another board reads every landed row right (counts, order, search);
whatever ends the import (its end, a failed chunk, a killed process), the
store ends up with exactly the indexes of a store that never imported.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from cockpit_tui.domain.filters import LeadFilter
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import open_services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.store.handle import open_store
from cockpit_tui.store.import_deferral import KEPT_INDEXES
from tests.conftest import _pg_schema_url
from tests.import_files import SMALL_CHUNK, fail_in_second_chunk, lead_file

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A new PostgreSQL store's URL (skipped without COCKPIT_TEST_PG_URL)."""
    yield from _pg_schema_url()


def _schema(engine: Engine) -> dict[str, object]:
    """The store's indexes (name and definition), and what is still deferred."""
    with engine.connect() as connection:
        indexes = connection.exec_driver_sql(
            "SELECT indexname, indexdef FROM pg_indexes "
            "WHERE schemaname = current_schema() ORDER BY indexname"
        ).all()
        deferred = connection.exec_driver_sql("SELECT name FROM bulk_deferred").all()
    return {"indexes": [tuple(row) for row in indexes], "deferred": deferred}


def _names(engine: Engine) -> set[str]:
    return {str(name) for name, _sql in _schema(engine)["indexes"]}  # type: ignore[attr-defined]


@pytest.fixture
def untouched(pg_url: str) -> dict[str, object]:
    """The schema of the store before anything was imported."""
    store = open_store(pg_url)
    try:
        return _schema(store.engine)
    finally:
        store.close()


def test_a_board_reads_every_landed_row_while_the_indexes_wait_for_the_import_to_end(
    pg_url: str, tmp_path: Path, clock: FrozenClock, small_chunks: int, untouched: dict[str, object]
) -> None:
    importing = open_services(pg_url, actor="Ana", clock=clock)
    board_services = open_services(pg_url, actor="Bruno", clock=clock)
    board = board_services.board
    seen: list[int] = []

    def landed(done: int, _total: int) -> None:
        names = _names(importing.store.engine)
        assert "ix_lead_board" not in names
        assert "ix_lead_search_trgm" not in names
        assert names >= KEPT_INDEXES, "the chunks' own lookups keep their indexes"
        assert board.counts()[Status.NEW] == done
        order = [card.id for card in board.leads_in_board_order(Status.NEW)]
        assert order == list(range(done, 0, -1))
        scope = board.scope(LeadFilter(search=f"q{done - 1:03}x"))
        assert scope is not None
        found = board.first_pages(scope, limit=5)[Status.NEW]
        assert [card.id for card in found.cards] == [done]
        seen.append(done)

    try:
        summary = importing.intake.import_file(
            lead_file(tmp_path / "a.csv", 20), on_progress=landed
        )
        assert summary.imported == 20
        assert seen == [7, 14, 20]
        assert _schema(importing.store.engine) == untouched
        assert board.counts()[Status.NEW] == 20
    finally:
        importing.close()
        board_services.close()


def test_a_store_holding_more_leads_than_the_file_keeps_its_indexes(
    pg_url: str, tmp_path: Path, clock: FrozenClock, small_chunks: int, untouched: dict[str, object]
) -> None:
    services = open_services(pg_url, actor="Ana", clock=clock)
    try:
        services.intake.import_file(lead_file(tmp_path / "a.csv", 20))
        during: list[dict[str, object]] = []
        summary = services.intake.import_file(
            lead_file(tmp_path / "b.csv", 10, first=20),
            on_progress=lambda _done, _total: during.append(_schema(services.store.engine)),
        )
    finally:
        services.close()
    assert summary.imported == 10
    assert during == [untouched, untouched]


def test_a_failed_import_still_builds_the_indexes(
    pg_url: str,
    tmp_path: Path,
    clock: FrozenClock,
    small_chunks: int,
    untouched: dict[str, object],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fail_in_second_chunk(monkeypatch)
    services = open_services(pg_url, actor="Ana", clock=clock)
    try:
        with pytest.raises(OSError, match="disk gone"):
            services.intake.import_file(lead_file(tmp_path / "a.csv", 20))
        assert services.board.counts()[Status.NEW] == SMALL_CHUNK, "one whole chunk"
        assert _schema(services.store.engine) == untouched
    finally:
        services.close()


def test_opening_the_store_builds_what_a_killed_import_left_deferred(
    pg_url: str, untouched: dict[str, object]
) -> None:
    from cockpit_tui.store.import_deferral_pg import _defer, _own

    store = open_store(pg_url)
    try:
        importer = store.engine.connect()  # the importing process's own connection
        assert _own(importer)
        assert _defer(store.engine, rows=100, kept=KEPT_INDEXES, owner=importer)
        open_store(pg_url).close()
        assert "ix_lead_search_trgm" not in _names(store.engine)
        assert _schema(store.engine)["deferred"], "left to the import still running"

        importer.invalidate()  # the process is killed: the server ends its session
        importer.close()
        open_store(pg_url).close()
        assert _schema(store.engine) == untouched
    finally:
        store.close()
