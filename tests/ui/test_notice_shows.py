"""The board's notice line is drawn as wide as what it says (it was 0 cells wide)."""

from __future__ import annotations

import pytest

from cockpit_tui.services import Services
from cockpit_tui.ui.widgets.text_line import TextLine
from tests.ui.conftest import make_app, press, wait_until


@pytest.mark.parametrize("size", [(160, 45), (80, 24)], ids=["160x45", "80x24"])
async def test_undo_with_nothing_to_undo_is_said_on_screen(
    ui_services: Services, size: tuple[int, int]
) -> None:
    ui_services.leads.add(name="Maria Souza", phone="(11) 98123-4567")
    app = make_app(ui_services)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await press(pilot, "u")
        notice = app.screen.query_one("#notice", TextLine)
        await wait_until(pilot, lambda: bool(notice.text))
        await wait_until(pilot, lambda: notice.content_size.width >= min(len(notice.text), 40))
        drawn = "".join(
            segment.text for y in range(notice.size.height) for segment in notice.render_line(y)
        )
        assert notice.text[:20] in drawn, "the notice is on screen, not only in the widget"
