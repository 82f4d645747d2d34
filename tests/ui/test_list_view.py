"""The list view (CRM Smart and CRM +Smart): keys, sorting, filters, live changes, the plan gate."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from cockpit_tui.domain.plans import Plan
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services, open_services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.lead_list import ListSort
from cockpit_tui.ui.app import CockpitApp
from cockpit_tui.ui.board.screen import BoardScreen
from cockpit_tui.ui.screens.forms import SaleForm
from cockpit_tui.ui.screens.help import HelpScreen
from cockpit_tui.ui.screens.lead import LeadScreen
from cockpit_tui.ui.widgets.lead_table import LeadTable
from cockpit_tui.ui.widgets.status_strip import StatusStrip
from tests.conftest import tick
from tests.ui.conftest import board, make_app, notices, press, selected_id, wait_until

SIZES = [(160, 45), (100, 30)]


@pytest.fixture(params=SIZES)
def size(request: pytest.FixtureRequest) -> tuple[int, int]:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def store(ui_services: Services, clock: FrozenClock) -> dict[str, int]:
    """Five leads on a CRM Smart store: two columns, one bold, one expensive."""
    ui_services.settings.set_plan(Plan.SMART)
    ids = {}
    for name, price in (
        ("Alice Prado", "89900"),
        ("Bruno Reis", "249900"),
        ("Carla Dias", "54900"),
        ("Diego Lima", None),
        ("Elisa Melo", "139900"),
    ):
        tick(clock)
        card = ui_services.leads.add(
            name=name, vehicle="Fiat Argo 2022", price=Decimal(price) if price else None
        )
        ids[name.split()[0]] = card.id
    ui_services.leads.move(ids["Alice"], Status.NEGOTIATING)
    ui_services.leads.move(ids["Bruno"], Status.NEGOTIATING)
    tick(clock)
    ui_services.leads.record_inbound(ids["Carla"], "Ainda tem?")
    return ids


@pytest.fixture
def colleague(ui_url: str, clock: FrozenClock) -> Iterator[Services]:
    services = open_services(ui_url, actor="Bruno", clock=clock)
    yield services
    services.close()


def table(app: CockpitApp) -> LeadTable:
    return board(app).table


def listed(app: CockpitApp) -> list[str]:
    rows = table(app).rows
    return [card.customer_name for card in rows.window.cards[: rows.total]]


def row_text(app: CockpitApp, y: int) -> str:
    return table(app).render_line(y).text


def strip_text(app: CockpitApp) -> str:
    return board(app).query_one(StatusStrip).text


def strip_count(app: CockpitApp, number: int) -> int:
    """The count the strip shows for status ``number`` (with or without its label)."""
    found = re.search(rf"│ {number}(?: [^│\d]+)? (\d+) ", strip_text(app))
    assert found is not None, strip_text(app)
    return int(found.group(1))


async def open_list(pilot: Pilot[None], app: CockpitApp) -> None:
    await press(pilot, "v")
    await wait_until(pilot, lambda: board(app).view == "list")


async def test_v_switches_to_the_list_and_back_keeping_the_selected_lead(
    ui_services: Services, store: dict[str, int], size: tuple[int, int]
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=size) as pilot:
        await press(pilot, "2", "j")  # Alice, second card of Em negociação
        assert selected_id(app) == store["Alice"]
        await open_list(pilot, app)
        assert table(app).display
        assert not board(app).canvas.display
        assert selected_id(app) == store["Alice"]
        header = row_text(app, 0)
        for label in ("Cliente", "Status", "Veículo", "Valor", "Origem", "Vendedor"):
            assert label in header
        assert "Última" in header
        assert "Chegou" in header
        await press(pilot, "j", "j")
        chosen = selected_id(app)
        await press(pilot, "v")
        await wait_until(pilot, lambda: board(app).view == "cards")
        assert board(app).canvas.display
        assert selected_id(app) == chosen


async def test_rows_follow_the_boards_attention_order_with_its_markers(
    ui_services: Services, store: dict[str, int]
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_list(pilot, app)
        assert listed(app)[0] == "Carla Dias", "the unread reply first"
        carla = row_text(app, 1)
        assert "✉ 1" in carla
        assert "Nova proposta" in carla
        assert "R$ 54.900" in carla
        assert "Não atribuído" in carla
        assert "27/11/2026" in carla
        name = next(seg for seg in table(app).render_line(1) if "Carla" in seg.text)
        assert name.style is not None
        assert name.style.bold
        assert "NOVO" in row_text(app, 2)
        assert "Ordem: Atenção ▼" in strip_text(app)


async def test_s_cycles_the_sort_and_capital_s_reverses_it(
    ui_services: Services, store: dict[str, int]
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_list(pilot, app)
        await press(pilot, "s")
        assert board(app).list_query.sort is ListSort.NAME
        assert listed(app) == [
            "Alice Prado",
            "Bruno Reis",
            "Carla Dias",
            "Diego Lima",
            "Elisa Melo",
        ]
        assert "Cliente ▲" in row_text(app, 0)
        assert "Ordem: Cliente ▲" in strip_text(app)
        await press(pilot, "S")
        assert listed(app)[0] == "Elisa Melo"
        assert "Cliente ▼" in row_text(app, 0)
        await press(pilot, "s", "s", "s")  # status, vehicle, then price (most expensive first)
        assert board(app).list_query.sort is ListSort.PRICE
        assert listed(app) == [
            "Bruno Reis",
            "Elisa Melo",
            "Alice Prado",
            "Carla Dias",
            "Diego Lima",
        ]


async def test_digits_filter_by_status_and_zero_shows_all(
    ui_services: Services, store: dict[str, int], size: tuple[int, int]
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=size) as pilot:
        await open_list(pilot, app)
        await press(pilot, "2")
        assert sorted(listed(app)) == ["Alice Prado", "Bruno Reis"]
        assert "2 Em negociação 2" in strip_text(app)
        await press(pilot, "6")
        assert listed(app) == []
        assert "Nenhum lead aqui" in row_text(app, 2)
        await press(pilot, "0")
        assert len(listed(app)) == 5
        assert "0 Todos 5" in strip_text(app)


async def test_moves_undo_and_assign_work_on_the_selected_row(
    ui_services: Services, store: dict[str, int], size: tuple[int, int]
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=size) as pilot:
        await open_list(pilot, app)
        carla = store["Carla"]
        assert selected_id(app) == carla
        await press(pilot, "shift+right")
        assert ui_services.leads.get(carla).status is Status.NEGOTIATING
        assert selected_id(app) == carla, "the moved lead stays selected"
        assert not board(app).canvas.display, "the cards stay hidden under the list"
        assert not board(app).query_one("#offscreen").display
        assert table(app).rows.height == size[1] - 4  # header, strip, column labels, keys
        assert strip_count(app, 2) == 3
        await press(pilot, "u")
        assert ui_services.leads.get(carla).status is Status.NEW
        assert selected_id(app) == carla
        await press(pilot, "a")
        assert ui_services.leads.get(carla).assigned_to == "Ana"
        await wait_until(pilot, lambda: "Ana" in row_text(app, listed(app).index("Carla Dias") + 1))
        await press(pilot, "m", "5")
        await wait_until(pilot, lambda: isinstance(app.screen, SaleForm))
        await press(pilot, "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, BoardScreen))
        assert ui_services.leads.get(carla).status is Status.SOLD
        assert board(app).view == "list"
        await press(pilot, "v")
        await wait_until(pilot, lambda: board(app).view == "cards")
        assert board(app).active_status is Status.SOLD, "the cards show the moves made in the list"
        assert selected_id(app) == carla


async def test_enter_opens_the_lead_and_esc_comes_back_to_the_list(
    ui_services: Services, store: dict[str, int]
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_list(pilot, app)
        await press(pilot, "j")
        chosen = selected_id(app)
        await press(pilot, "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, LeadScreen))
        await press(pilot, "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, BoardScreen))
        assert board(app).view == "list"
        assert selected_id(app) == chosen


async def test_another_process_changes_show_in_the_list_keeping_the_selection(
    ui_services: Services, store: dict[str, int], colleague: Services, clock: FrozenClock
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_list(pilot, app)
        await press(pilot, "j", "j")
        chosen = selected_id(app)
        tick(clock)
        colleague.leads.add(name="Fábio Nunes", vehicle="Jeep Renegade")
        await wait_until(pilot, lambda: listed(app)[0] == "Fábio Nunes")
        assert selected_id(app) == chosen
        assert "0 Todos 6" in strip_text(app)


async def test_help_and_palette_in_the_list(ui_services: Services, store: dict[str, int]) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_list(pilot, app)
        await press(pilot, "question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        rows = "\n".join(str(row.visual) for row in app.screen.query(".help-row").results(Static))
        assert "s  Ordenar" in rows
        assert "S  Inverter ordem" in rows
        assert "0  Todos os status" in rows
        assert "indisponível" not in rows


async def test_the_plan_gates_the_list_live(
    ui_services: Services, store: dict[str, int], colleague: Services
) -> None:
    ui_services.settings.set_plan(Plan.CRM)
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await press(pilot, "v")
        assert board(app).view == "cards"
        assert any("CRM Smart e CRM +Smart" in n for n in notices(app))
        await press(pilot, "question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        rows = "\n".join(str(row.visual) for row in app.screen.query(".help-row").results(Static))
        assert "v  Cartões/lista — indisponível no plano CRM" in rows
        await press(pilot, "escape")
        colleague.settings.set_plan(Plan.SMART_PLUS)  # `cockpit plan smart-plus` elsewhere
        await wait_until(pilot, lambda: board(app).plan is Plan.SMART_PLUS)
        assert "CRM +Smart" in board(app).query_one("#board-header").text  # type: ignore[attr-defined]
        await open_list(pilot, app)
        colleague.settings.set_plan(Plan.CRM)
        await wait_until(pilot, lambda: board(app).view == "cards")
        # The notice is a message of its own: it shows a moment after the switch.
        await wait_until(pilot, lambda: any("de volta aos cartões" in n for n in notices(app)))


async def test_s_does_nothing_on_the_cards(ui_services: Services, store: dict[str, int]) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await press(pilot, "s", "0")
        assert board(app).view == "cards"
        assert board(app).list_query.sort is ListSort.ATTENTION
