"""The command palette, the user's keymap and the language of every screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, Static

from cockpit_tui.domain.filters import QuickFilter
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.ui.app import CockpitApp
from cockpit_tui.ui.board.screen import BoardScreen
from cockpit_tui.ui.screens.help import HelpScreen
from cockpit_tui.ui.screens.lead import LeadScreen
from cockpit_tui.ui.widgets.key_bar import KeyBar
from cockpit_tui.ui.widgets.text_line import TextLine
from tests.conftest import tick
from tests.ui.conftest import make_app, press, selected_id, wait_until


@pytest.fixture
def leads(ui_services: Services, clock: FrozenClock) -> dict[str, int]:
    ids = {}
    for key, name, phone in (
        ("maria", "Maria Souza", "(11) 98765-4321"),
        ("joao", "João Lima", None),
        ("ana", "Ana Prado", None),
    ):
        tick(clock)
        ids[key] = ui_services.leads.add(name=name, phone=phone, vehicle="Fiat Argo").id
    ui_services.leads.move(ids["maria"], Status.VISITED)
    return ids


def the_board(app: CockpitApp) -> BoardScreen:
    return next(screen for screen in app.screen_stack if isinstance(screen, BoardScreen))


def prompts(app: CockpitApp) -> list[str]:
    commands = app.screen.query_one(CommandList)
    return [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]


def shown_options(app: CockpitApp) -> str:
    """The palette's list as the terminal shows it (a notice line is a centred text, no prompt)."""
    commands = app.screen.query_one(CommandList)
    return "\n".join(line.text for line in commands.render_lines(commands.region.reset_offset))


async def run_palette(pilot: Pilot[None], app: CockpitApp, typed: str, expected: str) -> None:
    """Open the palette, type, and wait until a command containing ``expected`` is listed."""
    await press(pilot, "ctrl+p")
    await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
    app.screen.query_one(Input).value = typed
    await wait_until(pilot, lambda: any(expected in p for p in prompts(app)))
    commands = app.screen.query_one(CommandList)
    commands.highlighted = next(i for i, p in enumerate(prompts(app)) if expected in p)


async def test_the_palette_lists_the_screens_keys_and_jumps_to_a_lead_by_phone(
    ui_services: Services, leads: dict[str, int]
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await run_palette(pilot, app, "Desfazer", "Desfazer  (u/^z)")
        await press(pilot, "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await run_palette(pilot, app, "98765-4321", "Maria Souza · Visita realizada")
        await press(pilot, "enter")
        await wait_until(pilot, lambda: selected_id(app) == leads["maria"])
        assert the_board(app).active_status is Status.VISITED


async def test_a_search_matching_no_command_says_so_in_the_users_language(
    ui_services: Services, leads: dict[str, int]
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
        app.screen.query_one(Input).value = "xyzzy importar planilha"
        await wait_until(pilot, lambda: "Nenhum comando encontrado" in shown_options(app))
        assert "No matches" not in shown_options(app)


async def test_the_palette_applies_a_filter_and_switches_language(
    ui_services: Services, leads: dict[str, int]
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await run_palette(pilot, app, "Filtro: Não atribuídos", "Filtro: Não atribuídos")
        await press(pilot, "enter")
        await wait_until(pilot, lambda: QuickFilter.UNASSIGNED in the_board(app).lead_filter.quick)
        await run_palette(pilot, app, "Idioma: English", "Idioma: English")
        await press(pilot, "enter")
        await wait_until(pilot, lambda: app.t.lang == "en")
        await wait_until(pilot, lambda: isinstance(app.screen, BoardScreen))
        header = app.screen.query_one("#board-header", TextLine).text
        assert "need attention" in header
        assert "unassigned" in header, "the filters stay on in the new language"


async def test_a_keymap_rebinds_by_id_and_warns_about_the_rest(
    ui_services: Services, leads: dict[str, int], tmp_path: Path
) -> None:
    (tmp_path / "keymap.toml").write_text(
        '[keys]\n"board.move_next" = "ctrl+right"\n"board.nope" = "x"\n'
        '"board.undo" = "ctrl+shift+banana"\n',
        encoding="utf-8",
    )
    app = CockpitApp(ui_services, poll_interval=0.05, keymap_folder=tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        top = selected_id(app)
        await press(pilot, "ctrl+right")
        assert ui_services.leads.get(top).status is Status.NEGOTIATING  # type: ignore[arg-type]
        warnings = "\n".join(str(n.message) for n in app._notifications)
        assert 'Ação desconhecida "board.nope"' in warnings
        assert 'Tecla inválida "ctrl+shift+banana" para "board.undo"' in warnings
        await press(pilot, "u")  # the default kept
        assert ui_services.leads.get(top).status is Status.NEW  # type: ignore[arg-type]
        await press(pilot, "question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        rows = "\n".join(str(row.visual) for row in app.screen.query(".help-row").results(Static))
        assert "^→  Avançar" in rows


async def test_a_broken_keymap_file_keeps_every_default(
    ui_services: Services, leads: dict[str, int], tmp_path: Path
) -> None:
    (tmp_path / "keymap.toml").write_text("[keys\n", encoding="utf-8")
    app = CockpitApp(ui_services, poll_interval=0.05, keymap_folder=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert any("keymap.toml" in str(n.message) for n in app._notifications)
        await press(pilot, "shift+right")
        assert ui_services.leads.get(leads["ana"]).status is Status.NEGOTIATING


async def test_english_on_the_board_and_the_lead_screen(
    ui_services: Services, leads: dict[str, int]
) -> None:
    app = make_app(ui_services, lang="en")
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        board = the_board(app)
        assert [column.label for column in board.columns()] == [
            "New proposal",
            "Negotiating",
            "Awaiting visit",
            "Visit done",
            "Sold",
            "Not sold",
        ]
        bar = board.query_one(KeyBar).render().plain
        for words in ("Open", "Forward", "Move", "Undo", "Search", "Filters", "Help", "Quit"):
            assert words in bar
        await press(pilot, "enter")
        await wait_until(
            pilot,
            lambda: isinstance(app.screen, LeadScreen) and app.screen.detail is not None,
        )
        bar = app.screen.query_one(KeyBar).render().plain
        for words in ("Back", "Reply", "Schedule", "Handled", "Note"):
            assert words in bar
        summary = str(app.screen.query_one("#lead-summary").visual)  # type: ignore[attr-defined]
        assert "Salesperson" in summary
        assert "Unassigned" in summary
