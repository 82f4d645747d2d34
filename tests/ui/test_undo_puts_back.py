"""`u` on the board puts the card back in its place, NOVO and counts too (issue 13, defect 1)."""

from __future__ import annotations

from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from tests.conftest import tick
from tests.ui.conftest import board, make_app, notices, press, selected_id, shown_counts


def column_order(app_services: Services) -> list[int]:
    return [c.id for c in app_services.board.column_page(Status.NEW, limit=100).cards]


async def test_shift_right_then_u_puts_the_new_card_back_in_place_with_novo(
    ui_services: Services, clock: FrozenClock
) -> None:
    ids = []
    for number in range(6):
        tick(clock)
        ids.append(ui_services.leads.add(name=f"Cliente {number}", vehicle="Fiat Argo").id)
    for lead in ids[:4]:  # the four older ones were dealt with: only two NOVO on top
        tick(clock)
        ui_services.leads.mark_handled(lead)
    ui_services.leads.add(name="Renata Nunes", vehicle="Fiat Argo")  # on top, NOVO
    before = column_order(ui_services)
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await press(pilot, "1", "j")  # the second card: NOVO
        chosen = selected_id(app)
        assert chosen is not None
        assert ui_services.leads.get(chosen).needs_attention
        counts, attention = shown_counts(app), board(app).state.attention
        tick(clock)
        await press(pilot, "shift+right")
        assert shown_counts(app)[Status.NEW] == counts[Status.NEW] - 1
        tick(clock)
        await press(pilot, "u")
        assert column_order(ui_services) == before, "back in its place"
        assert selected_id(app) == chosen
        assert ui_services.leads.get(chosen).needs_attention, "NOVO again"
        assert shown_counts(app) == counts
        assert board(app).state.attention == attention
        name = ui_services.leads.get(chosen).customer_name
        assert f"Desfeito: {name} de volta a Nova proposta" in notices(app)
