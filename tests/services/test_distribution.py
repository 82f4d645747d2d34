"""Duty, round-robin distribution of new leads, and the rescue of unanswered ones."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.models import Assignment, LeadCard
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.intake import IngestProblem
from cockpit_tui.services.rescue import RescueService
from tests.conftest import tick

TEAM = ("Bianca Lima", "Carla Mendes", "Diego Fernandes")


def lead_event(number: int, **lead: str) -> str:
    body = {"name": f"Cliente {number}", "phone": f"(11) 9{number:04d}-{number:04d}"} | lead
    return json.dumps({"event": "lead.created", "id": f"evt-{number}", "lead": body})


def ingest(services: Services, *lines: str) -> None:
    problems: list[IngestProblem] = []
    services.intake.ingest(lines, on_problem=problems.append)
    assert problems == []


def on_duty(services: Services, *names: str) -> None:
    for name in names:
        services.team.add(name)
        assert services.team.start_duty(name)


def all_cards(services: Services) -> list[LeadCard]:
    """Every lead of the (small) store, by id."""
    cards = []
    lead_id = 1
    while services.store.reader.card_row(lead_id) is not None:
        cards.append(services.leads.get(lead_id))
        lead_id += 1
    return cards


def owners(services: Services) -> Counter[str | None]:
    return Counter(card.assigned_to for card in all_cards(services))


def round_robin(services: Services) -> None:
    services.settings.set_value("distribution", "round-robin")


# -- duty -------------------------------------------------------------------------


def test_duty_is_for_team_members_and_ends_when_they_leave(services: Services) -> None:
    with pytest.raises(InvalidInputError) as refused:
        services.team.start_duty("Fulano")
    assert refused.value.message_id == "team.not_member"
    on_duty(services, "Carla Mendes", "Bianca Lima")
    assert not services.team.start_duty("Bianca Lima"), "already on duty"
    assert [member.name for member in services.team.on_duty()] == ["Carla Mendes", "Bianca Lima"]
    assert services.team.end_duty("Carla Mendes")
    assert not services.team.end_duty("Carla Mendes")
    services.team.remove("Bianca Lima")
    assert services.team.on_duty() == []


# -- round-robin --------------------------------------------------------------------


def test_ten_ingested_leads_go_five_to_each_of_two_on_duty(services: Services) -> None:
    round_robin(services)
    on_duty(services, "Bianca Lima", "Diego Fernandes")
    ingest(services, *(lead_event(n) for n in range(10)))
    cards = all_cards(services)
    assert Counter(card.assigned_to for card in cards) == {"Bianca Lima": 5, "Diego Fernandes": 5}
    # In turn: the first on duty gets the first lead, then they alternate.
    assert [card.assigned_to for card in sorted(cards, key=lambda c: c.id)][:3] == [
        "Bianca Lima",
        "Diego Fernandes",
        "Bianca Lima",
    ]
    history = services.leads.detail(cards[0].id).history
    given = [entry.item for entry in history if isinstance(entry.item, Assignment)]
    assert len(given) == 1
    assert given[0].reason == "round-robin"
    assert given[0].actor == "Ana"


def test_the_turn_goes_on_across_intake_runs_and_skips_who_left(services: Services) -> None:
    round_robin(services)
    on_duty(services, *TEAM)
    ingest(services, lead_event(1), lead_event(2))
    services.team.end_duty("Carla Mendes")
    ingest(services, lead_event(3), lead_event(4))
    assert [services.leads.get(n).assigned_to for n in range(1, 5)] == [
        "Bianca Lima",
        "Carla Mendes",
        "Diego Fernandes",
        "Bianca Lima",
    ]


def test_only_new_unassigned_leads_are_distributed(services: Services) -> None:
    ingest(services, lead_event(1))  # distribution off: stays unassigned
    round_robin(services)
    ingest(services, lead_event(2))  # nobody on duty: stays unassigned
    on_duty(services, "Bianca Lima")
    ingest(
        services,
        lead_event(3, salesperson="Rafael Souza"),  # already has a salesperson
        json.dumps({"event": "message.received", "id": "m-1", "lead_id": 1, "text": "Ainda tem?"}),
        lead_event(4),
    )
    assert [services.leads.get(n).assigned_to for n in range(1, 5)] == [
        None,
        None,
        "Rafael Souza",
        "Bianca Lima",
    ]


def test_an_imported_file_is_distributed_in_turn(services: Services, tmp_path: Path) -> None:
    round_robin(services)
    on_duty(services, *TEAM)
    rows = ["nome;telefone"] + [f"Cliente {n};(11) 98{n:03d}-1234" for n in range(7)]
    source = tmp_path / "leads.csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    summary = services.intake.import_file(source)
    assert summary.imported == 7
    assert owners(services) == {"Bianca Lima": 3, "Carla Mendes": 2, "Diego Fernandes": 2}


# -- rescue -------------------------------------------------------------------------


def rescue_of(services: Services, clock: FrozenClock) -> RescueService:
    return RescueService(services.store, actor="cron", clock=clock)


def test_an_unanswered_lead_is_rescued_once_after_rescue_minutes(
    services: Services, clock: FrozenClock
) -> None:
    round_robin(services)
    on_duty(services, "Bianca Lima", "Carla Mendes")
    ingest(services, lead_event(1), lead_event(2))  # 1 → Bianca, 2 → Carla
    services.leads.add_note(2, "Liguei, volta amanhã")  # Carla answered hers
    rescue = rescue_of(services, clock)
    tick(clock, 29)
    assert rescue.run() == []
    tick(clock, 1)
    done = rescue.run()
    assert [(r.lead_id, r.from_salesperson, r.to_salesperson) for r in done] == [
        (1, "Bianca Lima", "Carla Mendes")
    ]
    assert done[0].waited_seconds == 30 * 60
    assert rescue.run() == [], "the new salesperson gets the whole time again"
    tick(clock, 30)
    assert [(r.from_salesperson, r.to_salesperson) for r in rescue.run()] == [
        ("Carla Mendes", "Bianca Lima")
    ]
    history = services.leads.detail(1).history
    reasons = [entry.item.reason for entry in history if isinstance(entry.item, Assignment)]
    assert reasons == ["round-robin", "rescue", "rescue"]


def test_rescue_counts_business_time_only(services: Services, clock: FrozenClock) -> None:
    round_robin(services)
    on_duty(services, "Bianca Lima", "Carla Mendes")
    clock.at = clock.at.replace(hour=20, minute=50)  # 17:50 in São Paulo, a Friday
    ingest(services, lead_event(1))
    clock.at = clock.at.replace(day=28, hour=11, minute=19)  # Saturday 08:19: 10 + 19 min
    assert rescue_of(services, clock).run() == []
    tick(clock, 1)
    assert len(rescue_of(services, clock).run()) == 1


def test_the_only_one_on_duty_keeps_the_lead_and_nobody_on_duty_unassigns(
    services: Services, clock: FrozenClock
) -> None:
    round_robin(services)
    on_duty(services, "Bianca Lima")
    ingest(services, lead_event(1))
    tick(clock, 45)
    assert rescue_of(services, clock).run() == []
    assert services.leads.get(1).assigned_to == "Bianca Lima"
    services.team.end_duty("Bianca Lima")
    done = rescue_of(services, clock).run()
    assert [(r.from_salesperson, r.to_salesperson) for r in done] == [("Bianca Lima", None)]
    assert services.leads.get(1).assigned_to is None
    assert rescue_of(services, clock).run() == []


def test_rescue_is_off_without_round_robin_or_with_zero_minutes(
    services: Services, clock: FrozenClock
) -> None:
    on_duty(services, "Bianca Lima", "Carla Mendes")
    services.leads.add(name="Maria", phone="(11) 98765-4321")
    services.leads.assign(1, "Bianca Lima")
    tick(clock, 120)
    assert not rescue_of(services, clock).enabled()
    assert rescue_of(services, clock).run() == []
    round_robin(services)
    services.settings.set_value("rescue_minutes", "0")
    assert rescue_of(services, clock).run() == []
    services.settings.set_value("rescue_minutes", "60")
    assert [r.to_salesperson for r in rescue_of(services, clock).run()] == ["Carla Mendes"]
