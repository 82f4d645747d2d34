"""Issue 13 (defect 3): a dialog dims the screen behind instead of blacking it out.

The reply dialog also quotes the customer's last messages with their time;
they are the customer's words, so shown literally (no markup, no control
characters).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import Input, Static, TextArea

from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.ui.app import CockpitApp
from cockpit_tui.ui.screens.forms import TextForm
from cockpit_tui.ui.screens.forms.reply_form import ReplyForm
from tests.ui.conftest import make_app, press
from tests.ui.test_lead_screen import form_of, open_lead


@pytest.fixture
def chatty_lead(ui_services: Services, clock: FrozenClock) -> int:
    lead = ui_services.leads.add(
        name="Rodrigo Lopes",
        phone="(11) 97348-4622",
        vehicle="Honda Civic",
        message="Oi",
        at=clock.now() - timedelta(hours=6),
    )
    for hours, text in (
        (1, "Ainda está disponível?"),
        (2, "Aceita troca? [b]Gol[/b] 2015 \x1b[31m90 mil km"),
        (3, "Consegue fazer por um valor menor?"),
        (4, "Posso passar amanhã às 10h?"),
    ):
        ui_services.leads.record_inbound(lead.id, text, at=clock.now() - timedelta(hours=5 - hours))
    return lead.id


def screen_text(app: CockpitApp) -> str:
    """Every character on the terminal now, as a user would read it."""
    return app.export_screenshot().replace("&#160;", " ")


async def test_the_reply_dialog_dims_the_lead_and_quotes_the_last_messages(
    ui_services: Services, chatty_lead: int
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_lead(pilot, app, chatty_lead)
        await press(pilot, "r")
        form = await form_of(pilot, app, ReplyForm)
        shown = screen_text(app)
        # The lead screen's title line is outside the dialog: still there, behind it.
        assert f"Lead #{chatty_lead}" in shown
        quote = str(form.query_one("#reply-quote", Static).visual)
        lines = quote.splitlines()
        assert len(lines) == 3, "the customer's last three messages"
        assert lines[0].endswith("  Aceita troca? [b]Gol[/b] 2015 90 mil km")
        assert "\x1b" not in quote
        assert lines[2].endswith("Posso passar amanhã às 10h?")
        assert lines[2].startswith("27/11/2026 ")
        assert not form.query_one(TextArea).cursor_blink, "a blink would repaint the backdrop"


async def test_the_note_and_filter_dialogs_dim_the_screen_behind(
    ui_services: Services, chatty_lead: int
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_lead(pilot, app, chatty_lead)
        await press(pilot, "n")
        await form_of(pilot, app, TextForm)
        assert f"Lead #{chatty_lead}" in screen_text(app)
        await press(pilot, "escape", "escape")
        await press(pilot, "question_mark")
        assert "Rodrigo Lopes" in screen_text(app), "the board behind the help"
        assert not any(field.cursor_blink for field in app.screen.query(Input))


async def test_the_screen_behind_is_rendered_once_not_on_every_key(
    ui_services: Services, chatty_lead: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cost: Textual's translucent modal re-renders the screen behind on each frame."""
    from textual._compositor import Compositor

    renders: list[int] = []
    original = Compositor.render_strips

    def counted(compositor: Compositor, *args: object) -> object:
        renders.append(1)
        return original(compositor, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Compositor, "render_strips", counted)
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_lead(pilot, app, chatty_lead)
        await press(pilot, "r")
        form = await form_of(pilot, app, ReplyForm)
        await pilot.pause()
        assert len(renders) == 1
        await press(pilot, "o", "l", "á", "space", "R", "o", "d", "r", "i", "g", "o")
        assert form.query_one(TextArea).text == "olá Rodrigo"
        assert len(renders) == 1, "eleven keys, the backdrop still painted once"
