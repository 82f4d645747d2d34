"""The report's read connections: one snapshot for all, whatever is written meanwhile."""

from __future__ import annotations

from cockpit_tui.domain.models import LeadCreate
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.store.bulk import insert_leads
from cockpit_tui.store.reader import StoreReader
from cockpit_tui.store.report_snapshot import report_snapshot
from tests.conftest import tick


def _add_lead(services: Services, clock: FrozenClock, name: str) -> None:
    spec = LeadCreate(name=name, created_at=tick(clock, 1))
    insert_leads(services.store.engine, [spec], actor="Ana", now=clock.now())


def _leads(reader: StoreReader) -> int:
    row = reader.fetchone("SELECT COUNT(*) FROM lead")
    assert row is not None
    return int(row[0])


def test_readers_keep_the_snapshot_they_began_on(services: Services, clock: FrozenClock) -> None:
    _add_lead(services, clock, "Antes")
    with report_snapshot(services.store.reader, connections=2) as readers:
        _add_lead(services, clock, "Durante")  # committed while the report reads
        assert [_leads(reader) for reader in readers] == [1, 1]
        assert _leads(services.store.reader) == 2
    with report_snapshot(services.store.reader, connections=2) as readers:
        assert [_leads(reader) for reader in readers] == [2, 2]
