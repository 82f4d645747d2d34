"""Replies are never dropped for how their lead's id was written (issue 20, item 9).

A message names its lead's external id cleaned exactly as the stored lead's;
one that still matches no lead waits in the "sem lead" queue, listed by
``cockpit unmatched``, until a lead with that id or phone arrives.
"""

from __future__ import annotations

import json
import unicodedata

import pytest

from cockpit_tui.domain.events import IngestProblem
from cockpit_tui.services import Services


def _created(event_id: str, external_id: str, phone: str) -> str:
    lead = {"name": "Maria", "phone": phone, "external_id": external_id}
    return json.dumps({"event": "lead.created", "id": event_id, "lead": lead})


def _reply(event_id: str, **names: str) -> str:
    return json.dumps(
        {"event": "message.received", "id": event_id, "text": "Aceita troca?", **names}
    )


@pytest.mark.parametrize(
    ("stored", "named"),
    [
        ("wm-88213", "wm-88213 "),
        ("wm  88213", "wm 88213"),
        ("Conceição-1", unicodedata.normalize("NFD", "Conceição-1")),
        ("x" * 300, "x" * 300),
    ],
)
def test_a_reply_finds_its_lead_however_the_external_id_was_written(
    services: Services, stored: str, named: str
) -> None:
    problems: list[IngestProblem] = []
    counts = services.intake.ingest(
        [_created("e1", stored, "11987654321"), _reply("e2", lead_external_id=named)],
        on_problem=problems.append,
    )
    assert (counts, problems) == ((2, 0, 0), [])
    (card,) = services.board.leads_in_board_order(None)
    assert card.unread_count == 1
    assert services.intake.unmatched_messages() == []


def test_a_reply_before_its_lead_waits_in_the_queue_and_joins_the_lead_when_it_arrives(
    services: Services,
) -> None:
    unmatched: list[int] = []
    counts = services.intake.ingest(
        [_reply("r1", lead_external_id="olx-7"), _reply("r2", phone="(21) 98123-4567")],
        on_problem=print,
        on_unmatched=unmatched.append,
    )
    assert counts == (2, 0, 0)
    assert unmatched == [1, 2]
    queued = services.intake.unmatched_messages()
    assert [(m.external_id, m.phone, m.body) for m in queued] == [
        ("olx-7", None, "Aceita troca?"),
        (None, "+5521981234567", "Aceita troca?"),
    ]
    services.intake.ingest([_created("c1", "olx-7", "11987654321")], on_problem=print)
    (card,) = services.board.leads_in_board_order(None)
    assert card.unread_count == 1, "the queued reply joined its lead"
    assert [m.phone for m in services.intake.unmatched_messages()] == ["+5521981234567"]
    again = services.intake.ingest([_reply("r1", lead_external_id="olx-7")], on_problem=print)
    assert again == (0, 1, 0), "a queued event is remembered: feeding it twice changes nothing"
