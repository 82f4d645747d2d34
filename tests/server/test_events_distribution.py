"""Leads arriving through ``POST /api/v1/events`` are distributed in turn (issue 15)."""

from __future__ import annotations

import json

from cockpit_tui.domain.models import Assignment
from cockpit_tui.services import Services
from tests.server.conftest import RunningServer


async def test_leads_posted_to_the_event_api_are_distributed_in_turn(
    server: RunningServer, services: Services, observer: Services, api_token: str
) -> None:
    services.settings.set_value("distribution", "round-robin")
    for name in ("Bianca Lima", "Carla Mendes"):
        services.team.add(name)
        services.team.start_duty(name)
    events = [
        {
            "event": "lead.created",
            "id": f"evt-{number}",
            "lead": {"name": f"Cliente {number}", "phone": f"(11) 9{number:04d}-{number:04d}"},
        }
        for number in range(1, 5)
    ]
    headers = {"Authorization": f"Bearer {api_token}", "Content-Type": "application/x-ndjson"}
    body = "\n".join(json.dumps(event) for event in events) + "\n"
    async with server.http.post(
        f"{server.base}/api/v1/events", data=body.encode(), headers=headers
    ) as response:
        assert response.status == 200
    cards = sorted(observer.board.leads_in_board_order(), key=lambda card: card.id)
    assert [card.assigned_to for card in cards] == [
        "Bianca Lima",
        "Carla Mendes",
        "Bianca Lima",
        "Carla Mendes",
    ]
    history = observer.leads.detail(cards[0].id).history
    reasons = [entry.item.reason for entry in history if isinstance(entry.item, Assignment)]
    assert reasons == ["round-robin"]
