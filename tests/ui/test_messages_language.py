"""Issue 13 (defect 9): the board speaks the user's language, counts agree, help lists every key."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette
from textual.widgets import Input, Static

from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.ui.board.screen import BoardScreen
from cockpit_tui.ui.screens.help import HelpScreen
from cockpit_tui.ui.widgets.text_line import TextLine
from tests.conftest import tick
from tests.ui.conftest import make_app, notices, press, wait_until


@pytest.fixture
def one_new_lead(ui_services: Services, clock: FrozenClock) -> int:
    tick(clock)
    return ui_services.leads.add(name="Maria Souza", phone="(11) 98765-4321").id


def header_text(screen: BoardScreen) -> str:
    return screen.query_one("#board-header", TextLine).text


async def test_palette_and_ctrl_c_speak_portuguese(
    ui_services: Services, one_new_lead: int
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await press(pilot, "ctrl+c")
        await wait_until(pilot, lambda: any("para sair" in text for text in notices(app)))
        assert "Tecle q para sair do cockpit." in notices(app)
        await press(pilot, "ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
        assert str(app.screen.query_one(Input).placeholder) == "Buscar comandos…"


async def test_one_lead_needing_attention_is_singular(
    ui_services: Services, one_new_lead: int
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, BoardScreen))
        screen = app.screen
        assert isinstance(screen, BoardScreen)
        await wait_until(pilot, lambda: "atenção" in header_text(screen))
        assert header_text(screen).endswith("· 1 precisa de atenção")


async def test_help_lists_every_board_key_even_idle_ones(
    ui_services: Services, one_new_lead: int
) -> None:
    """L/H (the letters of ⇧→/⇧←), F and esc were missing: F and esc only act with a filter."""
    ui_services.leads.move(one_new_lead, Status.NEGOTIATING)
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await press(pilot, "question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        rows = [str(row.visual).strip() for row in app.screen.query(".help-row").results(Static)]
        assert "⇧→/L  Avançar" in rows
        assert "⇧←/H  Voltar" in rows
        assert "F  Limpar filtros" in rows
        assert "esc  Limpar a busca" in rows
