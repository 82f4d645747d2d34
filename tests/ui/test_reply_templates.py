"""ctrl+t in the reply: a template picked by typing, filled for the lead, inserted at the cursor."""

from __future__ import annotations

from decimal import Decimal

from textual.widgets import OptionList, Static, TextArea

from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.demo_templates import seed_demo_day_tools
from cockpit_tui.ui.screens.forms.reply_form import ReplyForm
from cockpit_tui.ui.screens.forms.template_picker import TemplatePicker
from cockpit_tui.ui.screens.lead import LeadScreen
from tests.ui.conftest import make_app, press, wait_until


async def test_ctrl_t_inserts_primeiro_contato_filled_and_ctrl_s_sends_it(
    ui_services: Services, clock: FrozenClock
) -> None:
    seed_demo_day_tools(ui_services.store, actor="Ana", clock=clock)
    card = ui_services.leads.add(
        name="Carlos Pereira",
        phone="(11) 91234-5678",
        vehicle="Onix LT 2024",
        price=Decimal("89900"),
    )
    app = make_app(ui_services, poll_interval=0.5)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "r")
        await wait_until(pilot, lambda: isinstance(app.screen, ReplyForm))
        form = app.screen
        assert isinstance(form, ReplyForm)
        assert "ctrl+t" in str(form.query_one("#form-hint", Static).content)
        await pilot.press(*"Oi! ")
        await press(pilot, "ctrl+t")
        await wait_until(pilot, lambda: isinstance(app.screen, TemplatePicker))
        picker = app.screen
        assert isinstance(picker, TemplatePicker)
        await wait_until(pilot, lambda: len(picker.templates) == 5)
        await pilot.press(*"primeiro")
        await wait_until(pilot, lambda: [t.name for t in picker.templates] == ["Primeiro contato"])
        assert picker.query_one(OptionList).option_count == 1
        await press(pilot, "enter")
        await wait_until(pilot, lambda: app.screen is form)
        text = form.query_one(TextArea).text
        assert text.startswith("Oi! Olá, Carlos! Aqui é Ana, da Auto Center Paulista.")
        assert "Onix LT 2024" in text
        await press(pilot, "ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, LeadScreen))
        (sent,) = ui_services.leads.outbox()
        assert sent.lead_id == card.id
        assert "Carlos" in sent.body


async def test_a_filter_that_matches_nothing_says_how_to_add_one(
    ui_services: Services, clock: FrozenClock
) -> None:
    seed_demo_day_tools(ui_services.store, actor="Ana", clock=clock)
    ui_services.leads.add(name="Carlos Pereira", phone="(11) 91234-5678")
    app = make_app(ui_services, lang="en", poll_interval=0.5)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "r")
        await wait_until(pilot, lambda: isinstance(app.screen, ReplyForm))
        await press(pilot, "ctrl+t")
        await wait_until(pilot, lambda: isinstance(app.screen, TemplatePicker))
        picker = app.screen
        assert isinstance(picker, TemplatePicker)
        await pilot.press(*"zzz")
        await wait_until(pilot, lambda: "cockpit templates add" in picker.error_text)
        await press(pilot, "enter")
        assert picker.error_text == "Choose a template from the list."
        await press(pilot, "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ReplyForm))
        form = app.screen
        assert isinstance(form, ReplyForm)
        assert form.query_one(TextArea).text == ""
