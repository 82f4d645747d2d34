"""Retention: customers idle past ``retention_months`` are anonymised (a frozen clock)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.statuses import STATUS_ORDER, Status
from cockpit_tui.services import Services
from cockpit_tui.services.audit import audit_records
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.retention import RetentionService, months_before
from tests.rights.conftest import customers_of

CUSTOMERS = 60


def generated_store(services: Services, clock: FrozenClock) -> set[int]:
    """Customers with one to three negotiations of random statuses and ages.

    Returns:
        The customers retention must anonymise at 12 months: every lead closed
        and the last activity of all of them before the cutoff.
    """
    rng = random.Random(19)
    start = clock.at
    cutoff = months_before(start, 12)
    expected = set()
    for number in range(CUSTOMERS):
        count = rng.randint(1, 3)
        ages = sorted((rng.randint(0, 800) for _ in range(count)), reverse=True)
        lead = None
        for position, age in enumerate(ages):
            clock.at = start - timedelta(days=age)
            last = position == count - 1
            status = rng.choice(STATUS_ORDER if last else (Status.SOLD, Status.LOST))
            if lead is None:
                lead = services.leads.add(name=f"Pessoa {number}", phone=f"11 9{number:04d}-0000")
            else:
                lead = services.leads.new_negotiation(lead.id)
            if status is not Status.NEW:
                services.leads.move(lead.id, status)
        assert lead is not None
        customer_id = lead.customer_id
        negotiations = customers_of(services).get(customer_id).negotiations
        closed = all(each.status.is_closed for each in negotiations)
        idle = all(each.last_activity_at < cutoff for each in negotiations)
        if closed and idle:
            expected.add(customer_id)
    clock.at = start
    return expected


def test_retention_anonymises_exactly_the_idle_closed_customers(
    services: Services, clock: FrozenClock
) -> None:
    due = generated_store(services, clock)
    assert 0 < len(due) < CUSTOMERS  # the generated store has both kinds
    retention = RetentionService(services.store, actor="Ana", clock=clock)
    with pytest.raises(InvalidInputError) as off:
        retention.run()
    assert off.value.message_id == "error.retention_off"
    services.settings.set_value("retention_months", "12")

    dry = retention.run(dry_run=True)
    assert (dry.due, dry.erased) == (len(due), 0)
    assert dry.inactive_before == months_before(clock.now(), 12)
    assert all(c.erased_at is None for c in map(customers_of(services).get, due))

    progress: list[tuple[int, int]] = []
    done = retention.run(on_progress=lambda *p: progress.append(p))
    assert (done.due, done.erased, done.skipped_in_flight) == (len(due), len(due), 0)
    assert progress[-1] == (len(due), len(due))
    customers = customers_of(services)
    all_ids = {card.customer_id for card in services.board.leads_in_board_order()}
    erased = {cid for cid in all_ids if customers.get(cid).erased_at is not None}
    assert erased == due
    assert all(customers.get(cid).name == f"Cliente removido #{cid}" for cid in due)

    again = retention.run()
    assert (again.due, again.erased) == (0, 0)
    runs = [(r.action, r.count, r.detail) for r in audit_records(services.store)]
    assert runs.count(("retention.run", len(due), "dry-run, 12 months")) == 1
    assert runs.count(("retention.run", len(due), "12 months")) == 1
    assert runs.count(("retention.run", 0, "12 months")) == 1
    assert [r for r in runs if r[0] == "customer.erase"] == [
        ("customer.erase", None, "retention")
    ] * len(due)


def test_a_customer_with_a_reply_awaiting_delivery_waits_for_the_next_run(
    services: Services, clock: FrozenClock
) -> None:
    clock.at = clock.at - timedelta(days=400)
    lead = services.leads.add(name="Pessoa", phone="11 91111-2222")
    services.leads.reply(lead.id, "Obrigado pela visita")
    services.leads.move(lead.id, Status.SOLD)
    clock.at = clock.at + timedelta(days=400)
    services.settings.set_value("retention_months", "6")
    result = RetentionService(services.store, actor="Ana", clock=clock).run()
    assert (result.due, result.erased, result.skipped_in_flight) == (1, 0, 1)


@pytest.mark.parametrize(
    ("instant", "months", "expected"),
    [
        (datetime(2026, 11, 27, 12, tzinfo=UTC), 12, datetime(2025, 11, 27, 12, tzinfo=UTC)),
        (datetime(2026, 3, 31, tzinfo=UTC), 1, datetime(2026, 2, 28, tzinfo=UTC)),
        (datetime(2026, 1, 15, tzinfo=UTC), 25, datetime(2023, 12, 15, tzinfo=UTC)),
    ],
)
def test_months_are_calendar_months(instant: datetime, months: int, expected: datetime) -> None:
    assert months_before(instant, months) == expected
