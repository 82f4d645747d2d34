"""SVG snapshots of the board on the demo store (frozen clock, São Paulo time)."""

from __future__ import annotations

from typing import Any

import pytest

from cockpit_tui.services import Services
from tests.ui.conftest import make_app, notices, shown_counts, wait_until


@pytest.mark.parametrize("size", [(160, 45), (100, 30)])
def test_board_snapshot(snap_compare: Any, demo_services: Services, size: tuple[int, int]) -> None:
    expected = demo_services.board.counts()

    async def counts_loaded(pilot: Any) -> None:
        await wait_until(pilot, lambda: shown_counts(pilot.app) == expected)

    assert snap_compare(make_app(demo_services), terminal_size=size, run_before=counts_loaded)


def test_board_snapshot_after_a_move_and_selection(
    snap_compare: Any, demo_services: Services
) -> None:
    """The selected card in another column, a move's notice, the picker closed."""

    async def move_one(pilot: Any) -> None:
        await pilot.press("j", "shift+right")
        await wait_until(pilot, lambda: any("Movido" in n for n in notices(pilot.app)))

    assert snap_compare(make_app(demo_services), terminal_size=(100, 30), run_before=move_one)
