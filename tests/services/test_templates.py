"""Reply templates kept by the store: saved checked, filled for a lead, seeded in the demo."""

from __future__ import annotations

import pytest

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.lead_entry import NewLead
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock


def test_a_template_is_saved_listed_replaced_and_removed(services: Services) -> None:
    saved, created = services.templates.save("Primeiro contato", "Olá, {Nome}! Sobre o {veículo}…")
    assert created
    assert saved.text == "Olá, {nome}! Sobre o {veiculo}…"
    assert not saved.marketing
    assert saved.whatsapp_template is None
    again, created = services.templates.save(
        "primeiro CONTATO",
        "Oi {nome}",
        marketing=True,
        whatsapp_template="primeiro_contato",
        whatsapp_language="pt_BR",
    )
    assert not created
    assert again.id == saved.id
    assert [(t.name, t.text, t.marketing) for t in services.templates.all()] == [
        ("primeiro CONTATO", "Oi {nome}", True)
    ]
    assert services.templates.all()[0].whatsapp_language == "pt_BR"
    services.templates.save("Agradecimento", "Obrigado, {nome}!")
    assert [t.name for t in services.templates.matching("obrigado")] == ["Agradecimento"]
    services.templates.remove("agradecimento")
    with pytest.raises(InvalidInputError) as unknown:
        services.templates.remove("agradecimento")
    assert unknown.value.message_id == "template.unknown"


def test_unknown_placeholders_are_refused_with_the_known_ones(services: Services) -> None:
    with pytest.raises(InvalidInputError) as refused:
        services.templates.save("Promo", "Olá {cliente}, veja o {veiculo}")
    assert refused.value.message_id == "template.unknown_placeholder"
    assert refused.value.values == {
        "placeholder": "{cliente}",
        "known": "{nome}, {veiculo}, {valor}, {vendedor}, {loja}",
    }
    with pytest.raises(InvalidInputError) as half:
        services.templates.save("Promo", "Oi {nome}", whatsapp_template="promo")
    assert half.value.message_id == "template.bad_whatsapp"
    assert services.templates.all() == []


def test_a_template_is_filled_for_a_lead_by_whoever_writes(services: Services) -> None:
    services.settings.set_value("store_name", "Auto Center Paulista")
    lead = services.entry.create(
        NewLead(name="Carlos Pereira", phone="11987654321", vehicle="Onix LT", price="79900"),
        assign_to=None,
    )
    template, _ = services.templates.save(
        "Tudo", "{nome}, o {veiculo} sai por {valor}. {vendedor}, {loja}."
    )
    assert services.templates.fill_for_lead(template, lead.id) == (
        "Carlos, o Onix LT sai por R$ 79.900,00. Ana, Auto Center Paulista."
    )
    bare = services.entry.create(NewLead(name="Joana", email="j@x.com"), assign_to=None)
    assert services.templates.fill_for_lead(template, bare.id) == (
        "Joana, o {veiculo} sai por {valor}. Ana, Auto Center Paulista."
    ), "unknown values stay visible for the salesperson to complete"


def test_the_demo_store_has_a_name_and_five_templates(
    services: Services, clock: FrozenClock
) -> None:
    from cockpit_tui.services.demo import seed_demo_store

    seed_demo_store(services.store, clock=clock)
    assert services.settings.value("store_name") == "Auto Center Paulista"
    names = [template.name for template in services.templates.all()]
    assert len(names) == 5
    assert "Primeiro contato" in names
    first = next(t for t in services.templates.all() if t.name == "Primeiro contato")
    lead = services.board.leads_in_board_order()[0]
    filled = services.templates.fill_for_lead(first, lead.id)
    assert lead.customer_name.split()[0] in filled
    assert "Auto Center Paulista" in filled
    if lead.vehicle:
        assert lead.vehicle in filled
