"""The key bar shows the keys that work now, and keeps the important ones on a narrow terminal."""

from __future__ import annotations

import pytest

from cockpit_tui.services import Services
from cockpit_tui.ui.screens.forms.new_lead_form import NewLeadForm
from cockpit_tui.ui.screens.move_picker import MovePicker
from cockpit_tui.ui.widgets.key_bar import KeyBar
from tests.ui.conftest import make_app, press, wait_until

#: What a salesperson uses all day: never dropped from the board's bar.
CORE_KEYS = ("n Novo lead", "t Agenda", "space Urgente", "/ Buscar", "f Filtros", "? Ajuda")


def bar_text(app: object) -> str:
    screen = getattr(app, "screen")  # noqa: B009
    return str(screen.query_one(KeyBar).render().plain)


@pytest.mark.parametrize("size", [(160, 45), (100, 30), (80, 24)])
async def test_the_board_keeps_its_core_keys_at_every_width(
    ui_services: Services, size: tuple[int, int]
) -> None:
    ui_services.leads.add(name="Alice Prado", phone="(11) 98888-1111")
    app = make_app(ui_services, poll_interval=0.5)
    async with app.run_test(size=size) as pilot:
        await press(pilot)
        bar = bar_text(app)
        for key in CORE_KEYS:
            assert key in bar, f"{key!r} missing at {size}: {bar!r}"
        assert len(bar) <= size[0]
        if size[0] >= 160:
            assert "⇧→ Avançar" in bar
            assert "a Para mim" in bar
        # The keys kept stay in the screen's order, help and quit last.
        assert bar.index("n Novo lead") < bar.index("/ Buscar") < bar.index("? Ajuda")


async def test_a_dialog_shows_its_own_keys_not_the_board_s(ui_services: Services) -> None:
    ui_services.leads.add(name="Alice Prado", phone="(11) 98888-1111")
    app = make_app(ui_services, poll_interval=0.5)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "n")
        await wait_until(pilot, lambda: isinstance(app.screen, NewLeadForm))
        await press(pilot)
        bar = bar_text(app)
        assert "^s Salvar" in bar
        assert "esc Cancelar" in bar
        assert "Novo lead" not in bar
        assert "Buscar" not in bar
        bottom = app.screen.query_one(KeyBar).region
        assert bottom.y == 29, "drawn on the last line, over the board's dimmed bar"
        await press(pilot, "escape", "m")
        await wait_until(pilot, lambda: isinstance(app.screen, MovePicker))
        await press(pilot)
        bar = bar_text(app)
        assert "esc Cancelar" in bar
        assert "Salvar" not in bar
