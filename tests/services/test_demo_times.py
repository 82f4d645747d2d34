"""The demo store's times: plausible hours for a dealership, and a response-time story."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cockpit_tui.domain.business_hours import DEFAULT_BUSINESS_HOURS, parse_business_hours
from cockpit_tui.domain.business_time import BusinessCalendar, SlaState
from cockpit_tui.domain.models import Direction, LeadCreate
from cockpit_tui.services import open_services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.demo import DEMO_TEAM, load_demo_leads, seed_demo_store
from tests.conftest import NOW

SAO_PAULO = ZoneInfo("America/Sao_Paulo")
OPENING = BusinessCalendar(
    parse_business_hours(DEFAULT_BUSINESS_HOURS), SAO_PAULO, lambda year: frozenset()
)
SLA_MINUTES = 5


def customer_times(leads: list[LeadCreate]) -> list[datetime]:
    return [lead.created_at for lead in leads] + [
        message.at for lead in leads for message in lead.messages
    ]


def is_open(instant: datetime) -> bool:
    return OPENING.seconds_between(instant, instant + timedelta(minutes=1)) > 0


#: A Friday 09:00, a Sunday 15:00 and a Tuesday 03:00 in São Paulo.
OPENINGS = (NOW, datetime(2026, 11, 29, 18, 0, tzinfo=UTC), datetime(2026, 12, 1, 6, 0, tzinfo=UTC))


@pytest.mark.parametrize("now", OPENINGS)
def test_customers_write_at_plausible_hours_whenever_the_demo_opens(now: datetime) -> None:
    times = customer_times(load_demo_leads(now))
    local_hours = Counter(instant.astimezone(SAO_PAULO).hour for instant in times)
    assert all(7 <= hour <= 20 for hour in local_hours), local_hours
    inside = sum(1 for instant in times if is_open(instant))
    assert inside / len(times) >= 0.6, "mostly inside opening hours"
    assert inside < len(times), "some evenings and weekends too"
    assert all(instant <= now for instant in times)


def test_appointments_fall_on_the_half_hour_inside_opening_hours() -> None:
    visits = [lead.next_appointment[1] for lead in load_demo_leads(NOW) if lead.next_appointment]
    assert visits
    for at in visits:
        assert at.astimezone(SAO_PAULO).minute in (0, 30)
        assert is_open(at - timedelta(minutes=1)) or is_open(at)


def test_the_demo_has_leads_answered_in_time_late_and_waiting() -> None:
    leads = load_demo_leads(NOW)
    clocks = OPENING.at(NOW)
    waiting: Counter[SlaState] = Counter()
    answered: Counter[str] = Counter()
    for lead in leads:
        replies = [m.at for m in lead.messages if m.direction is Direction.OUTBOUND]
        if replies:
            took = OPENING.seconds_between(lead.created_at, min(replies))
            answered["in time" if took < SLA_MINUTES * 60 else "late"] += 1
        elif lead.acted_at is None and lead.status.value == "new":
            waiting[clocks.sla_state(lead.created_at, minutes=SLA_MINUTES)] += 1
    assert answered["in time"] >= 10
    assert answered["late"] >= 10
    assert waiting[SlaState.OK] >= 2
    assert waiting[SlaState.DUE_SOON] >= 1
    assert waiting[SlaState.BREACHED] >= 3


def test_the_demo_store_has_its_team(tmp_path: Path) -> None:
    services = open_services(
        f"sqlite:///{tmp_path / 'demo.sqlite'}", actor="ana", clock=FrozenClock(NOW)
    )
    try:
        assert seed_demo_store(services.store, clock=FrozenClock(NOW)) == 155
        assert services.team.members() == sorted(DEMO_TEAM)
        assert services.team.on_duty() == []
    finally:
        services.close()
