"""Search as you type, quick filters and their memory, and the triage key, on the board and list."""

from __future__ import annotations

import json
import threading
from decimal import Decimal
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from cockpit_tui.domain.errors import StoreUnavailableError
from cockpit_tui.domain.filters import QuickFilter
from cockpit_tui.domain.plans import Plan
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.preferences import Preferences
from cockpit_tui.store.reader import Clause, Row
from cockpit_tui.ui.app import CockpitApp
from cockpit_tui.ui.board.screen import BoardScreen
from cockpit_tui.ui.screens.filter_picker import FilterPicker
from tests.conftest import services_for, tick
from tests.ui.conftest import header_of, make_app, press, selected_id, settled, wait_until

SIZES = [(160, 45), (100, 30)]


@pytest.fixture(params=SIZES)
def size(request: pytest.FixtureRequest) -> tuple[int, int]:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def store(ui_services: Services, clock: FrozenClock) -> dict[str, int]:
    """Four leads in two columns; two Civics; João has an accent."""
    ids = {}
    for key, name, vehicle, phone in (
        ("joao", "João Conceição", "Honda Civic EXL", "(11) 98765-4321"),
        ("maria", "Maria Souza", "Jeep Compass", "(21) 99876-5432"),
        ("bruno", "Bruno Reis", "Honda Civic Touring", None),
        ("ana", "Ana Lima", "Fiat Argo", None),
    ):
        tick(clock)
        ids[key] = ui_services.leads.add(
            name=name, vehicle=vehicle, phone=phone, price=Decimal("100000")
        ).id
    ui_services.leads.move(ids["bruno"], Status.NEGOTIATING)
    ui_services.leads.move(ids["ana"], Status.NEGOTIATING)
    return ids


def board(app: CockpitApp) -> BoardScreen:
    """The board, also while a picker is open over it."""
    return next(screen for screen in app.screen_stack if isinstance(screen, BoardScreen))


def search_field(app: CockpitApp) -> Input:
    return board(app).query_one("#search", Input)


def shown_ids(app: CockpitApp) -> set[int]:
    return {
        card.id for column in board(app).columns() for card in column.window.cards[: column.total]
    }


async def type_search(pilot: Pilot[None], app: CockpitApp, text: str) -> None:
    await press(pilot, "slash", *text)
    await wait_until(pilot, lambda: board(app).lead_filter.search == text)
    await wait_until(pilot, lambda: settled(app))  # the search is read in a worker


async def test_slash_narrows_every_column_with_shown_over_total(
    ui_services: Services, store: dict[str, int], size: tuple[int, int]
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=size) as pilot:
        await type_search(pilot, app, "civic")
        assert search_field(app).value == "civic", "the / that opened the field is not typed in"
        assert shown_ids(app) == {store["joao"], store["bruno"]}
        assert header_of(app, Status.NEW).endswith("1/2")
        assert header_of(app, Status.NEGOTIATING).endswith("1/2")
        assert header_of(app, Status.SOLD).endswith("0/0")


async def test_typing_on_interrupts_a_slow_read_and_the_whole_query_shows(
    ui_services: Services, store: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A one-letter search reads every document; more keys stop that read, not wait for it."""
    reader = ui_services.store.search_reader
    counts, started = reader.counts, threading.Event()
    asked: list[Clause | None] = []
    interrupted: list[Clause | None] = []

    def slow_counts(where: Clause | None = None) -> dict[str, int]:
        asked.append(where)
        started.set()
        try:  # a read that would take minutes (the counts of "c" in a huge store)
            reader.fetchall(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT 500000000) "
                "SELECT COUNT(*) FROM n"
            )
        except StoreUnavailableError:
            interrupted.append(where)
            raise
        return counts(where)

    monkeypatch.setattr(reader, "counts", slow_counts)
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("slash", "c")
        await wait_until(pilot, started.is_set)  # the read of "c" is under way
        await pilot.press(*"ivic")
        await wait_until(pilot, lambda: board(app).lead_filter.search == "civic")
        await wait_until(pilot, lambda: settled(app))
        # "c" (and "ci", if its read started before the next key) were stopped.
        assert interrupted == asked
        assert [where.params for where in asked if where is not None][:1] == [("c",)]
        assert search_field(app).value == "civic", "no key lost"
        assert shown_ids(app) == {store["joao"], store["bruno"]}
        assert header_of(app, Status.NEW).endswith("1/2")
        assert not [n for n in app._notifications if n.severity == "error"], "nothing to report"


async def test_a_lead_added_elsewhere_while_the_search_reads_shows_at_the_next_poll(
    ui_services: Services,
    ui_url: str,
    clock: FrozenClock,
    store: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another salesperson's lead committed just after the search's read shows all the same."""
    reader = ui_services.store.search_reader
    first_rows = reader.first_rows
    bruno = services_for(ui_url, "Bruno", clock)
    added: list[int] = []

    def read_then_commit(where: Clause, *, limit: int, cap: int) -> list[tuple[int, Row]]:
        rows = first_rows(where, limit=limit, cap=cap)
        if not added:  # after the read: its result cannot hold the new lead
            added.append(bruno.leads.add(name="Carla Dias", vehicle="Honda Civic Si").id)
        return rows

    monkeypatch.setattr(reader, "first_rows", read_then_commit)
    app = make_app(ui_services)
    try:
        async with app.run_test(size=(160, 45)) as pilot:
            await type_search(pilot, app, "civic")
            assert added, "the search read ran"
            await wait_until(pilot, lambda: added[0] in shown_ids(app))
            assert shown_ids(app) == {store["joao"], store["bruno"], added[0]}
            assert header_of(app, Status.NEW).endswith("2/3")
    finally:
        bruno.close()


async def test_search_is_accent_free_and_reads_phones_in_any_format(
    ui_services: Services, store: dict[str, int]
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await type_search(pilot, app, "joao conceicao")
        assert shown_ids(app) == {store["joao"]}
        search_field(app).value = "+55 11 98765-4321"
        await wait_until(pilot, lambda: board(app).lead_filter.search == "+55 11 98765-4321")
        assert shown_ids(app) == {store["joao"]}


async def test_enter_keeps_the_results_and_esc_restores_the_selection(
    ui_services: Services, store: dict[str, int]
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await press(pilot, "2", "j")
        assert selected_id(app) == store["bruno"] or selected_id(app) == store["ana"]
        before = selected_id(app)
        await type_search(pilot, app, "compass")
        await press(pilot, "enter")
        await wait_until(pilot, lambda: app.focused is board(app).cards)
        assert selected_id(app) == store["maria"], "the only match is selected"
        await press(pilot, "j", "k")  # navigation keys work again
        assert board(app).lead_filter.search == "compass"
        await press(pilot, "escape")
        await wait_until(pilot, lambda: board(app).lead_filter.search == "")
        assert not search_field(app).display
        assert shown_ids(app) >= set(store.values())
        assert selected_id(app) == before


async def test_the_selected_lead_stays_selected_when_the_search_keeps_it(
    ui_services: Services, store: dict[str, int]
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await press(pilot, "2")
        await wait_until(pilot, lambda: selected_id(app) is not None)
        if selected_id(app) != store["bruno"]:
            await press(pilot, "j")
        assert selected_id(app) == store["bruno"]
        await type_search(pilot, app, "civic")
        assert selected_id(app) == store["bruno"], "still selected, found by the search's worker"
        assert board(app).cards.active_status is Status.NEGOTIATING


async def test_search_in_the_list_view(ui_services: Services, store: dict[str, int]) -> None:
    ui_services.settings.set_plan(Plan.SMART)
    app = make_app(ui_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "v")
        await wait_until(pilot, lambda: board(app).view == "list")
        await type_search(pilot, app, "honda")
        rows = board(app).table.rows
        assert {card.id for card in rows.window.cards[: rows.total]} == {
            store["joao"],
            store["bruno"],
        }
        assert "0 Todos 2" in board(app).query_one("#status-strip").text  # type: ignore[attr-defined]


async def test_quick_filters_combine_with_the_search_and_are_remembered(
    ui_services: Services, store: dict[str, int], tmp_path: Path
) -> None:
    ui_services.leads.assign(store["bruno"], "Ana")
    preferences = Preferences(tmp_path / "config", "Ana")
    app = CockpitApp(ui_services, poll_interval=0.05, preferences=preferences)
    async with app.run_test(size=(160, 45)) as pilot:
        await press(pilot, "f")
        await wait_until(pilot, lambda: isinstance(app.screen, FilterPicker))
        await press(pilot, "enter")  # the first filter: only mine
        await wait_until(pilot, lambda: QuickFilter.MINE in board(app).lead_filter.quick)
        await press(pilot, "escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, FilterPicker))
        assert shown_ids(app) == {store["bruno"]}
        assert "meus" in board(app).query_one("#board-header").text  # type: ignore[attr-defined]
        await type_search(pilot, app, "compass")
        assert shown_ids(app) == set()
    saved = json.loads((tmp_path / "config" / "filters.json").read_text())
    assert saved["Ana"]["quick"] == ["mine"]

    again = CockpitApp(ui_services, poll_interval=0.05, preferences=preferences)
    async with again.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        assert board(again).lead_filter.quick == frozenset({QuickFilter.MINE})
        assert shown_ids(again) == {store["bruno"]}, "the filters of last session are back"
        await press(pilot, "F")
        await wait_until(pilot, lambda: not board(again).lead_filter.quick)
        assert shown_ids(again) == set(store.values())


async def test_filter_by_source_from_the_picker(ui_services: Services, clock: FrozenClock) -> None:
    tick(clock)
    olx = ui_services.leads.add(name="Lead da OLX", source="OLX").id
    ui_services.leads.add(name="Lead do site", source="site da loja")
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await press(pilot, "f")
        await wait_until(pilot, lambda: isinstance(app.screen, FilterPicker))
        await press(pilot, "end", "up", "enter")  # "Origem: todas" → the sources
        await press(pilot, "down", "enter")  # OLX (sources in alphabetical order)
        await wait_until(pilot, lambda: board(app).lead_filter.source == "OLX")
        await press(pilot, "escape")
        assert shown_ids(app) == {olx}


async def test_unreadable_preferences_warn_once_and_filters_still_work(
    ui_services: Services, store: dict[str, int], tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    app = CockpitApp(ui_services, poll_interval=0.05, preferences=Preferences(blocker, "Ana"))
    async with app.run_test(size=(160, 45)) as pilot:
        await press(pilot, "f", "down", "enter", "escape")
        await wait_until(pilot, lambda: QuickFilter.UNASSIGNED in board(app).lead_filter.quick)
        await wait_until(
            pilot, lambda: any("só nesta sessão" in str(n.message) for n in app._notifications)
        )
        assert shown_ids(app) == set(store.values())


async def test_space_walks_the_waiting_leads_by_deadline_then_the_rest(
    ui_services: Services, store: dict[str, int], clock: FrozenClock
) -> None:
    ui_services.leads.mark_handled(store["ana"])
    tick(clock)
    ui_services.leads.record_inbound(store["maria"], "Ainda tem?")
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        seen = []
        for _ in range(4):
            await press(pilot, "space")
            seen.append(selected_id(app))
        # Nobody answered João, Maria (who wrote again: her clock still runs from her
        # arrival) or Bruno (a move is no response); Ana was handled.
        assert seen == [store["joao"], store["maria"], store["bruno"], store["ana"]]


async def test_moving_under_a_filter_recounts_and_drops_leads_that_leave_it(
    ui_services: Services, store: dict[str, int]
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await press(pilot, "f", "down", "down", "enter", "escape")  # needs attention
        await wait_until(pilot, lambda: QuickFilter.ATTENTION in board(app).lead_filter.quick)
        assert header_of(app, Status.NEW).endswith("2/2")
        await press(pilot, "1", "shift+right")  # moving is acting: it leaves the filter
        await wait_until(pilot, lambda: header_of(app, Status.NEW).endswith("1/1"))
        assert header_of(app, Status.NEGOTIATING).endswith("0/3")
        await type_search(pilot, app, "civic")
        assert header_of(app, Status.NEW).endswith("1/1")
