"""SVG snapshots of the board screen on the demo store (frozen clock)."""

from __future__ import annotations

from typing import Any

import pytest

from cockpit_tui.domain.statuses import STATUS_ORDER
from cockpit_tui.services import Services
from cockpit_tui.ui.widgets import ColumnSummary
from tests.ui.conftest import make_app, wait_until


@pytest.mark.parametrize("size", [(160, 45), (100, 30)])
def test_board_snapshot(snap_compare: Any, demo_services: Services, size: tuple[int, int]) -> None:
    expected = demo_services.board.counts()

    async def counts_loaded(pilot: Any) -> None:
        def shown() -> bool:
            return all(
                pilot.app.screen.query_one(f"#column-{s.value}", ColumnSummary).count == expected[s]
                for s in STATUS_ORDER
            )

        await wait_until(pilot, shown)

    assert snap_compare(make_app(demo_services), terminal_size=size, run_before=counts_loaded)
