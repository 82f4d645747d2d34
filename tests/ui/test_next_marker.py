"""The "▶ próximo" marker: the card ``space`` would pick next (issue 15)."""

from __future__ import annotations

import threading
from datetime import datetime

import pytest

from cockpit_tui.domain.cards import LeadCard
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.filtering import Where
from cockpit_tui.ui.app import CockpitApp
from tests.conftest import services_for, tick
from tests.ui.conftest import (
    board,
    column,
    make_app,
    press,
    screen_lines,
    selected_id,
    settled,
    wait_until,
)


def marked(app: CockpitApp) -> list[str]:
    """The names on the cards of Nova proposta that carry the marker."""
    names, name = [], None
    for line in screen_lines(column(app, Status.NEW)):
        text = line.strip(" ▌")
        if not text:
            name = None  # the gap between two cards
        elif name is None:
            name = text.split("  ")[0]  # a card's first line: the name, then its badge
        if "▶ próximo" in line and name is not None:
            names.append(name)
    return names


async def test_the_card_space_picks_next_is_marked_and_the_mark_follows_the_board(
    ui_services: Services, ui_url: str, clock: FrozenClock
) -> None:
    stale = ui_services.leads.add(name="Alice Lima", phone="(11) 91111-1111", source="OLX")
    tick(clock, 10)  # Alice is past her 5 minutes
    fresh = ui_services.leads.add(name="Bruno Reis", phone="(11) 92222-2222", source="OLX")
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_until(pilot, lambda: marked(app) == ["Bruno Reis"])
        await press(pilot, "space")
        assert selected_id(app) == fresh.id
        await wait_until(pilot, lambda: marked(app) == ["Alice Lima"])
        await press(pilot, "space")
        assert selected_id(app) == stale.id, "the mark showed where space went"
        await press(pilot, "k")  # the user walks off on their own: the top is next again
        await wait_until(pilot, lambda: marked(app) == ["Bruno Reis"])
        other = services_for(ui_url, "Carla", clock)
        try:
            other.leads.reply(fresh.id, "Olá Bruno")  # answered elsewhere: Alice comes first
        finally:
            other.close()
        await wait_until(pilot, lambda: marked(app) == ["Alice Lima"])


async def test_a_search_draws_the_mark_with_its_cards(
    ui_services: Services, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The mark under a search comes with the search's cards, not from a read after them."""
    ui_services.leads.add(name="Alice Lima", phone="(11) 91111-1111", source="OLX")
    tick(clock, 10)  # Alice is past her 5 minutes: Bruno comes first
    ui_services.leads.add(name="Bruno Reis", phone="(11) 92222-2222", source="OLX")
    app = make_app(ui_services)
    board_service = ui_services.board
    urgent_leads, released = board_service.urgent_leads, threading.Event()

    def held(now: datetime, *, limit: int = 200, where: Where = None) -> list[LeadCard]:
        released.wait(10)  # a mark read of its own lands only after the assertions
        return urgent_leads(now, limit=limit, where=where)

    async with app.run_test(size=(160, 45)) as pilot:
        await wait_until(pilot, lambda: marked(app) == ["Bruno Reis"])
        monkeypatch.setattr(board_service, "urgent_leads", held)
        try:
            await press(pilot, "slash", *"alice")
            await wait_until(
                pilot, lambda: board(app).state.lead_filter.search == "alice" and settled(app)
            )
            assert marked(app) == ["Alice Lima"], "marked in the frame that shows the search"
            await press(pilot, "escape")
            await wait_until(
                pilot, lambda: board(app).state.lead_filter.search == "" and settled(app)
            )
            assert marked(app) == ["Bruno Reis"]
        finally:
            released.set()


def test_the_marker_never_hides_an_appointment() -> None:
    from rich.style import Style

    from cockpit_tui.i18n.translate import Translator
    from cockpit_tui.ui.card_lines import with_next_marker

    t, plain = Translator("pt"), Style()
    visit = [("◷ Visita 29/11 09:30", plain)]

    def text(inner: int, parts: list[tuple[str, Style]]) -> str:
        return "".join(part for part, _ in with_next_marker(parts, inner, t, plain))

    assert text(34, visit) == "◷ Visita 29/11 09:30" + " " * 5 + "▶ próximo"
    assert text(22, visit) == "◷ Visita 29/11 09:30 ▶", "a narrow card keeps the visit whole"
    assert text(22, [(" " * 22, plain)]) == " " * 12 + " ▶ próximo"
