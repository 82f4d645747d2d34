"""The reply form refuses a marketing template for a customer without WhatsApp consent (LGPD)."""

from __future__ import annotations

from textual.widgets import TextArea

from cockpit_tui.services import Services
from cockpit_tui.ui.screens.forms.reply_form import ReplyForm
from cockpit_tui.ui.screens.forms.template_picker import TemplatePicker
from tests.ui.conftest import make_app, press, wait_until


async def test_the_reply_form_refuses_a_marketing_template_with_the_reason(
    ui_services: Services,
) -> None:
    ui_services.templates.save("Oferta", "{nome}, feirão no sábado!", marketing=True)
    ui_services.leads.add(name="Carlos Pereira", phone="(11) 91234-5678")
    app = make_app(ui_services, poll_interval=0.5)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "r")
        await wait_until(pilot, lambda: isinstance(app.screen, ReplyForm))
        form = app.screen
        await press(pilot, "ctrl+t")
        await wait_until(pilot, lambda: isinstance(app.screen, TemplatePicker))
        picker = app.screen
        assert isinstance(picker, TemplatePicker)
        await wait_until(pilot, lambda: len(picker.templates) == 1)
        await press(pilot, "enter")
        await wait_until(pilot, lambda: "consentimento no WhatsApp" in picker.error_text)
        assert 'o modelo de marketing "Oferta"' in picker.error_text
        await press(pilot, "escape")
        await wait_until(pilot, lambda: app.screen is form)
        assert isinstance(form, ReplyForm)
        assert form.query_one(TextArea).text == "", "nothing of the offer was inserted"
