"""A colleague's change never moves the user's selection to another lead (issue 13, defect 2)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from cockpit_tui.domain.models import MoveResult
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services, open_services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.filtering import Where
from tests.conftest import tick
from tests.ui.conftest import (
    board,
    make_app,
    notices,
    press,
    selected_id,
    shown_counts,
    wait_until,
)


@pytest.fixture
def bianca(ui_url: str, clock: FrozenClock) -> Iterator[Services]:
    """A colleague's process on the same store."""
    services = open_services(ui_url, actor="Bianca", clock=clock)
    yield services
    services.close()


@pytest.fixture
def four_leads(ui_services: Services, clock: FrozenClock) -> list[int]:
    ids = []
    for name in ("Vanessa Fernandes", "Adriana Araújo", "Bruno Reis", "Carla Dias"):
        tick(clock)
        ids.append(ui_services.leads.add(name=name, vehicle="Fiat Argo").id)
    return ids


@pytest.mark.parametrize("size", [(160, 45), (80, 24)], ids=["160x45", "80x24"])
async def test_a_colleagues_move_keeps_the_lead_selected_and_says_who_moved_it_where(
    ui_services: Services, bianca: Services, four_leads: list[int], size: tuple[int, int]
) -> None:
    adriana = four_leads[1]
    app = make_app(ui_services)
    async with app.run_test(size=size) as pilot:
        await press(pilot, "1", "j", "j")  # Carla, Bruno, Adriana
        assert selected_id(app) == adriana
        bianca.leads.move(adriana, Status.AWAITING_VISIT)
        expected = "Bianca moveu Adriana Araújo para Aguardando visita"
        await wait_until(pilot, lambda: expected in notices(app))
        assert selected_id(app) == adriana, "the selection followed the lead"
        assert board(app).cards.active_status is Status.AWAITING_VISIT


async def test_a_key_never_acts_on_a_lead_other_than_the_one_highlighted_when_pressed(
    ui_services: Services, bianca: Services, four_leads: list[int]
) -> None:
    adriana = four_leads[1]
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await press(pilot, "1", "j", "j")
        assert selected_id(app) == adriana
        moves = ui_services.leads
        original_move = moves.move

        def colleague_first(lead_id: int, to_status: Status, **kw: int | None) -> MoveResult:
            # Bianca moves the lead after the key was pressed, before its write.
            bianca.leads.move(adriana, Status.AWAITING_VISIT)
            return original_move(lead_id, to_status, **kw)

        moves.move = colleague_first  # type: ignore[method-assign]
        try:
            await press(pilot, "L")
        finally:
            moves.move = original_move  # type: ignore[method-assign]
        await wait_until(pilot, lambda: selected_id(app) == adriana)
        statuses = {lead: ui_services.leads.get(lead).status for lead in four_leads}
        assert statuses[adriana] is Status.AWAITING_VISIT, "Bianca's move stands"
        others = [statuses[lead] for lead in four_leads if lead != adriana]
        assert others == [Status.NEW] * 3, "no other lead was moved"
        await press(pilot, "L")  # the next key acts on Adriana, still highlighted
        assert ui_services.leads.get(adriana).status is Status.VISITED
        assert [ui_services.leads.get(lead).status for lead in four_leads if lead != adriana] == [
            Status.NEW
        ] * 3


async def test_a_lead_chosen_while_the_poll_reads_stays_selected(
    ui_services: Services, bianca: Services, four_leads: list[int]
) -> None:
    """A colleague moves the selected lead; the user presses `j` before the poll shows it."""
    adriana, bruno = four_leads[1], four_leads[2]
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await press(pilot, "1", "j")  # Carla, Bruno
        assert selected_id(app) == bruno
        board_service = ui_services.board
        original = board_service.position_of
        reading, release = threading.Event(), threading.Event()

        def held(lead_id: int, where: Where = None) -> tuple[Status, int] | None:
            reading.set()
            release.wait(timeout=30)
            return original(lead_id, where)

        board_service.position_of = held  # type: ignore[method-assign]
        try:
            bianca.leads.move(bruno, Status.AWAITING_VISIT)
            await wait_until(pilot, reading.is_set)  # the poll is reading where Bruno went
            await press(pilot, "j")  # meanwhile the user chooses Adriana
            assert selected_id(app) == adriana
            release.set()
            await wait_until(pilot, lambda: shown_counts(app)[Status.AWAITING_VISIT] == 1)
        finally:
            release.set()
            board_service.position_of = original  # type: ignore[method-assign]
        assert selected_id(app) == adriana, "the poll took the user's choice away"
        assert board(app).cards.active_status is Status.NEW
