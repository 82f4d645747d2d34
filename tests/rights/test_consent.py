"""Consent per channel: from imports, events and the service API; marketing needs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cockpit_tui.domain.consent import (
    Channel,
    ConsentSource,
    ConsentState,
    parse_consent,
)
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.consent import ConsentService
from cockpit_tui.services.customers import CustomerNotFoundError
from tests.conftest import tick

GRANTED, REVOKED = ConsentState.GRANTED, ConsentState.REVOKED


def consent_of(services: Services) -> ConsentService:
    return ConsentService(services.store, actor=services.actor, clock=services.clock)


@pytest.mark.parametrize(
    ("written", "meaning"),
    [
        ("Sim", dict.fromkeys(Channel, GRANTED)),
        ("NÃO", dict.fromkeys(Channel, REVOKED)),
        ("opt-out", dict.fromkeys(Channel, REVOKED)),
        ("whatsapp; e-mail", {Channel.WHATSAPP: GRANTED, Channel.EMAIL: GRANTED}),
        ('{"WhatsApp": true, "sms": "não"}', {Channel.WHATSAPP: GRANTED, Channel.SMS: REVOKED}),
        ("", {}),
        ("talvez", None),
        ('{"fax": true}', None),
        ("[1, 2]", None),
    ],
)
def test_consent_as_people_write_it(
    written: str, meaning: dict[Channel, ConsentState] | None
) -> None:
    parsed = parse_consent(written)
    assert (None if parsed is None else dict(parsed)) == meaning


def test_record_consent_and_the_state_per_channel(services: Services, clock: FrozenClock) -> None:
    customer_id = services.leads.add(name="Lia", phone="11 91234-5678").customer_id
    consent = consent_of(services)
    assert consent.consent_state(customer_id) == dict.fromkeys(Channel)
    consent.record_consent(customer_id, Channel.WHATSAPP, GRANTED, source=ConsentSource.LEAD_SCREEN)
    consent.record_consent(customer_id, Channel.EMAIL, GRANTED, source=ConsentSource.LEAD_SCREEN)
    tick(clock)
    # The customer wrote "PARAR" on WhatsApp: the webhook revokes that channel only.
    record = ConsentService(services.store, actor="whatsapp", clock=clock).record_consent(
        customer_id, Channel.WHATSAPP, REVOKED, source=ConsentSource.WHATSAPP
    )
    assert (record.actor, record.at) == ("whatsapp", clock.now())
    assert consent.consent_state(customer_id) == {
        Channel.WHATSAPP: REVOKED,
        Channel.SMS: None,
        Channel.EMAIL: GRANTED,
        Channel.PHONE: None,
    }
    history = consent.history(customer_id)
    assert [(r.channel, r.state, r.source) for r in history][-1] == (
        Channel.WHATSAPP,
        REVOKED,
        ConsentSource.WHATSAPP,
    )
    with pytest.raises(CustomerNotFoundError):
        consent.record_consent(999, Channel.SMS, GRANTED, source=ConsentSource.COMMAND)


def test_marketing_is_refused_without_granted_consent_on_that_channel(services: Services) -> None:
    customer_id = services.leads.add(name="Lia", phone="11 91234-5678").customer_id
    consent = consent_of(services)
    assert not consent.may_send_marketing(customer_id, Channel.WHATSAPP)  # never asked
    consent.record_consent(customer_id, Channel.WHATSAPP, GRANTED, source=ConsentSource.IMPORT)
    assert consent.may_send_marketing(customer_id, Channel.WHATSAPP)
    assert not consent.may_send_marketing(customer_id, Channel.SMS)
    consent.record_consent(customer_id, Channel.WHATSAPP, REVOKED, source=ConsentSource.WHATSAPP)
    assert not consent.may_send_marketing(customer_id, Channel.WHATSAPP)


def test_an_import_column_and_an_ingest_field_record_consent(
    services: Services, tmp_path: Path
) -> None:
    sheet = tmp_path / "leads.csv"
    sheet.write_text(
        "Nome,Telefone,Consentimento\n"
        "Rui Prado,11 93333-1111,sim\n"
        "Vera Dias,11 94444-2222,whatsapp\n"
        "Ivo Reis,11 95555-3333,\n"
        "Gil Luz,11 96666-4444,talvez\n",
        encoding="utf-8",
    )
    summary = services.intake.import_file(sheet)
    assert (summary.imported, len(summary.rejected)) == (3, 1)
    assert summary.rejected[0][1].reason == "intake.bad_consent"
    event = {
        "event": "lead.created",
        "id": "evt-9",
        "lead": {"name": "Ana Paz", "email": "ana@example.com", "consent": {"email": False}},
    }
    applied, _, bad = services.intake.ingest([json.dumps(event)], on_problem=lambda p: None)
    assert (applied, bad) == (1, 0)
    consent = consent_of(services)
    ids = {card.customer_name: card.customer_id for card in services.board.leads_in_board_order()}
    assert set(consent.consent_state(ids["Rui Prado"]).values()) == {GRANTED}
    assert consent.consent_state(ids["Vera Dias"])[Channel.WHATSAPP] is GRANTED
    assert consent.consent_state(ids["Vera Dias"])[Channel.SMS] is None
    assert consent.history(ids["Ivo Reis"]) == []
    (record,) = consent.history(ids["Ana Paz"])
    assert (record.channel, record.state, record.source) == (
        Channel.EMAIL,
        REVOKED,
        ConsentSource.INGEST,
    )
    assert consent.history(ids["Rui Prado"])[0].source is ConsentSource.IMPORT
