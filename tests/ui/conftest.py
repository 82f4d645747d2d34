"""UI test helpers: deterministic apps on temporary stores, and waiting on conditions."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from cockpit_tui.services import Services, open_services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.demo import seed_demo_store
from cockpit_tui.ui.app import CockpitApp


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
