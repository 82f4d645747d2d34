"""Every key typed in the search field reaches it, in order (issue 13, defect 4)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual import events
from textual.app import App
from textual.message_pump import MessagePump

from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.ui.type_ahead import KeyHoldApp
from tests.conftest import tick
from tests.ui.conftest import board, make_app, press, settled, wait_until


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


@pytest.mark.usefixtures("cars")
async def test_a_word_typed_at_once_is_searched_once_however_slow_each_key_s_round_trip(
    ui_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No search starts on the first letters while the rest of the word waits its turn."""
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await press(pilot, "slash")
        filters = board(app).filters
        searched: list[str] = []
        search = filters.search

        def noted(text: str, *, kept: bool) -> None:
            searched.append(text)
            search(text, kept=kept)

        monkeypatch.setattr(filters, "search", noted)
        follow = KeyHoldApp._follow
        delayed: list[Callable[[], None]] = []

        def slow_follow(
            self: KeyHoldApp, key_number: int, node: MessagePump, *, passes: int
        ) -> None:
            # A loaded machine: each key's effect is confirmed well after the search's pause.
            def later() -> None:
                delayed.remove(later)
                follow(self, key_number, node, passes=passes)

            delayed.append(later)
            self.set_timer(0.03, later)

        monkeypatch.setattr(KeyHoldApp, "_follow", slow_follow)
        burst(app, [*"corx", "backspace", *"olla"])
        await wait_until(pilot, lambda: board(app).state.lead_filter.search == "corolla")
        await wait_until(pilot, lambda: settled(app) and not delayed)
        assert board(app).search_field.value == "corolla", "no key lost"
        assert searched == ["corolla"]
