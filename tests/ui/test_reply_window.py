"""The reply dialog and WhatsApp's 24-hour window: free text inside, approved templates outside."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from textual.widgets import OptionList, Static, TextArea

from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.delivery import DeliveryService
from cockpit_tui.services.demo_templates import seed_demo_day_tools
from cockpit_tui.ui.screens.forms.reply_form import ReplyForm
from cockpit_tui.ui.screens.forms.template_reply_form import TemplateReplyForm
from cockpit_tui.ui.screens.lead import LeadScreen
from tests.ui.conftest import make_app, press, wait_until
from tests.ui.test_lead_screen import form_of, lead_notice


def store_on_whatsapp(services: Services, clock: FrozenClock, *, wrote_hours_ago: float) -> int:
    """A store that sends through WhatsApp, its demo templates, and Carlos, who wrote earlier."""
    services.settings.set_value("whatsapp_phone_number_id", "106540352242922")
    services.settings.set_value("whatsapp_access_token", "EAAG-test")
    seed_demo_day_tools(services.store, actor="Ana", clock=clock)
    return services.leads.add(
        name="Carlos Pereira",
        phone="(11) 91234-5678",
        vehicle="Onix LT 2024",
        price=Decimal("89900"),
        message="Ainda está disponível?",
        at=clock.now() - timedelta(hours=wrote_hours_ago),
    ).id


def due_templates(services: Services) -> list[tuple[str, str | None]]:
    """What the server would send next: (text, WhatsApp template name or None for free text)."""
    due = DeliveryService(services.store, clock=services.clock, holder="test").due()
    return [(reply.body, reply.template.name if reply.template else None) for reply in due]


async def test_within_24_hours_the_reply_is_free_text_as_always(
    ui_services: Services, clock: FrozenClock
) -> None:
    lead_id = store_on_whatsapp(ui_services, clock, wrote_hours_ago=23)
    app = make_app(ui_services, poll_interval=0.5)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "r")
        form = await form_of(pilot, app, ReplyForm)
        form.query_one(TextArea).insert("Está sim! Quer vir ver hoje?")
        await press(pilot, "ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, LeadScreen))
        assert lead_notice(app) == "Resposta enviada para a fila de saída"
    assert due_templates(ui_services) == [("Está sim! Quer vir ver hoje?", None)]
    assert ui_services.leads.get(lead_id).needs_attention is False


async def test_after_24_hours_the_dialog_says_why_and_sends_an_approved_template(
    ui_services: Services, clock: FrozenClock
) -> None:
    store_on_whatsapp(ui_services, clock, wrote_hours_ago=30)
    app = make_app(ui_services, poll_interval=0.5)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "r")
        form = await form_of(pilot, app, TemplateReplyForm)
        reason = str(form.query_one("#reply-window", Static).content)
        assert "escreveu pela última vez há 30 h" in reason
        assert "só modelos aprovados pelo WhatsApp podem ser enviados" in reason
        assert [template.name for template in form.templates] == [
            "Ainda tem interesse?",
            "Primeiro contato",
        ], "only the templates linked to an approved WhatsApp template, by name"
        assert form.query_one(OptionList).has_focus
        assert form.preview_text.startswith("Oi, Carlos! Tudo bem? Ainda tem interesse no Onix")
        await press(pilot, "down")
        await wait_until(pilot, lambda: form.preview_text.startswith("Olá, Carlos! Aqui é Ana"))
        await press(pilot, "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, LeadScreen))
        assert lead_notice(app) == "Resposta enviada para a fila de saída"
    (sent,) = due_templates(ui_services)
    assert sent[1] == "primeiro_contato"
    assert sent[0].startswith("Olá, Carlos! Aqui é Ana, da Auto Center Paulista.")


async def test_after_24_hours_without_approved_templates_it_says_how_to_link_one(
    ui_services: Services, clock: FrozenClock
) -> None:
    store_on_whatsapp(ui_services, clock, wrote_hours_ago=30)
    for name in ("Primeiro contato", "Ainda tem interesse?"):
        ui_services.templates.link_whatsapp(name, None, None)
    app = make_app(ui_services, lang="en", poll_interval=0.5)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "r")
        form = await form_of(pilot, app, TemplateReplyForm)
        none = str(form.query_one("#reply-no-templates", Static).content)
        assert "cockpit templates whatsapp NAME APPROVED_NAME pt_BR" in none
        assert not form.query(TextArea), "no free text to type outside the window"
        await press(pilot, "ctrl+s")
        assert form.error_text.startswith("None of the store's templates is linked")
        await press(pilot, "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, LeadScreen))
    assert ui_services.leads.outbox() == []
