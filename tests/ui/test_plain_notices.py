"""No notice is ever read as markup: data in it shows literally (issue 20, item 4)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets._toast import Toast

from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services, open_services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.ui.app import CockpitApp
from tests.conftest import tick
from tests.ui.conftest import make_app, selected_id, wait_until


@pytest.fixture
def leads(ui_services: Services, clock: FrozenClock) -> dict[str, int]:
    ids = {}
    for key, name in (("maria", "Maria Souza"), ("joao", "João Lima")):
        tick(clock)
        ids[key] = ui_services.leads.add(name=name, phone=None, vehicle="Fiat Argo").id
    return ids


def _toasts(app: CockpitApp) -> list[Toast]:
    return list(app.screen.query(Toast))


def _shown(toast: Toast) -> str:
    """The toast's text as it renders it (rendering is where markup would be parsed)."""
    return toast.render().plain


def _messages(app: CockpitApp) -> str:
    return "\n".join(str(notice.message) for notice in app._notifications)


async def test_undoing_a_move_a_colleague_named_markup_overtook_shows_the_name_literally(
    ui_services: Services, leads: dict[str, int], ui_url: str, clock: FrozenClock
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        await pilot.pause()
        lead_id = selected_id(app)
        await pilot.press("shift+right")
        await wait_until(
            pilot,
            lambda: ui_services.leads.get(lead_id).status is Status.NEGOTIATING,  # type: ignore[arg-type]
        )
        colleague = open_services(ui_url, actor="[/]", clock=clock)
        try:
            colleague.leads.move(lead_id, Status.VISITED)  # type: ignore[arg-type]
        finally:
            colleague.close()
        await pilot.press("u")
        await wait_until(pilot, lambda: "[/]" in _messages(app))
        await wait_until(pilot, lambda: any("[/]" in _shown(toast) for toast in _toasts(app)))
        assert app.is_running


async def test_a_keymap_with_markup_or_bytes_that_are_not_utf8_is_one_warning_and_the_defaults(
    ui_services: Services, leads: dict[str, int], tmp_path: Path
) -> None:
    for content in (
        b'[keys]\n"[/]" = "x"\n"board.undo" = "[/]"\n',
        b'[keys]\n"board.undo" = "\xff\xfe\x80"\n',
    ):
        (tmp_path / "keymap.toml").write_bytes(content)
        app = CockpitApp(ui_services, poll_interval=0.05, keymap_folder=tmp_path)
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await pilot.pause()
            assert len(app._notifications) == 1, "one warning"

            def warned(shown_by: CockpitApp = app) -> bool:
                return any("keymap" in _shown(toast) for toast in _toasts(shown_by))

            await wait_until(pilot, warned)
            assert "keymap" in _messages(app).lower() or "[/]" in _messages(app)
            top = selected_id(app)
            assert top is not None
            await pilot.press("shift+right")
            await pilot.press("u")  # the default undo key still works

            def back_in_new(lead_id: int = top) -> bool:
                return ui_services.leads.get(lead_id).status is Status.NEW

            await wait_until(pilot, back_in_new)


def test_plain_keeps_markup_literal_and_drops_escapes() -> None:
    from cockpit_tui.ui.notices import plain

    shown = plain("Movido por [@click=app.quit]x[/]\x1b]52;c;aGk=\x07\nlinha 2")
    assert shown.plain == "Movido por [@click=app.quit]x[/]\nlinha 2"
    assert not shown.spans, "no style or action came from the text"


async def test_a_store_just_created_is_announced_on_the_board(
    ui_services: Services, tmp_path: Path
) -> None:
    where = str(tmp_path / "typo" / "[b]loja[/b].sqlite")
    app = CockpitApp(ui_services, poll_interval=0.05, new_store=where)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:

        def announced() -> bool:
            return any(where in _shown(toast) for toast in _toasts(app))

        await wait_until(pilot, announced)
        assert "Base de dados nova, vazia" in _messages(app)
    quiet = CockpitApp(ui_services, poll_interval=0.05)
    async with quiet.run_test(size=(120, 30), notifications=True) as pilot:
        await pilot.pause()
        assert "Base de dados nova" not in _messages(quiet), "an existing store is not announced"
