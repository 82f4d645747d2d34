"""Issue 13 (defect 1): `u` also undoes "atendido" (`h`) and an assignment (`a`)."""

from __future__ import annotations

from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from tests.conftest import tick
from tests.ui.conftest import board, make_app, notices, press, selected_id, wait_until
from tests.ui.test_lead_screen import lead_notice, open_lead


async def test_u_undoes_atendido_then_the_assignment(
    ui_services: Services, clock: FrozenClock
) -> None:
    tick(clock)
    lead = ui_services.leads.add(name="Renata Nunes", vehicle="Fiat Argo").id
    tick(clock)
    ui_services.leads.add(name="Paulo Reis", vehicle="Fiat Argo")
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        attention = board(app).state.attention
        await open_lead(pilot, app, lead)
        tick(clock)
        await press(pilot, "a")
        await wait_until(pilot, lambda: ui_services.leads.get(lead).assigned_to == "Ana")
        tick(clock)
        await press(pilot, "h")
        await wait_until(pilot, lambda: not ui_services.leads.get(lead).needs_attention)
        tick(clock)
        await press(pilot, "u")
        await wait_until(pilot, lambda: ui_services.leads.get(lead).needs_attention)
        assert lead_notice(app) == "Desfeito: Renata Nunes volta a precisar de atenção"
        assert ui_services.leads.get(lead).assigned_to == "Ana", "one step at a time"
        await press(pilot, "escape")
        await wait_until(pilot, lambda: selected_id(app) == lead)
        tick(clock)
        await press(pilot, "u")
        await wait_until(pilot, lambda: ui_services.leads.get(lead).assigned_to is None)
        assert "Desfeito: Renata Nunes de volta a Não atribuído" in notices(app)
        await wait_until(pilot, lambda: board(app).state.attention == attention)
        assert selected_id(app) == lead
