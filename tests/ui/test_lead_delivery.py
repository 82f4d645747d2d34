"""The lead screen shows where each reply stands on WhatsApp, live."""

from __future__ import annotations

from datetime import timedelta

from cockpit_tui.services import Services, open_services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.delivery import DeliveryService
from tests.conftest import NOW
from tests.ui.conftest import press, wait_until
from tests.ui.test_lead_screen import lead_notice, make_app, open_lead, text_of


async def test_sent_delivered_and_not_sent_show_with_time_or_reason_and_shift_r_sends_again(
    ui_services: Services, ui_url: str, clock: FrozenClock
) -> None:
    lead = ui_services.leads.add(
        name="Maria Souza", phone="+5511987654321", message="Oi", at=NOW - timedelta(minutes=9)
    )
    ui_services.leads.reply(lead.id, "Temos sim!")
    server = open_services(ui_url, actor="cockpit serve", clock=clock)
    delivery = DeliveryService(server.store, clock=clock, holder="host:1:test")
    app = make_app(ui_services)
    try:
        async with app.run_test(size=(160, 45)) as pilot:
            await open_lead(pilot, app, lead.id)
            assert "→ Ana  na fila de envio" in text_of(app, "#conversation")
            delivery.take_lease(timedelta(seconds=30))
            (due,) = delivery.due()
            token = delivery.claim(due.message_id)
            assert token is not None
            delivery.sent(due.message_id, token, "wamid.HBgL1")
            await wait_until(
                pilot, lambda: "→ Ana  enviada 27/11/2026 09:00" in text_of(app, "#conversation")
            )
            delivery.apply_status(
                wa_message_id="wamid.HBgL1",
                claim_token=None,
                state="delivered",
                at=NOW + timedelta(minutes=2),
            )
            await wait_until(
                pilot, lambda: "→ Ana  entregue 27/11/2026 09:02" in text_of(app, "#conversation")
            )
            delivery.apply_status(
                wa_message_id="wamid.HBgL1",
                claim_token=None,
                state="failed",
                at=NOW + timedelta(minutes=3),
                error="Message Undeliverable.",
            )
            await wait_until(
                pilot,
                lambda: (
                    "→ Ana  não enviado: Message Undeliverable." in text_of(app, "#conversation")
                ),
            )
            await press(pilot, "R")
            await wait_until(pilot, lambda: "na fila de envio" in text_of(app, "#conversation"))
            assert lead_notice(app) == "Respostas de volta à fila de envio: 1"
            (again,) = delivery.due()
            assert again.message_id == due.message_id, "the server sends it again"
            await press(pilot, "R")
            assert lead_notice(app) == "Nenhuma resposta não enviada neste lead."
    finally:
        server.close()
