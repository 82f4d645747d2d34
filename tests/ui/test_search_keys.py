"""Every key typed in the search field reaches it, in order (issue 13, defect 4)."""

from __future__ import annotations

import pytest
from textual import events
from textual.app import App

from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from tests.conftest import tick
from tests.ui.conftest import board, make_app, press, wait_until


def burst(app: App[None], keys: list[str]) -> None:
    """Queue ``keys`` at once, as a terminal delivers a fast typist's bytes."""
    for key in keys:
        character = None if key == "backspace" else key
        app.post_message(events.Key(key, character))


@pytest.fixture
def cars(ui_services: Services, clock: FrozenClock) -> None:
    for number, vehicle in enumerate(("Toyota Corolla XEi", "Hyundai HB20 Vision", "Fiat Argo")):
        tick(clock)
        ui_services.leads.add(name=f"Cliente {number}", vehicle=vehicle)


@pytest.mark.usefixtures("cars")
async def test_a_burst_typed_after_clearing_lands_whole_in_the_field(ui_services: Services) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await press(pilot, "slash", *"corolla")
        field = board(app).search_field
        await wait_until(pilot, lambda: board(app).state.lead_filter.search == "corolla")
        for attempt in range(5):
            burst(app, ["backspace"] * 30 + list("hb20"))
            await wait_until(pilot, lambda: board(app).state.lead_filter.search == "hb20")
            assert field.value == "hb20", f"try {attempt}: keys lost"
            assert field.has_focus
            burst(app, ["backspace"] * 4 + list("corolla"))
            await wait_until(pilot, lambda: board(app).state.lead_filter.search == "corolla")


async def test_a_slash_can_be_typed_in_the_search_field(ui_services: Services) -> None:
    ui_services.leads.add(name="Cliente", vehicle="Fiat Strada 1.4 C/D")
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await press(pilot, "slash", *"c", "slash", "d")
        assert board(app).search_field.value == "c/d"
