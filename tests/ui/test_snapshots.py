"""SVG snapshots of the board and the lead screen on the demo store (frozen clock, São Paulo)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest

from cockpit_tui.domain.models import AppointmentKind
from cockpit_tui.domain.plans import Plan
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.ui.customer_rights import CustomerRights
from cockpit_tui.ui.screens.lead import LeadScreen
from tests.conftest import tick
from tests.ui.conftest import (
    board,
    board_mounted,
    make_app,
    notices,
    press,
    shown_counts,
    wait_until,
)


@pytest.mark.parametrize("size", [(160, 45), (100, 30)])
def test_board_snapshot(snap_compare: Any, demo_services: Services, size: tuple[int, int]) -> None:
    expected = demo_services.board.counts()

    async def counts_loaded(pilot: Any) -> None:
        await board_mounted(pilot)
        await wait_until(pilot, lambda: shown_counts(pilot.app) == expected)
        await wait_until(pilot, lambda: board(pilot.app).next_mark.settled)

    assert snap_compare(make_app(demo_services), terminal_size=size, run_before=counts_loaded)


def test_board_snapshot_after_a_move_and_selection(
    snap_compare: Any, demo_services: Services
) -> None:
    """The selected card in another column, a move's notice, the picker closed."""

    async def move_one(pilot: Any) -> None:
        await board_mounted(pilot)
        await press(pilot, "j", "shift+right")
        await wait_until(pilot, lambda: any("Movido" in n for n in notices(pilot.app)))
        await wait_until(pilot, lambda: board(pilot.app).next_mark.settled)

    assert snap_compare(make_app(demo_services), terminal_size=(100, 30), run_before=move_one)


@pytest.fixture
def long_conversation(demo_services: Services, clock: FrozenClock) -> int:
    """A lead with a long back-and-forth, an appointment, a note and a move."""
    customer = [
        "Boa tarde! O Corolla XEi 2022 ainda está disponível?",
        "Qual a quilometragem? Tem manual e chave reserva?",
        "Aceita meu Onix 2019 na troca?",
        "Consegue fazer 48x com 30 mil de entrada?",
        "Posso levar para um mecânico de confiança avaliar antes?",
        "Fechado, vou passar aí amanhã às 14h com a minha esposa.",
    ]
    replies = [
        "Boa tarde! Está sim, revisado e com garantia de fábrica.",
        "42 mil km, manual e chave reserva, todas as revisões na concessionária.",
        "Aceitamos! Traga o Onix para avaliação, normalmente sai na hora.",
        "Consigo simular em 48x; a parcela fica em torno de R$ 2.390,00.",
        "Claro, pode trazer. Separo o carro para vocês.",
    ]
    card = demo_services.leads.add(
        name="Patrícia Gomes",
        phone="(11) 99876-5432",
        email="patricia.gomes@example.com",
        vehicle="Toyota Corolla XEi 2.0 2022",
        price=Decimal("139900"),
        source="Webmotors",
        message=customer[0],
    )
    for question, answer in zip(customer[1:], replies, strict=True):
        tick(clock, 7)
        demo_services.leads.reply(card.id, answer)
        tick(clock, 11)
        demo_services.leads.record_inbound(card.id, question)
    tick(clock, 3)
    demo_services.leads.reply(card.id, "Perfeito, Patrícia! Amanhã às 14h, procure por mim.")
    demo_services.leads.move(card.id, Status.AWAITING_VISIT)
    demo_services.appointments.schedule(
        card.id, AppointmentKind.VISIT, clock.now() + timedelta(days=1), plan=Plan.SMART_PLUS
    )
    demo_services.leads.add_note(card.id, "Cliente quer avaliar o Onix 2019 na troca.")
    tick(clock, 20)
    demo_services.leads.record_inbound(card.id, "Pode separar também o tapete original?")
    return card.id


@pytest.mark.parametrize("size", [(160, 45), (100, 30)])
def test_lead_screen_snapshot(
    snap_compare: Any, demo_services: Services, long_conversation: int, size: tuple[int, int]
) -> None:
    async def open_the_lead(pilot: Any) -> None:
        await board_mounted(pilot)
        screen = pilot.app.screen
        await wait_until(pilot, lambda: screen.selected_card is not None)
        screen.select_lead(long_conversation)
        await press(pilot, "enter")
        await wait_until(
            pilot,
            lambda: (
                isinstance(pilot.app.screen, LeadScreen) and pilot.app.screen.detail is not None
            ),
        )
        rights = pilot.app.screen.query_one(CustomerRights)
        await wait_until(pilot, lambda: rights.customer is not None)  # its own read
        await pilot.pause()

    assert snap_compare(make_app(demo_services), terminal_size=size, run_before=open_the_lead)


@pytest.mark.parametrize("size", [(160, 45), (100, 30)])
def test_list_view_snapshot(
    snap_compare: Any, demo_services: Services, size: tuple[int, int]
) -> None:
    """The demo store (CRM +Smart) as a list, filtered to Em negociação and sorted by price."""

    async def list_by_price(pilot: Any) -> None:
        await board_mounted(pilot)
        await press(pilot, "v")
        await wait_until(pilot, lambda: pilot.app.screen.view == "list")
        await press(pilot, "2", "s", "s", "s", "s", "j")
        await pilot.pause()

    assert snap_compare(make_app(demo_services), terminal_size=size, run_before=list_by_price)
