"""Outside WhatsApp's 24-hour window: an approved template, sent by `cockpit serve` as one."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from decimal import Decimal

import pytest

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.services import Services
from cockpit_tui.services.delivery import delivery_states
from tests.conftest import NOW
from tests.server.conftest import RunningServer
from tests.server.fake_graph import FakeGraph
from tests.server.test_delivery import PHONE, configure_whatsapp

TEXT = "Olá, {nome}! O {veiculo} por {valor} ainda está aqui. {vendedor}"


@pytest.fixture
async def fake() -> AsyncIterator[FakeGraph]:
    graph = FakeGraph()
    base = await graph.start()
    graph.base = base  # type: ignore[attr-defined]
    yield graph
    await graph.close()


def lead_who_wrote(services: Services, hours: float) -> int:
    """Maria, who last wrote ``hours`` ago."""
    return services.leads.add(
        name="Maria  Souza",
        phone=PHONE,
        vehicle="Jeep Compass Longitude 2.0 2021",
        price=Decimal("139900"),
        message="Ainda tem?",
        at=NOW - timedelta(hours=hours),
    ).id


async def test_outside_the_window_free_text_is_refused_and_the_template_goes_as_a_template(
    observer: Services, server: RunningServer, fake: FakeGraph
) -> None:
    configure_whatsapp(observer, fake.base)  # type: ignore[attr-defined]
    lead_id = lead_who_wrote(observer, hours=30)
    observer.templates.save("Retomar", TEXT)
    template = observer.templates.link_whatsapp("Retomar", "retomar_conversa", "pt_BR")
    with pytest.raises(InvalidInputError) as refused:
        observer.replies.reply(lead_id, "Oi Maria, tudo bem?")
    assert (refused.value.message_id, refused.value.values["hours"]) == ("reply.window_closed", 30)
    message = observer.replies.send_template(lead_id, template)
    assert (
        message.body
        == "Olá, Maria! O Jeep Compass Longitude 2.0 2021 por R$ 139.900,00 ainda está aqui. Bia"
    )
    await server.log.logged("delivery.sent")
    (sent,) = fake.accepted
    assert sent.payload == {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": "5511987654321",
        "type": "template",
        "template": {
            "name": "retomar_conversa",
            "language": {"code": "pt_BR"},
            "components": [
                {
                    "type": "body",
                    "parameters": [
                        {"type": "text", "text": "Maria"},
                        {"type": "text", "text": "Jeep Compass Longitude 2.0 2021"},
                        {"type": "text", "text": "R$ 139.900,00"},
                        {"type": "text", "text": "Bia"},
                    ],
                }
            ],
        },
        "biz_opaque_callback_data": sent.opaque,
    }
    assert sent.opaque, "the claim rides along, as with free text"
    assert delivery_states(observer.store, lead_id)[0].state == "sent"
    assert observer.leads.outbox() == []
    assert fake.bad_requests == []


async def test_a_template_without_placeholders_goes_without_components(
    observer: Services, server: RunningServer, fake: FakeGraph
) -> None:
    configure_whatsapp(observer, fake.base)  # type: ignore[attr-defined]
    lead_id = observer.leads.add(name="Nunca Escreveu", phone=PHONE).id
    observer.templates.save("Bom dia", "Bom dia! Podemos ajudar?")
    template = observer.templates.link_whatsapp("Bom dia", "bom_dia", "pt_BR")
    observer.replies.send_template(lead_id, template)
    await server.log.logged("delivery.sent")
    assert len(fake.accepted) == 1
    assert fake.accepted[0].payload["template"] == {
        "name": "bom_dia",
        "language": {"code": "pt_BR"},
    }
    assert fake.bad_requests == []
