"""Leaving a closed status is asked first; the picker refuses non-choices (defect 5)."""

from __future__ import annotations

from textual.widgets import Static

from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.ui.screens.confirm import ConfirmScreen
from cockpit_tui.ui.screens.move_picker import MovePicker
from tests.conftest import tick
from tests.ui.conftest import make_app, press, selected_id, wait_until


def lost_lead(services: Services, clock: FrozenClock) -> int:
    tick(clock)
    lead = services.leads.add(name="Marcos Andrade", vehicle="Fiat Argo").id
    services.leads.move(lead, Status.LOST)
    return lead


async def test_shift_left_on_a_lost_lead_asks_and_esc_leaves_it_untouched(
    ui_services: Services, clock: FrozenClock
) -> None:
    lead = lost_lead(ui_services, clock)
    version = ui_services.leads.get(lead).version
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await press(pilot, "6")
        assert selected_id(app) == lead
        await press(pilot, "H")
        assert isinstance(app.screen, ConfirmScreen), "a lost lead is never sold by one key"
        await press(pilot, "escape")
        card = ui_services.leads.get(lead)
        assert (card.status, card.version) == (Status.LOST, version)
        await press(pilot, "shift+left")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "enter")
        await wait_until(pilot, lambda: ui_services.leads.get(lead).status is Status.SOLD)


async def test_reopening_a_closed_lead_with_m_asks_first(
    ui_services: Services, clock: FrozenClock
) -> None:
    lead = lost_lead(ui_services, clock)
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await press(pilot, "6", "m", "1")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "escape")
        assert ui_services.leads.get(lead).status is Status.LOST


async def test_m_with_the_current_digit_says_so_and_m_9_is_refused(
    ui_services: Services, clock: FrozenClock
) -> None:
    lead = lost_lead(ui_services, clock)
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await press(pilot, "6", "m", "6")
        picker = app.screen
        assert isinstance(picker, MovePicker)
        hint = picker.query_one("#picker-hint", Static)
        assert "já está em Não vendidos" in str(hint.render())
        await press(pilot, "9")
        assert "9 não é um status" in str(hint.render())
        assert app.screen is picker, "9 chose nothing: the picker still asks"
        await press(pilot, "escape")
        assert ui_services.leads.get(lead).status is Status.LOST
