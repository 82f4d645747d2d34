"""UI test helpers: deterministic apps on temporary stores, and waiting on conditions."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.strip import Strip

from cockpit_tui.domain.statuses import STATUS_ORDER, Status
from cockpit_tui.services import Services, open_services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.demo import seed_demo_store
from cockpit_tui.ui.app import CockpitApp
from cockpit_tui.ui.board.screen import BoardScreen
from cockpit_tui.ui.column_view import ColumnView
from cockpit_tui.ui.lead_actions import LeadActions
from cockpit_tui.ui.widgets.text_line import TextLine


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
    # The waits on cards are in business time from the first frame (snapshots are stable).
    ui_services.board.load_calendar(clock.now())
    return ui_services


def make_app(services: Services, lang: str = "pt", *, poll_interval: float = 0.05) -> CockpitApp:
    return CockpitApp(services, lang=lang, poll_interval=poll_interval)


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


def settled(app: CockpitApp) -> bool:
    """Whether no lead write nor filter read is under way on any open screen."""
    for screen in app.screen_stack:
        if isinstance(screen, BoardScreen) and screen.busy:
            return False
        actions = getattr(screen, "actions", None)
        if isinstance(actions, LeadActions) and actions.busy:
            return False
    return True


async def press(pilot: Pilot[None], *keys: str) -> None:
    """Press ``keys`` as a user does, then wait until what they started has been shown.

    Moves, undos, searches and filter changes run in workers; a test that
    asserts right after a key waits here for their results to be on screen.
    """
    await pilot.press(*keys)
    app = pilot.app
    assert isinstance(app, CockpitApp)
    await wait_until(pilot, lambda: settled(app))
    await pilot.pause()


async def board_mounted(pilot: Pilot[None]) -> None:
    """Wait until the board (the app's first screen) is mounted.

    ``run_test`` waits for it; ``snap_compare`` starts its pilot as soon as the
    app is ready, while the board may still be mounting.
    """
    app = pilot.app
    await wait_until(pilot, lambda: isinstance(app.screen, BoardScreen) and app.screen.is_mounted)


def board(app: CockpitApp) -> BoardScreen:
    """The board screen of a running app."""
    screen = app.screen
    assert isinstance(screen, BoardScreen), f"expected the board, got {type(screen).__name__}"
    return screen


def column(app: CockpitApp, status: Status) -> ColumnView:
    """One column of the board."""
    return board(app).column(status)


def canvas_line(app: CockpitApp, y: int) -> str:
    """The text of line ``y`` of the columns as drawn now."""
    return board(app).canvas.render_line(y).text


def blocks(app: CockpitApp, y: int) -> dict[Status, str]:
    """Line ``y`` of each column on screen, keyed by status."""
    canvas = board(app).canvas
    parts = canvas.render_line(y).text.split("▏")[1:]
    return {c.status: part for c, part in zip(canvas.shown_columns, parts, strict=True)}


def header_of(app: CockpitApp, status: Status) -> str:
    """A column's header as the user sees it: its header line, or the hidden-column hint."""
    shown = blocks(app, 0)
    if status in shown:
        return shown[status].strip()
    screen = board(app)
    hints = screen.query_one("#offscreen-left", TextLine).text
    hints += "  " + screen.query_one("#offscreen-right", TextLine).text
    for hint in hints.replace("◀", "").replace("▶", "").split("  "):
        if hint.strip().startswith(f"{status.position} "):
            return hint.strip()
    raise AssertionError(f"{status} is neither shown nor named off-screen")


def shown_counts(app: CockpitApp) -> dict[Status, int]:
    """The count each column's header (or hidden-column hint) shows."""
    return {s: int(header_of(app, s).rsplit(" ", 1)[1]) for s in STATUS_ORDER}


def screen_lines(view: ColumnView) -> list[str]:
    """The text of every line a column draws now."""
    return [view.render_line(y).text for y in range(view.height)]


def first_line_of_card(view: ColumnView, index: int) -> Strip:
    """The name line of the card at ``index`` (which must be on screen).

    The canvas that draws the column is asked for a line first: a board that
    was empty a moment ago has not drawn (nor resolved its styles) yet.
    """
    if view.owner is not None and hasattr(view.owner, "render_line"):
        view.owner.render_line(0)
    line = view.line_of(index)
    assert line is not None, "the card is on screen"
    return view.render_line(line)


def selected_id(app: CockpitApp) -> int | None:
    """The id of the selected lead, if any."""
    card = board(app).selected_card
    return card.id if card else None


def notices(app: CockpitApp) -> list[str]:
    """The text of the notifications on screen, and the board's notice line."""
    shown = [str(n.message) for n in app._notifications]
    if isinstance(app.screen, BoardScreen):
        shown.append(app.screen.query_one("#notice", TextLine).text)
    return shown
