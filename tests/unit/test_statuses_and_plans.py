"""The six statuses and the three plans, exactly as the product spec names them."""

from __future__ import annotations

import pytest

from cockpit_tui.domain.plans import Plan, parse_plan
from cockpit_tui.domain.statuses import STATUS_ORDER, Status, parse_status, status_label


def test_six_statuses_in_design_order_with_stable_codes() -> None:
    assert [status.value for status in STATUS_ORDER] == [
        "new",
        "negotiating",
        "awaiting_visit",
        "visited",
        "sold",
        "lost",
    ]
    assert [status_label(status) for status in STATUS_ORDER] == [
        "Nova proposta",
        "Em negociação",
        "Aguardando visita",
        "Visita realizada",
        "Vendidos",
        "Não vendidos",
    ]
    assert [status_label(status, "en") for status in STATUS_ORDER] == [
        "New proposal",
        "Negotiating",
        "Awaiting visit",
        "Visit done",
        "Sold",
        "Not sold",
    ]


def test_neighbours_and_positions() -> None:
    assert Status.NEW.previous() is None
    assert Status.NEW.next() is Status.NEGOTIATING
    assert Status.LOST.next() is None
    assert Status.SOLD.previous() is Status.VISITED
    assert [status.position for status in STATUS_ORDER] == [1, 2, 3, 4, 5, 6]
    assert {status for status in STATUS_ORDER if status.is_closed} == {Status.SOLD, Status.LOST}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lost", Status.LOST),
        ("LOST", Status.LOST),
        ("6", Status.LOST),
        ("nao vendidos", Status.LOST),
        ("Não vendidos", Status.LOST),
        ("not sold", Status.LOST),
        ("awaiting-visit", Status.AWAITING_VISIT),
        ("  em negociacao ", Status.NEGOTIATING),
        ("Visit done", Status.VISITED),
        ("7", None),
        ("", None),
        ("vendido", None),
    ],
)
def test_parse_status_accepts_codes_numbers_and_labels(text: str, expected: Status | None) -> None:
    assert parse_status(text) is expected


def test_plans_unlock_list_view_and_video_call() -> None:
    assert [plan.value for plan in Plan] == ["crm", "smart", "smart-plus"]
    assert [plan.label for plan in Plan] == ["CRM", "CRM Smart", "CRM +Smart"]
    assert [plan.has_list_view for plan in Plan] == [False, True, True]
    assert [plan.has_video_call for plan in Plan] == [False, False, True]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("crm", Plan.CRM),
        ("smart", Plan.SMART),
        ("smart-plus", Plan.SMART_PLUS),
        ("smart_plus", Plan.SMART_PLUS),
        ("CRM +Smart", Plan.SMART_PLUS),
        ("crm smart", Plan.SMART),
        ("gold", None),
    ],
)
def test_parse_plan(text: str, expected: Plan | None) -> None:
    assert parse_plan(text) is expected
