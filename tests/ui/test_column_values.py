"""The columns' total asking value in their headers: `$` shows it, a worker reads it, the
choice is remembered per user across sessions."""

from __future__ import annotations

import json
import threading
from decimal import Decimal
from pathlib import Path

import pytest

from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.filtering import Where
from cockpit_tui.services.preferences import Preferences
from cockpit_tui.ui.app import CockpitApp
from tests.conftest import tick
from tests.ui.conftest import board, header_of, press, wait_until


def _store(services: Services, clock: FrozenClock) -> dict[str, int]:
    """Nova proposta: R$ 80.000 + R$ 70.000 + a lead without a price; R$ 4,2 mi awaiting a visit."""
    ids = {}
    for name, price in (("Ana Paula", "80000"), ("Bruno Dias", "70000"), ("Sem preço", None)):
        tick(clock)
        card = services.leads.add(name=name, price=None if price is None else Decimal(price))
        ids[name] = card.id
    tick(clock)
    truck = services.leads.add(name="Frota Ltda", price=Decimal("4200000"))
    services.leads.move(truck.id, Status.AWAITING_VISIT)
    return ids


async def test_dollar_shows_the_totals_read_off_the_ui_thread_and_a_restart_keeps_them(
    ui_services: Services, clock: FrozenClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _store(ui_services, clock)
    readers: list[str] = []
    asking_totals = ui_services.board.asking_totals

    def recorded(where: Where = None) -> dict[Status, Decimal]:
        readers.append(threading.current_thread().name)
        return asking_totals(where)

    monkeypatch.setattr(ui_services.board, "asking_totals", recorded)
    preferences = Preferences(tmp_path / "config", "Ana")
    app = CockpitApp(ui_services, poll_interval=0.05, preferences=preferences)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        assert "R$" not in header_of(app, Status.NEW), "hidden until asked for"
        await press(pilot, "dollar_sign")
        await wait_until(pilot, lambda: "R$ 150 mil" in header_of(app, Status.NEW))
        assert header_of(app, Status.AWAITING_VISIT).endswith("R$ 4,2 mi")
        assert header_of(app, Status.NEW).startswith("Nova"), "the label stays"
        assert readers
        assert threading.main_thread().name not in readers, "read in a worker"
        # A move changes the counts: the totals follow.
        board(app).select_lead(ids["Bruno Dias"])
        await press(pilot, "shift+right")
        await wait_until(pilot, lambda: header_of(app, Status.NEW).endswith("R$ 80,0 mil"))
        assert header_of(app, Status.NEGOTIATING).endswith("R$ 70,0 mil")
    saved = json.loads((tmp_path / "config" / "filters.json").read_text())
    assert saved["Ana"]["column_totals"] is True

    again = CockpitApp(ui_services, poll_interval=0.05, preferences=preferences)
    async with again.run_test(size=(160, 45)) as pilot:
        await wait_until(pilot, lambda: header_of(again, Status.NEW).endswith("R$ 80,0 mil"))
        await press(pilot, "dollar_sign")
        await wait_until(pilot, lambda: "R$" not in header_of(again, Status.NEW))
        assert "R$" not in header_of(again, Status.AWAITING_VISIT)
    assert Preferences(tmp_path / "config", "Ana").load_column_totals() is False
    assert Preferences(tmp_path / "config", "Bruno").load_column_totals() is False
