"""The board screen shows the six columns with live counts from the store."""

from __future__ import annotations

from textual.widgets import Static

from cockpit_tui.domain.statuses import STATUS_ORDER, Status
from cockpit_tui.services import Services, open_services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.ui.screens.board import BoardScreen
from cockpit_tui.ui.screens.help import HelpScreen
from cockpit_tui.ui.widgets import ColumnSummary
from tests.ui.conftest import make_app, wait_until


def shown_counts(app: object) -> dict[Status, int]:
    screen = app.screen  # type: ignore[attr-defined]
    return {s: screen.query_one(f"#column-{s.value}", ColumnSummary).count for s in STATUS_ORDER}


def header_text(app: object) -> str:
    return str(app.screen.query_one("#board-header", Static).content)  # type: ignore[attr-defined]


async def test_six_columns_in_order_with_store_counts(demo_services: Services) -> None:
    app = make_app(demo_services)
    async with app.run_test(size=(160, 45)) as pilot:
        expected = demo_services.board.counts()
        await wait_until(pilot, lambda: shown_counts(app) == expected)
        labels = [
            str(w.query_one(".label", Static).content) for w in app.screen.query(ColumnSummary)
        ]
        assert labels == [
            "Nova proposta",
            "Em negociação",
            "Aguardando visita",
            "Visita realizada",
            "Vendidos",
            "Não vendidos",
        ]
        attention = demo_services.board.attention_count()
        assert header_text(app) == f"CRM +Smart · Ana · {attention} precisam de atenção"
        assert not app.screen.query_one("#empty-hint").display


async def test_counts_follow_another_process_live(
    demo_services: Services, ui_url: str, clock: FrozenClock
) -> None:
    app = make_app(demo_services)
    async with app.run_test(size=(100, 30)) as pilot:
        before = demo_services.board.counts()
        await wait_until(pilot, lambda: shown_counts(app) == before)
        colleague = open_services(ui_url, actor="Bruno", clock=clock)
        try:
            lead = colleague.leads.add(name="Lead novo do site")
            colleague.leads.move(lead.id, Status.SOLD)
        finally:
            colleague.close()
        expected = {**before, Status.SOLD: before[Status.SOLD] + 1}
        await wait_until(pilot, lambda: shown_counts(app) == expected)


async def test_empty_store_says_what_to_do(ui_services: Services) -> None:
    app = make_app(ui_services, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        hint = app.screen.query_one("#empty-hint", Static)
        await wait_until(pilot, lambda: hint.display)
        assert "cockpit --demo" in str(hint.content)
        assert header_text(app) == "CRM · Ana · 0 need attention"


async def test_hostile_user_name_is_shown_literally(ui_url: str, clock: FrozenClock) -> None:
    services = open_services(ui_url, actor="[@click=app.quit]x[/]\x1b]52;c;aGk=\x07", clock=clock)
    app = make_app(services)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(pilot, lambda: "[@click=app.quit]x[/]" in header_text(app))
            await pilot.click("#board-header")
            assert app.is_running, "clicking the name must not run an action"
    finally:
        services.close()


async def test_help_lists_the_keys_and_closes_with_escape(demo_services: Services) -> None:
    app = make_app(demo_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        rows = [str(row.content) for row in app.screen.query(".help-row")]
        assert any(row.split() == ["?", "Ajuda"] for row in rows)
        assert any(row.split() == ["q", "Sair"] for row in rows)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, BoardScreen))


async def test_q_quits(demo_services: Services) -> None:
    app = make_app(demo_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
        await wait_until(pilot, lambda: not app.is_running)
