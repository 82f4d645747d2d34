"""UI test helpers: deterministic apps on temporary stores, and waiting on conditions."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widgets import Static

from cockpit_tui.domain.statuses import STATUS_ORDER, Status
from cockpit_tui.services import Services, open_services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.demo import seed_demo_store
from cockpit_tui.ui.app import CockpitApp
from cockpit_tui.ui.screens.board import BoardScreen
from cockpit_tui.ui.widgets.card_lines import CARD_HEIGHT
from cockpit_tui.ui.widgets.lead_column import LeadColumn


@pytest.fixture(autouse=True)
def _deterministic_textual(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEXTUAL_ANIMATION", "none")


@pytest.fixture
def ui_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'ui.sqlite'}"


@pytest.fixture
def ui_services(ui_url: str, clock: FrozenClock) -> Iterator[Services]:
    services = open_services(ui_url, actor="Ana", clock=clock)
    yield services
    services.close()


@pytest.fixture
def demo_services(ui_services: Services, clock: FrozenClock) -> Services:
    seed_demo_store(ui_services.store, clock=clock)
    return ui_services


def make_app(services: Services, lang: str = "pt") -> CockpitApp:
    return CockpitApp(services, lang=lang, poll_interval=0.05)


async def wait_until(pilot: Pilot[None], condition: Callable[[], bool], timeout: float = 5) -> None:
    """Let the app run until ``condition()`` holds; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await pilot.pause(0.02)


@pytest.fixture(autouse=True)
def _sao_paulo_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Cards show local times; pin the zone so screens do not depend on the machine."""
    monkeypatch.setenv("TZ", "America/Sao_Paulo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def board(app: CockpitApp) -> BoardScreen:
    """The board screen of a running app."""
    screen = app.screen
    assert isinstance(screen, BoardScreen), f"expected the board, got {type(screen).__name__}"
    return screen


def column(app: CockpitApp, status: Status) -> LeadColumn:
    """One column of the board."""
    return board(app).column(status)


def header_of(app: CockpitApp, status: Status) -> str:
    """The header line of a column as shown ("Nova proposta · 37")."""
    frame = app.screen.query_one(f"#status-{status.value}")
    return str(frame.query_one(".column-header", Static).content)


def shown_counts(app: CockpitApp) -> dict[Status, int]:
    """The count each column's header shows."""
    return {s: int(header_of(app, s).rsplit(" ", 1)[1]) for s in STATUS_ORDER}


def screen_lines(widget: LeadColumn) -> list[str]:
    """The text of every line a column draws now."""
    return [widget.render_line(y).text for y in range(widget.scrollable_content_region.height)]


def first_line_of_card(widget: LeadColumn, index: int) -> Strip:
    """The name line of the card at ``index`` (which must be on screen)."""
    return widget.render_line(index * CARD_HEIGHT - int(widget.scroll_y))


def selected_id(app: CockpitApp) -> int | None:
    """The id of the selected lead, if any."""
    card = board(app).selected_card
    return card.id if card else None


def notices(app: CockpitApp) -> list[str]:
    """The text of the notifications on screen."""
    return [str(n.message) for n in app._notifications]
