"""A marketing template goes only to a customer with consent granted on WhatsApp (LGPD)."""

from __future__ import annotations

import pytest

from cockpit_tui.domain.consent import Channel, ConsentSource, ConsentState
from cockpit_tui.domain.lead_entry import NewLead
from cockpit_tui.i18n.translate import Translator, describe_error
from cockpit_tui.services import Services
from cockpit_tui.services.templates import MarketingConsentError


def test_a_marketing_template_needs_granted_consent_and_says_why_not(services: Services) -> None:
    lead = services.entry.create(
        NewLead(name="Carlos Pereira", phone="11987654321", vehicle="Onix LT"), assign_to=None
    )
    offer, _ = services.templates.save("Oferta", "{nome}, feirão no sábado!", marketing=True)
    answer, _ = services.templates.save("Resposta", "{nome}, o {veiculo} está disponível.")
    assert services.templates.fill_for_lead(answer, lead.id) == "Carlos, o Onix LT está disponível."

    with pytest.raises(MarketingConsentError) as never_asked:
        services.templates.fill_for_lead(offer, lead.id)
    assert describe_error(never_asked.value, Translator("pt")).startswith(
        'O cliente não deu consentimento no WhatsApp: o modelo de marketing "Oferta"'
    )

    consent = services.consent
    consent.record_consent(
        lead.customer_id, Channel.EMAIL, ConsentState.GRANTED, source=ConsentSource.IMPORT
    )
    with pytest.raises(MarketingConsentError):
        services.templates.fill_for_lead(offer, lead.id)  # e-mail consent is not WhatsApp's

    consent.record_consent(
        lead.customer_id, Channel.WHATSAPP, ConsentState.GRANTED, source=ConsentSource.LEAD_SCREEN
    )
    assert services.templates.fill_for_lead(offer, lead.id) == "Carlos, feirão no sábado!"

    consent.record_consent(
        lead.customer_id, Channel.WHATSAPP, ConsentState.REVOKED, source=ConsentSource.WHATSAPP
    )
    with pytest.raises(MarketingConsentError) as revoked:
        services.templates.fill_for_lead(offer, lead.id)
    assert describe_error(revoked.value, Translator("en")).startswith(
        'The customer revoked consent on WhatsApp: the marketing template "Oferta"'
    )
    assert services.templates.fill_for_lead(answer, lead.id) == "Carlos, o Onix LT está disponível."
