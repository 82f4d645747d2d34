"""The board lives in the store's time zone, whatever the terminal's clock says."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cockpit_tui.cli.commands import _live_in_store_zone
from cockpit_tui.services import open_services
from cockpit_tui.services.clock import FrozenClock


@pytest.fixture
def utc_terminal(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("utc_terminal")
def test_a_utc_terminal_shows_the_stores_times(tmp_path: Path) -> None:
    clock = FrozenClock(datetime(2026, 12, 1, 22, 0, tzinfo=UTC))
    services = open_services(f"sqlite:///{tmp_path / 's.sqlite'}", actor="Ana", clock=clock)
    try:
        services.settings.set_value("timezone", "Asia/Tokyo")
        _live_in_store_zone(services)
        shown = datetime(2026, 12, 1, 22, 0, tzinfo=UTC).astimezone()
        assert shown.strftime("%d/%m %H:%M") == "02/12 07:00"
    finally:
        services.close()
