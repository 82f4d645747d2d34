"""A request's events in one transaction end exactly as `cockpit ingest` one by one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cockpit_tui.domain.events import IngestProblem
from cockpit_tui.services import Services, open_services
from cockpit_tui.services.clock import FrozenClock

EVENTS: list[Any] = [
    {
        "event": "lead.created",
        "id": "e1",
        "at": "2026-11-27T08:00:00-03:00",
        "lead": {
            "name": "Maria Souza",
            "phone": "(11) 98765-4321",
            "external_id": "wm-1",
            "vehicle": "Onix",
            "source": "Webmotors",
            "message": "Ainda tem?",
        },
    },
    {
        "event": "message.received",
        "id": "e2",
        "at": "2026-11-27T08:05:00-03:00",
        "phone": "+55 21 97777-0000",
        "text": "Vi o anúncio do HB20",
    },
    {
        "event": "lead.created",
        "id": "e3",
        "at": "2026-11-27T08:10:00-03:00",
        "lead": {
            "name": "Maria S.",
            "phone": "11 98765-4321",
            "source": "OLX",
            "message": "Aceita troca?",
        },
    },
    {
        "event": "lead.created",
        "id": "e4",
        "at": "2026-11-27T08:20:00-03:00",
        "lead": {
            "name": "João Lima",
            "phone": "(21) 97777-0000",
            "vehicle": "HB20",
            "source": "Site",
            "message": "Oi",
        },
    },
    {
        "event": "message.received",
        "id": "e5",
        "at": "2026-11-27T08:30:00-03:00",
        "lead_external_id": "wm-1",
        "text": "Posso ir amanhã?",
    },
    {"event": "lead.created", "id": "e1", "lead": {"name": "Repetida", "phone": "11 90000-0000"}},
    {"event": "lead.created", "id": "e6", "lead": {"name": "", "phone": "x"}},
    ["not", "an", "object"],
    {"event": "message.received", "id": "e5", "lead_external_id": "wm-1", "text": "de novo"},
]


def board(services: Services) -> list[tuple[str, str, int, list[str]]]:
    """Every lead as the board and the lead screen show it."""
    return [
        (
            card.customer_name,
            card.status.value,
            card.unread_count,
            [message.body for message in services.leads.conversation(card.id)],
        )
        for card in services.board.leads_in_board_order()
    ]


def test_one_batch_and_one_by_one_end_in_the_same_store(
    services: Services, clock: FrozenClock, tmp_path: Path
) -> None:
    outcomes = services.intake.apply_events(list(enumerate(EVENTS, start=1)))
    assert [o if isinstance(o, bool) else o.line for o in outcomes] == [
        True,
        True,
        True,
        True,
        True,
        False,
        7,
        8,
        False,
    ]
    assert all(isinstance(o, IngestProblem) for o in outcomes[6:8])
    one_by_one = open_services(f"sqlite:///{tmp_path / 'one.sqlite'}", actor="Ana", clock=clock)
    try:
        problems: list[IngestProblem] = []
        counts = one_by_one.intake.ingest(
            [json.dumps(event) for event in EVENTS], on_problem=problems.append
        )
        assert counts == (5, 2, 2)
        assert board(services) == board(one_by_one)
    finally:
        one_by_one.close()
    assert board(services) == [
        ("Maria Souza", "new", 2, ["Ainda tem?", "Aceita troca?", "Posso ir amanhã?"]),
        ("João Lima", "new", 1, ["Vi o anúncio do HB20", "Oi"]),
    ], "the second Maria joined the first; João's early message waited for his lead"
