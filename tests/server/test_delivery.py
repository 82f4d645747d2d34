"""The delivery worker against the fake Graph API, time driven by a virtual clock."""

from __future__ import annotations

import io
import random
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import aiohttp
import pytest

from cockpit_tui.server.blocking import StoreCalls
from cockpit_tui.server.delivery_worker import DeliveryWorker, WorkerTiming
from cockpit_tui.server.graph_client import GraphClient
from cockpit_tui.server.request_log import JsonLog
from cockpit_tui.server.runner import whatsapp_config
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.delivery import (
    RETRY_FOR,
    DeliveryService,
    delivery_states,
    new_holder_id,
    requeue_failed,
)
from cockpit_tui.services.reply_window import ReplyWindowService
from tests.conftest import NOW, tick
from tests.server.conftest import RunningServer
from tests.server.fake_graph import ACCESS_TOKEN, FakeGraph
from tests.server.whatsapp_payloads import APP_SECRET, PHONE_NUMBER_ID, signed, status

PHONE = "+5511987654321"


@pytest.fixture
async def fake() -> AsyncIterator[FakeGraph]:
    graph = FakeGraph(slow_seconds=2.0)
    base = await graph.start()
    graph.base = base  # type: ignore[attr-defined]
    yield graph
    await graph.close()


def configure_whatsapp(services: Services, api_base: str) -> None:
    """Point the store's WhatsApp settings at the fake."""
    services.settings.set_value("whatsapp_phone_number_id", PHONE_NUMBER_ID)
    services.settings.set_value("whatsapp_access_token", ACCESS_TOKEN)
    services.settings.set_value("whatsapp_api_base", api_base)


@pytest.fixture
async def worker(services: Services, fake: FakeGraph) -> AsyncIterator[DeliveryWorker]:
    configure_whatsapp(services, fake.base)  # type: ignore[attr-defined]
    calls = StoreCalls()
    async with aiohttp.ClientSession() as http:
        yield DeliveryWorker(
            delivery=DeliveryService(services.store, clock=services.clock, holder=new_holder_id()),
            windows=ReplyWindowService(services.store, clock=services.clock),
            config=lambda: whatsapp_config(services.settings),
            client=GraphClient(http, timeout_seconds=0.8),
            calls=calls,
            clock=services.clock,
            log=JsonLog(io.StringIO()),
            timing=WorkerTiming(in_doubt_grace=timedelta(minutes=10)),
            rng=random.Random(7),
        )
    calls.close()


def queued_reply(services: Services, text: str = "Temos sim, pode vir hoje?") -> tuple[int, int]:
    """A lead whose customer wrote 10 minutes ago, and a reply to it; (lead id, reply id)."""
    lead = services.leads.add(
        name="Maria Souza", phone=PHONE, message="Ainda tem o Onix?", at=NOW - timedelta(minutes=10)
    )
    return lead.id, services.leads.reply(lead.id, text).id


def state_of(services: Services, lead_id: int) -> tuple[str, str | None]:
    (row,) = delivery_states(services.store, lead_id)
    return row.state, row.error


async def test_a_reply_is_sent_once_as_documented_and_leaves_the_outbox(
    services: Services, worker: DeliveryWorker, fake: FakeGraph
) -> None:
    lead_id, _ = queued_reply(services)
    assert await worker.run_once() == 1
    (sent,) = fake.accepted
    assert (sent.to, sent.body) == ("5511987654321", "Temos sim, pode vir hoje?")
    assert sent.opaque, "the claim token rides along as biz_opaque_callback_data"
    assert fake.bad_requests == []
    assert state_of(services, lead_id) == ("sent", None)
    assert services.leads.outbox() == []
    assert await worker.run_once() == 0
    assert fake.requests == 1


async def test_429_and_500_are_retried_later_with_backoff(
    services: Services, worker: DeliveryWorker, fake: FakeGraph, clock: FrozenClock
) -> None:
    lead_id, _ = queued_reply(services)
    fake.script = ["429", "500"]
    await worker.run_once()
    assert state_of(services, lead_id) == (
        "retry",
        "Cloud API message throughput has been reached. (130429)",
    )
    await worker.run_once()
    assert fake.requests == 1, "not due yet: no second request without time passing"
    tick(clock, 1)
    await worker.run_once()
    assert fake.requests == 2
    assert state_of(services, lead_id)[0] == "retry"
    tick(clock, 1)
    await worker.run_once()
    assert state_of(services, lead_id) == ("sent", None)
    assert fake.bodies() == ["Temos sim, pode vir hoje?"]


async def test_transient_errors_for_an_hour_end_in_failed_kept_in_the_outbox(
    services: Services, worker: DeliveryWorker, fake: FakeGraph, clock: FrozenClock
) -> None:
    lead_id, reply_id = queued_reply(services)
    fake.script = ["500"] * 100
    started = clock.now()
    await worker.run_once()
    while state_of(services, lead_id)[0] != "failed":
        tick(clock, 3)
        assert clock.now() - started < RETRY_FOR + timedelta(minutes=15)
        await worker.run_once()
    assert 8 <= fake.requests <= 20, "exponential backoff: a handful of attempts in an hour"
    assert state_of(services, lead_id) == ("failed", "An unknown error has occurred. (1)")
    assert [item.message_id for item in services.leads.outbox()] == [reply_id]


async def test_a_400_fails_at_once_and_the_users_retry_sends_it(
    services: Services, worker: DeliveryWorker, fake: FakeGraph
) -> None:
    lead_id, reply_id = queued_reply(services)
    fake.script = ["400"]
    await worker.run_once()
    assert state_of(services, lead_id) == ("failed", "Message Undeliverable. (131026)")
    await worker.run_once()
    assert fake.requests == 1, "a refusal is not retried by itself"
    assert [item.message_id for item in services.leads.outbox()] == [reply_id]
    assert requeue_failed(services.store, reply_id, clock=services.clock)
    await worker.run_once()
    assert state_of(services, lead_id) == ("sent", None)
    assert len(fake.accepted) == 1


async def test_a_bad_access_token_fails_with_the_apis_words(
    services: Services, worker: DeliveryWorker, fake: FakeGraph
) -> None:
    lead_id, _ = queued_reply(services)
    services.settings.set_value("whatsapp_access_token", "EAAG-expired")
    await worker.run_once()
    assert state_of(services, lead_id) == (
        "failed",
        "Error validating access token: Session has expired. (190)",
    )
    assert fake.accepted == []


async def test_outside_24_hours_or_without_a_phone_nothing_is_sent(
    services: Services, worker: DeliveryWorker, fake: FakeGraph
) -> None:
    old = services.leads.add(
        name="Antiga", phone="+5511912345678", message="Oi", at=NOW - timedelta(hours=25)
    )
    services.leads.reply(old.id, "Bom dia!")
    walk_in = services.leads.add(name="Sem Telefone", email="cliente@example.com")
    services.leads.reply(walk_in.id, "Olá!")
    await worker.run_once()
    assert state_of(services, old.id) == ("failed", "delivery.window_closed")
    assert state_of(services, walk_in.id) == ("failed", "delivery.no_phone")
    assert fake.requests == 0


async def test_an_answer_that_never_comes_is_settled_by_the_status_webhook(
    services: Services, worker: DeliveryWorker, fake: FakeGraph, clock: FrozenClock
) -> None:
    lead_id, _ = queued_reply(services)
    fake.script = ["slow"]
    await worker.run_once()
    assert len(fake.accepted) == 1, "WhatsApp took it, but its answer came too late"
    assert state_of(services, lead_id)[0] == "sending"
    await worker.run_once()
    assert fake.requests == 1, "in doubt: not sent again while evidence may still come"
    delivery = DeliveryService(services.store, clock=clock, holder="webhook")
    (sent,) = fake.accepted
    assert delivery.apply_status(
        wa_message_id=sent.wamid, claim_token=sent.opaque, state="sent", at=clock.now()
    )
    assert state_of(services, lead_id) == ("sent", None)
    tick(clock, 30)
    await worker.run_once()
    assert fake.requests == 1
    assert services.leads.outbox() == []


async def test_a_send_lost_on_the_way_is_sent_again_after_the_grace(
    services: Services, worker: DeliveryWorker, fake: FakeGraph, clock: FrozenClock
) -> None:
    lead_id, _ = queued_reply(services)
    fake.script = ["lost"]
    await worker.run_once()
    assert fake.accepted == []
    tick(clock, 9)
    await worker.run_once()
    assert fake.requests == 1, "within the grace the claim waits for evidence"
    tick(clock, 2)
    await worker.run_once()
    assert fake.requests == 2
    assert state_of(services, lead_id) == ("sent", None)
    assert fake.bodies() == ["Temos sim, pode vir hoje?"]


async def test_the_running_server_delivers_and_status_webhooks_move_the_reply_forward(
    observer: Services, server: RunningServer, fake: FakeGraph
) -> None:
    configure_whatsapp(observer, fake.base)  # type: ignore[attr-defined]
    observer.settings.set_value("whatsapp_app_secret", APP_SECRET)
    lead_id, reply_id = queued_reply(observer)
    await server.log.logged("delivery.sent")  # logged once the reply is marked sent
    assert state_of(observer, lead_id)[0] == "sent"
    (sent,) = fake.accepted

    async def report(state: str, minutes: int, error: str | None = None) -> dict[str, Any]:
        payload = status(
            sent.wamid, state, sent.to, at=NOW + timedelta(minutes=minutes), error=error
        )
        body, headers = signed(payload)
        async with server.http.post(
            f"{server.base}/webhooks/whatsapp", data=body, headers=headers
        ) as response:
            assert response.status == 200
            answer: dict[str, Any] = await response.json()
            return answer

    assert (await report("delivered", 1))["statuses"] == 1
    assert state_of(observer, lead_id) == ("delivered", None)
    assert (await report("read", 2))["statuses"] == 1
    assert (await report("delivered", 1))["statuses"] == 0, "older news changes nothing"
    (row,) = delivery_states(observer.store, lead_id)
    assert (row.state, row.state_at) == ("read", NOW + timedelta(minutes=2))
    assert observer.leads.outbox() == []
    assert (await report("failed", 3, error="Message Undeliverable."))["statuses"] == 1
    assert state_of(observer, lead_id) == ("failed", "Message Undeliverable.")
    assert [item.message_id for item in observer.leads.outbox()] == [reply_id]


async def test_a_delivery_in_flight_is_known_per_customer(
    services: Services, worker: DeliveryWorker, fake: FakeGraph
) -> None:
    from cockpit_tui.services.delivery import delivery_in_flight

    lead_id, _ = queued_reply(services)
    customer_id = services.leads.get(lead_id).customer_id
    other = services.leads.add(name="Outra Pessoa", phone="+5511911112222").customer_id
    assert delivery_in_flight(services.store, customer_id), "queued: in flight"
    assert not delivery_in_flight(services.store, other)
    fake.script = ["500"]
    await worker.run_once()
    assert delivery_in_flight(services.store, customer_id), "waiting for a retry: in flight"
    fake.script = []
    services.clock.at += timedelta(minutes=5)  # type: ignore[attr-defined]
    await worker.run_once()
    assert not delivery_in_flight(services.store, customer_id), "sent: nothing in flight"
