"""The list view's wait column and its sort (issue 15)."""

from __future__ import annotations

from cockpit_tui.domain.plans import Plan
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.lead_list import ListSort
from tests.conftest import tick
from tests.ui.conftest import board, make_app, press, wait_until
from tests.ui.test_list_view import listed, open_list, row_text, strip_text


async def test_the_list_shows_each_wait_and_sorts_the_longest_first(
    ui_services: Services, clock: FrozenClock
) -> None:
    ui_services.settings.set_plan(Plan.SMART)
    ui_services.leads.add(name="Alice Prado", phone="(11) 91111-1111")
    tick(clock, 4)
    answered = ui_services.leads.add(name="Bruno Reis", phone="(11) 92222-2222")
    ui_services.leads.reply(answered.id, "Olá Bruno")
    tick(clock, 2)
    ui_services.leads.add(name="Carla Dias", phone="(11) 93333-3333")
    tick(clock, 1)
    ui_services.board.load_calendar(clock.now())
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_list(pilot, app)
        assert "Espera" in row_text(app, 0)
        rows = {name: row_text(app, y) for y, name in enumerate(listed(app), start=1)}
        waits = {
            name: row.split("Nova proposta")[1].strip().split("  ")[0] for name, row in rows.items()
        }
        assert waits == {"Alice Prado": "7 min", "Carla Dias": "1 min", "Bruno Reis": "—"}
        while board(app).list_query.sort is not ListSort.WAIT:
            await press(pilot, "s")
        await wait_until(pilot, lambda: listed(app)[0] == "Alice Prado")
        assert listed(app) == ["Alice Prado", "Carla Dias", "Bruno Reis"]
        assert "Ordem: Espera ▲" in strip_text(app)
