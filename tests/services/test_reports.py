"""The manager's report: every figure equals the plain-Python oracle on a generated store.

The store holds a few thousand leads over six weeks, some arriving a second
either side of midnight in São Paulo (03:00 UTC), leads without a source or a
salesperson, moves (some undone), sales with the lead reassigned after the
sale, recorded and unrecorded lost reasons, a reopened negotiation and first
responses on both sides of the SLA. SQLite and PostgreSQL.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from cockpit_tui.domain.models import LeadCreate, LostReason
from cockpit_tui.domain.reports import PeriodName, ReportPeriod, named_period
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services, open_services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.report_document import report_csv, report_document
from cockpit_tui.services.reports import walks_indexes
from cockpit_tui.store.report_sql import lead_id_high_mark
from tests.conftest import NOW
from tests.services.report_oracle import expected_document

SOURCES = ("Webmotors", "OLX", "WhatsApp", "site da loja", None)
TEAM = ("Ana", "Bruno", "Carla", None)
#: Local midnight in São Paulo is 03:00 UTC: these leads straddle it.
MIDNIGHT_UTC = datetime(2026, 11, 20, 3, 0, tzinfo=NOW.tzinfo)


def _specs(rng: random.Random, count: int) -> list[LeadCreate]:
    specs = []
    for index in range(count):
        created = NOW - timedelta(minutes=rng.randint(1, 42 * 24 * 60))
        if index < 20:  # one second before or at local midnight
            created = MIDNIGHT_UTC - timedelta(seconds=1 if index % 2 else 0)
        specs.append(
            LeadCreate(
                name=f"Cliente {index}",
                created_at=created,
                vehicle="Onix",
                price=None if index % 17 == 0 else Decimal(rng.randint(400, 1500) * 100),
                source=rng.choice(SOURCES),
                status=rng.choice(list(Status)),
                assigned_to=rng.choice(TEAM),
            )
        )
    return specs


def _history(services: Services, clock: FrozenClock, rng: random.Random) -> None:
    """Moves, undos, reassignments, outcomes and a reopened negotiation, through the services."""
    from cockpit_tui.store.bulk import insert_leads

    insert_leads(services.store.engine, _specs(rng, 2500), actor="gen", now=NOW)
    # The history happens in the last days, leads arrived in the last 3 days.
    clock.at = NOW - timedelta(days=3)
    recent = services.store.reader.fetchall(
        "SELECT id FROM lead WHERE status = 'new' ORDER BY id LIMIT 90"
    )
    for position, (lead_id,) in enumerate(recent):
        clock.at += timedelta(minutes=7)
        lead_id = int(lead_id)
        services.leads.assign(lead_id, TEAM[position % 3])
        services.leads.move(lead_id, Status.NEGOTIATING)
        if position % 5 == 0:
            services.leads.undo_last_move()  # back to new: negotiating not reached
            continue
        if position % 3 == 0:
            services.leads.move(lead_id, Status.SOLD)
            if position % 2 == 0:
                services.outcomes.record_sale(
                    lead_id, price=Decimal("99999.99"), payment_method=None, trade_in=None
                )
            clock.at += timedelta(minutes=1)
            services.leads.assign(lead_id, "Bruno")  # reassigned after the sale
        elif position % 3 == 1:
            services.leads.move(lead_id, Status.LOST)
            if position % 2 == 1:
                services.outcomes.record_loss(lead_id, reason=LostReason.PRICE, note=None)
    sold = services.store.reader.fetchone(
        "SELECT id FROM lead WHERE status = 'sold' ORDER BY id DESC LIMIT 1"
    )
    assert sold is not None
    services.leads.new_negotiation(int(sold[0]))  # a reopened negotiation arrives now
    with services.store.engine.begin() as connection:
        ids = [row[0] for row in connection.exec_driver_sql("SELECT id FROM lead")]
        for lead_id in ids:
            if rng.random() < 0.7:
                seconds = rng.choice((300, 301, rng.randint(1, 7200)))
                connection.exec_driver_sql(
                    "UPDATE lead SET first_response_seconds = "
                    f"{int(seconds)} WHERE id = {int(lead_id)}"
                )
    clock.at = NOW


@pytest.fixture
def generated(store_url: str, clock: FrozenClock) -> Iterator[Services]:
    """Services on a generated store of 2,500 leads with a history."""
    services = open_services(store_url, actor="Ana", clock=clock)
    try:
        _history(services, clock, random.Random(16))
        yield services
    finally:
        services.close()


def _document(services: Services, period: ReportPeriod) -> dict[str, Any]:
    return report_document(services.reports.report(period), timezone="America/Sao_Paulo")


def test_every_figure_equals_the_independent_computation(generated: Services) -> None:
    today = generated.reports.today()
    periods = [named_period(name, today) for name in PeriodName]
    periods.append(ReportPeriod(date(2026, 11, 19), date(2026, 11, 20)))  # across the midnight
    periods.append(ReportPeriod(date(2026, 10, 1), date(2026, 10, 2)))  # before any lead
    for period in periods:
        expected = expected_document(generated, period.first, period.last, now=NOW)
        assert _document(generated, period) == expected, period
    _the_store_exercises_every_rule(generated)
    _a_lead_counts_on_its_local_day(generated)
    _csv_is_utf8_with_a_bom_and_one_table_per_section(generated)


def _the_store_exercises_every_rule(generated: Services) -> None:
    """The edge cases the oracle is meant to check are really in the 30-day report."""
    report = generated.reports.report(named_period(PeriodName.DAYS_30, generated.reports.today()))
    today = generated.reports.report(named_period(PeriodName.TODAY, generated.reports.today()))
    high_mark = lead_id_high_mark(generated.store.reader)
    # Both ways of reading the percentiles are compared with the oracle above.
    assert walks_indexes(report.arrived, high_mark)
    assert not walks_indexes(today.arrived, high_mark)
    assert today.first_response.answered > 0
    assert report.arrived > 1000
    assert any(line.name is None for line in report.by_source)
    assert any(line.name is None for line in report.by_salesperson)
    assert report.lost_reasons.get("price", 0) > 0
    assert report.lost_reasons["unrecorded"] > 0
    assert 0 < report.first_response.within_sla < report.first_response.answered
    # The leads sold by Ana and Carla went to Bruno after the sale: the sales stay theirs.
    ana = next(line for line in report.by_salesperson if line.name == "Ana")
    carla = next(line for line in report.by_salesperson if line.name == "Carla")
    assert ana.sales_total > 0
    assert carla.sold > 0


def _a_lead_counts_on_its_local_day(generated: Services) -> None:
    """Leads at 02:59:59 UTC belong to the 19th in São Paulo, at 03:00:00 to the 20th."""
    both = generated.reports.report(ReportPeriod(date(2026, 11, 19), date(2026, 11, 20)))
    before = generated.reports.report(ReportPeriod(date(2026, 11, 19), date(2026, 11, 19)))
    after = generated.reports.report(ReportPeriod(date(2026, 11, 20), date(2026, 11, 20)))
    assert [day.arrived for day in both.daily] == [before.arrived, after.arrived]
    assert before.arrived >= 10
    assert after.arrived >= 10


def test_undone_moves_do_not_count_as_reached(services: Services, clock: FrozenClock) -> None:
    card = services.leads.add(name="Paula", source="OLX")
    services.leads.move(card.id, Status.NEGOTIATING)
    services.leads.undo_last_move()
    report = services.reports.report(
        ReportPeriod(services.reports.today(), services.reports.today())
    )
    assert report.arrived == 1
    assert report.reached[Status.NEW] == 1
    assert report.reached[Status.NEGOTIATING] == 0


def _csv_is_utf8_with_a_bom_and_one_table_per_section(generated: Services) -> None:
    report = generated.reports.report(named_period(PeriodName.DAYS_7, generated.reports.today()))
    data = report_csv(report, timezone="America/Sao_Paulo").encode("utf-8-sig")
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    sections = [line for line in text.splitlines() if line.startswith("# ")]
    assert sections == [
        "# summary",
        "# funnel",
        "# by_source",
        "# by_salesperson",
        "# lost_reasons",
        "# daily",
        "# pipeline",
    ]
    assert "site da loja" in text
