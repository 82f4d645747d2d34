"""One source however it is spelled: "Telefone", "telefone", "TELEFONE" count, filter and
list as one, shown as first recorded. SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

from cockpit_tui.domain.filters import LeadFilter
from cockpit_tui.domain.reports import PeriodName, named_period
from cockpit_tui.domain.sources import source_key, tidy_source
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from tests.conftest import tick


def _leads(services: Services, clock: FrozenClock) -> dict[str, int]:
    at = clock.now() - timedelta(hours=2)
    ids = {}
    for name, source in (
        ("Ana", "Telefone"),
        ("Bia", "OLX"),
        ("Caio", "telefone"),
        ("Davi", "TELEFONE"),
        ("Edu", "Indicação"),
        ("Fabi", "indicacao"),
    ):
        ids[name] = services.leads.add(name=name, source=source, at=at).id
    for name in ("Ana", "Caio", "Davi"):
        tick(clock, 3)
        services.leads.add_note(ids[name], "liguei")
    return ids


def test_the_report_counts_a_source_once_under_its_first_spelling(
    services: Services, clock: FrozenClock
) -> None:
    _leads(services, clock)
    report = services.reports.report(named_period(PeriodName.TODAY, services.reports.today()))
    by_source = {line.name: line for line in report.by_source}
    assert set(by_source) == {"Telefone", "OLX", "Indicação"}
    phone = by_source["Telefone"]
    assert phone.arrived == 3
    # Its answers are those of all three spellings together: here, every answer there is.
    mine, everyone = phone.first_response, report.first_response
    assert mine.median_minutes is not None
    assert mine.median_minutes == everyone.median_minutes
    assert mine.p90_minutes == everyone.p90_minutes
    assert mine.unanswered == 0
    assert by_source["Indicação"].arrived == 2


def test_filters_and_source_lists_fold_spellings(services: Services, clock: FrozenClock) -> None:
    ids = _leads(services, clock)
    assert services.board.sources() == ["Indicação", "OLX", "Telefone"]
    assert services.entry.sources().count("Telefone") == 1
    where = services.board.scope(LeadFilter(source="telefone"))
    kept = {
        card.id
        for status in Status
        for card in services.board.cards_at(status, offset=0, limit=100, where=where)
    }
    assert kept == {ids["Ana"], ids["Caio"], ids["Davi"]}


def test_sources_are_recorded_tidy_and_keyed_without_case_or_accents() -> None:
    assert tidy_source("  Web   motors ") == "Web motors"
    assert tidy_source("   ") is None
    assert source_key("Indicação") == source_key(" INDICACAO ") == "indicacao"
