"""``/webhooks/whatsapp``: Meta's verification and signed webhooks, through real HTTP."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from cockpit_tui.services import Services
from tests.conftest import NOW
from tests.server.conftest import RunningServer
from tests.server.whatsapp_payloads import (
    APP_SECRET,
    VERIFY_TOKEN,
    media_message,
    signed,
    text_message,
)

SENDER = "5511987654321"
AT = NOW - timedelta(minutes=5)


@pytest.fixture(autouse=True)
def _whatsapp_secrets(services: Services) -> None:
    services.settings.set_value("whatsapp_app_secret", APP_SECRET)
    services.settings.set_value("whatsapp_verify_token", VERIFY_TOKEN)


async def post(
    server: RunningServer, body: bytes, headers: dict[str, str]
) -> tuple[int, dict[str, Any]]:
    async with server.http.post(
        f"{server.base}/webhooks/whatsapp", data=body, headers=headers
    ) as response:
        return response.status, await response.json()


async def test_verification_answers_the_challenge_only_for_the_right_token(
    server: RunningServer,
) -> None:
    url = f"{server.base}/webhooks/whatsapp"
    good = {
        "hub.mode": "subscribe",
        "hub.verify_token": VERIFY_TOKEN,
        "hub.challenge": "1158201444",
    }
    async with server.http.get(url, params=good) as response:
        assert (response.status, await response.text()) == (200, "1158201444")
    for wrong in ({**good, "hub.verify_token": "guess"}, {**good, "hub.mode": "unsubscribe"}, {}):
        async with server.http.get(url, params=wrong) as response:
            assert response.status == 403


async def test_a_bad_or_missing_signature_is_401_and_stores_nothing(
    server: RunningServer, observer: Services
) -> None:
    payload = text_message("wamid.A1", SENDER, "Oi", name="Maria Souza", at=AT)
    body, headers = signed(payload, secret="not-the-app-secret")
    assert (await post(server, body, headers))[0] == 401
    body, headers = signed(payload)
    assert (await post(server, body, {"Content-Type": "application/json"}))[0] == 401
    tampered = body.replace(b"Oi", b"Ol")
    assert (await post(server, tampered, headers))[0] == 401
    assert observer.board.leads_in_board_order() == []


async def test_an_unknown_number_opens_a_whatsapp_lead_and_a_replay_changes_nothing(
    server: RunningServer, observer: Services
) -> None:
    body, headers = signed(text_message("wamid.A1", SENDER, "Oi, tem o Onix?", name="Maria", at=AT))
    assert await post(server, body, headers) == (
        200,
        {"messages": 1, "repeated": 0, "refused": 0, "statuses": 0},
    )
    assert (await post(server, body, headers))[1]["repeated"] == 1
    (card,) = observer.board.leads_in_board_order()
    assert (card.customer_name, card.phone, card.source) == ("Maria", "+5511987654321", "WhatsApp")
    assert card.unread_count == 0, "the message a lead arrives with is no reply: not bold"
    later = AT + timedelta(minutes=2)
    body, headers = signed(
        text_message("wamid.A2", SENDER, "Aceita troca?", name="Maria", at=later)
    )
    assert (await post(server, body, headers))[1]["messages"] == 1
    (card,) = observer.board.leads_in_board_order()
    assert card.unread_count == 1, "a later message goes on the same lead, name bold"
    bodies = [message.body for message in observer.leads.conversation(card.id)]
    assert sorted(bodies) == ["Aceita troca?", "Oi, tem o Onix?"]


async def test_media_is_stored_as_what_was_sent_never_dropped(
    server: RunningServer, observer: Services
) -> None:
    media: list[tuple[str, dict[str, Any]]] = [
        ("image", {"id": "1", "mime_type": "image/jpeg", "caption": "o carro da troca"}),
        ("audio", {"id": "2", "mime_type": "audio/ogg"}),
        ("location", {"latitude": -23.5, "longitude": -46.6}),
    ]
    for number, (kind, detail) in enumerate(media):
        at = AT + timedelta(seconds=number)
        body, headers = signed(media_message(f"wamid.M{number}", SENDER, kind, detail, at=at))
        assert (await post(server, body, headers))[1]["messages"] == 1
    (card,) = observer.board.leads_in_board_order()
    bodies = sorted(message.body for message in observer.leads.conversation(card.id))
    assert bodies == ["[imagem] o carro da troca", "[localização]", "[áudio]"]


async def test_a_customer_whose_leads_are_closed_gets_a_new_negotiation(
    server: RunningServer, observer: Services
) -> None:
    from cockpit_tui.domain.statuses import Status

    old = observer.leads.add(name="Maria Souza", phone="+5511987654321", source="Webmotors")
    observer.leads.move(old.id, Status.LOST, seen_version=old.version)
    body, headers = signed(text_message("wamid.B1", SENDER, "Voltei!", name="Maria", at=AT))
    assert (await post(server, body, headers))[1]["messages"] == 1
    cards = {card.id: card for card in observer.board.leads_in_board_order()}
    (new,) = [card for card in cards.values() if card.id != old.id]
    assert (new.status, new.source, new.customer_id) == (Status.NEW, "WhatsApp", old.customer_id)


async def test_a_signed_body_that_is_not_json_is_400_and_another_object_is_ignored(
    server: RunningServer, observer: Services
) -> None:
    from cockpit_tui.domain.whatsapp import sign

    garbage = b'{"object": "whatsapp_business_account", "entry": ['
    status_code, answer = await post(
        server, garbage, {"X-Hub-Signature-256": sign(garbage, APP_SECRET)}
    )
    assert (status_code, answer["line"]) == (400, 1)
    other = b'{"object": "page", "entry": []}'
    assert await post(server, other, {"X-Hub-Signature-256": sign(other, APP_SECRET)}) == (
        200,
        {"ignored": True},
    )
    assert observer.board.leads_in_board_order() == []


async def test_parar_on_whatsapp_revokes_the_customers_whatsapp_consent(
    server: RunningServer, observer: Services
) -> None:
    from cockpit_tui.domain.consent import Channel, ConsentSource, ConsentState
    from cockpit_tui.services.consent import ConsentService

    body, headers = signed(text_message("wamid.P1", SENDER, "Oi, tem o Onix?", name="Rui", at=AT))
    assert (await post(server, body, headers))[1]["messages"] == 1
    (card,) = observer.board.leads_in_board_order()
    consent = ConsentService(observer.store, actor="test", clock=observer.clock)
    assert consent.consent_state(card.customer_id)[Channel.WHATSAPP] is None
    stop_at = AT + timedelta(minutes=1)
    body, headers = signed(text_message("wamid.P2", SENDER, " Parar! ", name="Rui", at=stop_at))
    assert (await post(server, body, headers))[1]["messages"] == 1
    assert consent.consent_state(card.customer_id)[Channel.WHATSAPP] is ConsentState.REVOKED
    (record,) = consent.history(card.customer_id)
    assert (record.source, record.at) == (ConsentSource.WHATSAPP, stop_at)
    bodies = [message.body for message in observer.leads.conversation(card.id)]
    assert "Parar!" in bodies, "the message itself is kept like any other"


def test_only_the_stop_words_themselves_are_an_opt_out() -> None:
    from cockpit_tui.domain.consent import is_opt_out

    assert all(is_opt_out(text) for text in ("PARAR", "sair.", "Stop", " parar! "))
    assert not any(is_opt_out(text) for text in ("não quero parar de ver", "stop?!x", "sairá"))
