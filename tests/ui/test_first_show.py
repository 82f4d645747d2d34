"""The board's first show keeps its widgets' styles from mount (issue 18): nothing is left stale.

``ui/board/first_show.py`` skips Textual's restyle of every widget when the
board is shown the first time. A full restyle done afterwards must change no
widget's styles and no cell of the screen.
"""

from __future__ import annotations

from cockpit_tui.services import Services
from tests.ui.conftest import board, board_mounted, make_app


def _styles_by_widget(app_screen: object) -> dict[str, str]:
    from textual.screen import Screen

    assert isinstance(app_screen, Screen)
    return {
        f"{index}:{type(node).__name__}#{node.id}": node.styles.css
        for index, node in enumerate(app_screen.query("*"))
    }


async def test_a_full_restyle_after_the_first_show_changes_nothing(
    demo_services: Services,
) -> None:
    app = make_app(demo_services)
    # 100 wide: the line naming the hidden columns shows too.
    async with app.run_test(size=(100, 30)) as pilot:
        await board_mounted(pilot)
        await pilot.pause()
        screen = board(app)
        assert screen._shown_before
        styles, shown = _styles_by_widget(screen), app.export_screenshot()
        screen.update_node_styles(animate=False)
        screen.refresh(layout=True)
        await pilot.pause()
        assert sum("background" in css for css in styles.values()) >= 3  # styled, not empty
        assert _styles_by_widget(screen) == styles
        assert app.export_screenshot() == shown
