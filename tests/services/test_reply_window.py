"""WhatsApp's 24-hour window and approved templates, at the service level."""

from __future__ import annotations

from datetime import timedelta

import pytest

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.statuses import Status
from cockpit_tui.domain.templates import TemplateValues, whatsapp_parameters
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock


def sends_through_whatsapp(services: Services) -> None:
    services.settings.set_value("whatsapp_phone_number_id", "106540352242922")
    services.settings.set_value("whatsapp_access_token", "EAAG-test")


def test_parameters_follow_the_placeholders_in_order_each_on_one_line() -> None:
    values = TemplateValues(nome="Ana", veiculo="Onix\n  LT      2024", vendedor="Bia")
    text = "{vendedor} aqui, {Nome}: o {veiculo} é seu, {nome}!"
    assert whatsapp_parameters(text, values) == ("Bia", "Ana", "Onix LT 2024", "Ana")
    assert whatsapp_parameters("Bom dia!", values) == ()
    with pytest.raises(InvalidInputError) as missing:
        whatsapp_parameters("{nome}, o valor é {valor}", values)
    assert (missing.value.message_id, missing.value.values) == (
        "reply.template_missing_value",
        {"placeholder": "{valor}"},
    )


def test_the_window_is_the_customers_across_negotiations(
    services: Services, clock: FrozenClock
) -> None:
    sends_through_whatsapp(services)
    old = services.leads.add(
        name="Maria", phone="+5511987654321", message="Oi", at=clock.now() - timedelta(days=3)
    )
    services.leads.move(old.id, Status.LOST)
    new = services.leads.new_negotiation(old.id)
    assert not services.replies.window(new.id).is_open
    services.leads.record_inbound(old.id, "Voltei! Ainda tem carro?", at=clock.now())
    window = services.replies.window(new.id)
    assert (window.is_open, window.closes_at) == (True, clock.now() + timedelta(hours=24))


def test_the_rule_binds_only_a_store_that_sends_through_whatsapp(
    services: Services, clock: FrozenClock
) -> None:
    lead = services.leads.add(name="Walk-in", phone="+5511987654321")
    window = services.replies.window(lead.id)
    assert (window.is_open, window.enforced) == (True, False)
    services.replies.reply(lead.id, "Obrigado pela visita!")
    sends_through_whatsapp(services)
    with pytest.raises(InvalidInputError) as refused:
        services.replies.reply(lead.id, "Oi de novo")
    assert refused.value.message_id == "reply.never_wrote"


def test_a_template_not_linked_to_whatsapp_or_missing_a_value_is_refused(
    services: Services,
) -> None:
    sends_through_whatsapp(services)
    lead = services.leads.add(name="Maria Souza", phone="+5511987654321")
    plain, _ = services.templates.save("Oi", "Olá, {nome}!")
    with pytest.raises(InvalidInputError) as unlinked:
        services.replies.send_template(lead.id, plain)
    assert unlinked.value.message_id == "reply.template_not_approved"
    services.templates.save("Preço", "{nome}, o preço é {valor}.")
    price = services.templates.link_whatsapp("preço", "preco", "pt_BR")
    with pytest.raises(InvalidInputError) as missing:
        services.replies.send_template(lead.id, price)
    assert missing.value.values == {"placeholder": "{valor}"}
    assert services.leads.outbox() == [], "nothing is queued half filled"
