"""Esc in the reply keeps what was typed: ``r`` on the same lead brings it back."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import TextArea

from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.ui.screens.forms.reply_form import ReplyForm
from cockpit_tui.ui.screens.lead import LeadScreen
from cockpit_tui.ui.widgets.text_line import TextLine
from tests.ui.conftest import make_app, press, wait_until
from tests.ui.test_lead_screen import form_of, open_lead


async def test_esc_keeps_the_draft_for_that_lead_until_it_is_sent(
    ui_services: Services, clock: FrozenClock
) -> None:
    at = clock.now() - timedelta(hours=1)
    rodrigo = ui_services.leads.add(name="Rodrigo Lopes", phone="(11) 97348-4622", at=at)
    ui_services.leads.record_inbound(rodrigo.id, "Ainda está disponível?", at=at)
    other = ui_services.leads.add(name="Alice Prado", phone="(11) 98888-1111", at=at)
    ui_services.leads.record_inbound(other.id, "Oi", at=at)
    app = make_app(ui_services, poll_interval=0.5)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_lead(pilot, app, rodrigo.id)
        await press(pilot, "r")
        form = await form_of(pilot, app, ReplyForm)
        await pilot.press(*"Sim, hoje")
        await press(pilot, "escape")
        await wait_until(pilot, lambda: app.screen is screen)
        assert "Rascunho guardado" in screen.query_one("#lead-notice", TextLine).text
        await press(pilot, "r")
        form = await form_of(pilot, app, ReplyForm)
        area = form.query_one(TextArea)
        assert area.text == "Sim, hoje"
        await pilot.press("!")  # the cursor is after the draft
        assert area.text == "Sim, hoje!"
        await press(pilot, "ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen)
        assert ui_services.leads.detail(rodrigo.id).messages[-1].body == "Sim, hoje!"
        await press(pilot, "r")
        form = await form_of(pilot, app, ReplyForm)
        assert form.query_one(TextArea).text == "", "sent: the draft is gone"
        await press(pilot, "escape", "escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, LeadScreen | ReplyForm))
        # Another lead's reply starts empty: drafts are per lead.
        await open_lead(pilot, app, other.id)
        await press(pilot, "r")
        form = await form_of(pilot, app, ReplyForm)
        assert form.query_one(TextArea).text == ""
