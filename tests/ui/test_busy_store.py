"""A store held busy by another process: the board keeps answering keys, the move lands later."""

from __future__ import annotations

import sqlite3
import time

from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from tests.conftest import tick
from tests.ui.conftest import board, make_app, notices, selected_id, shown_counts, wait_until

#: How long the other process holds the write lock (a colleague's big import chunk).
HELD_SECONDS = 5.0


async def test_a_write_lock_held_for_five_seconds_does_not_freeze_the_board(
    ui_services: Services, ui_url: str, clock: FrozenClock
) -> None:
    ids = []
    for name in ("Alice Prado", "Bruno Reis", "Carla Dias"):
        tick(clock)
        ids.append(ui_services.leads.add(name=name, vehicle="Fiat Argo 2022").id)
    carla, bruno = ids[2], ids[1]
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_until(pilot, lambda: selected_id(app) == carla)
        other_process = sqlite3.connect(ui_url.removeprefix("sqlite:///"), isolation_level=None)
        other_process.execute("BEGIN IMMEDIATE")  # holds the write lock
        held_since = time.monotonic()
        try:
            await pilot.press("shift+right")
            # Acknowledged at once, though the write waits for the lock.
            assert "→ Em negociação …" in notices(app)
            assert board(app).busy
            await pilot.press("down")  # the key acted on Carla; the user looks at Bruno now
            assert selected_id(app) == bruno
            slowest = 0.0
            while time.monotonic() - held_since < HELD_SECONDS:
                for key, expected in (("up", carla), ("down", bruno)):
                    pressed = time.monotonic()
                    await pilot.press(key)
                    slowest = max(slowest, time.monotonic() - pressed)
                    assert selected_id(app) == expected
            assert slowest < 1.0, f"a cursor key took {slowest:.2f} s under the lock"
            assert ui_services.leads.get(carla).status is Status.NEW, "the write is waiting"
            assert board(app).busy
        finally:
            other_process.execute("ROLLBACK")
            other_process.close()
        await wait_until(pilot, lambda: not board(app).busy, timeout=20)
        assert ui_services.leads.get(carla).status is Status.NEGOTIATING
        assert ui_services.leads.get(bruno).status is Status.NEW, "the key acted on Carla"
        assert "Movido para Em negociação — u desfaz" in notices(app)
        assert shown_counts(app)[Status.NEW] == 2
        assert shown_counts(app)[Status.NEGOTIATING] == 1
        assert selected_id(app) == bruno, "the selection stays where the user took it"
