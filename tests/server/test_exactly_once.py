"""Exactly once across crashes: kill -9 mid-delivery, two servers on one store, SIGTERM.

The servers are real ``cockpit serve`` processes; the fake Graph API counts
what WhatsApp would have sent and, like Meta, reports a "sent" status to the
webhook (retrying until the server is back). 8 kills here plus 4 in the
two-server test, on each store backend: 24 SIGKILLs in the suite (``make
test-slow`` adds 32 more per backend).
"""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cockpit_tui.services import Services, open_services
from tests.server.fake_graph import ACCESS_TOKEN, FakeGraph, Sent
from tests.server.server_process import ServerProcess
from tests.server.whatsapp_payloads import APP_SECRET, PHONE_NUMBER_ID

HOLDER_KILLS = 4


@pytest.fixture
async def fake() -> AsyncIterator[FakeGraph]:
    graph = FakeGraph(report_statuses=True, slow_seconds=1.5)
    graph.base = await graph.start()  # type: ignore[attr-defined]
    yield graph
    await graph.close()


def prepare_store(url: str, api_base: str, replies: int) -> list[str]:
    """Settings pointing at the fake, four leads who wrote just now, ``replies`` replies queued."""
    services = open_services(url, actor="Ana")
    try:
        services.settings.set_value("whatsapp_phone_number_id", PHONE_NUMBER_ID)
        services.settings.set_value("whatsapp_access_token", ACCESS_TOKEN)
        services.settings.set_value("whatsapp_api_base", api_base)
        services.settings.set_value("whatsapp_app_secret", APP_SECRET)
        now = datetime.now(UTC)
        leads = [
            services.leads.add(
                name=f"Cliente {n}", phone=f"+55119876543{n:02d}", message="Oi", at=now
            ).id
            for n in range(4)
        ]
        bodies = [f"Resposta {k}" for k in range(replies)]
        for k, body in enumerate(bodies):
            services.leads.reply(leads[k % len(leads)], body)
        return bodies
    finally:
        services.close()


@pytest.fixture
def view(store_url: str) -> Iterator[Services]:
    """The test's own look at the store (one connection for all its polls)."""
    services = open_services(store_url, actor="Ana")
    yield services
    services.close()


def delivery_rows(view: Services) -> dict[str, tuple[str, str | None]]:
    """Each reply's body → (delivery state, WhatsApp id), as stored."""
    rows = view.store.reader.fetchall(
        "SELECT m.body, d.state, d.wa_message_id FROM message m "
        "JOIN whatsapp_delivery d ON d.message_id = m.id"
    )
    return {str(body): (str(state), wa) for body, state, wa in rows}


async def eventually(check: Callable[[], bool], timeout: float = 90) -> None:
    """Wait until ``check()`` holds, polling (fails after ``timeout`` seconds)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not check():
        assert asyncio.get_running_loop().time() < deadline, "condition never held"
        await asyncio.sleep(0.05)


async def deliver_the_rest_and_stop(
    url: str, view: Services, fake: FakeGraph, bodies: list[str], log: Path
) -> None:
    """A last server delivers what is left (in-doubt claims after the grace), then SIGTERM."""
    fake.before_answer = None
    server = await ServerProcess.start(url, log)
    fake.webhook_url = server.webhook_url

    def all_sent() -> bool:
        rows = delivery_rows(view)
        return len(rows) == len(bodies) and all(state == "sent" for state, _ in rows.values())

    await eventually(all_sent)
    assert await server.terminate() == 0
    assert server.events("stopped")


def assert_exactly_once(view: Services, fake: FakeGraph, bodies: list[str]) -> None:
    counts = Counter(fake.bodies())
    assert [body for body in bodies if counts[body] != 1] == [], "lost or sent twice"
    assert len(fake.accepted) == len(bodies)
    rows = delivery_rows(view)
    by_body = {sent.body: sent.wamid for sent in fake.accepted}
    assert {body: wa for body, (_, wa) in rows.items()} == by_body, "stored ids match WhatsApp's"


async def test_kill_9_mid_delivery_loses_nothing_and_sends_nothing_twice(
    store_url: str, view: Services, fake: FakeGraph, tmp_path: Path
) -> None:
    # Most kills land exactly between WhatsApp's answer and the commit that
    # would record it; some at a random instant; two on a request that never
    # reached WhatsApp (settled after the grace by the last server).
    modes = ["after_accept"] * 4 + ["random"] * 2 + ["lost"] * 2
    await kill_rounds(store_url, view, fake, tmp_path, modes)


@pytest.mark.slow
async def test_kill_9_mid_delivery_32_times(
    store_url: str, view: Services, fake: FakeGraph, tmp_path: Path
) -> None:
    modes = ["after_accept"] * 18 + ["random"] * 10 + ["lost"] * 4
    await kill_rounds(store_url, view, fake, tmp_path, modes)


async def kill_rounds(
    store_url: str, view: Services, fake: FakeGraph, tmp_path: Path, modes: list[str]
) -> None:
    """Start a server and kill -9 it once per mode; a last server delivers the rest."""
    # Enough replies that no round runs out on a fast machine (a quiet one sends
    # dozens in the 0.3 s before a "random" kill).
    replies = 15 * len(modes)
    bodies = prepare_store(store_url, fake.base, replies=replies)  # type: ignore[attr-defined]
    rng = random.Random(2026)
    rng.shuffle(modes)
    for round_number, mode in enumerate(modes):
        server = await ServerProcess.start(store_url, tmp_path / f"round{round_number}.log")
        fake.webhook_url = server.webhook_url
        killed = asyncio.Event()
        wanted = rng.randint(1, 3)
        seen = 0

        async def kill_at_the_wanted_request(
            sent: Sent | None,
            server: ServerProcess = server,
            wanted: int = wanted,
            killed: asyncio.Event = killed,
        ) -> None:
            nonlocal seen
            seen += 1
            if seen == wanted and not killed.is_set():
                killed.set()
                await server.kill()

        hook: Callable[[Sent | None], Awaitable[None]] | None = None
        if mode == "after_accept":
            hook = kill_at_the_wanted_request
        elif mode == "lost":
            fake.script = ["ok"] * (wanted - 1) + ["lost"]
            hook = kill_at_the_wanted_request
        fake.before_answer = hook
        if mode == "random":
            await asyncio.sleep(rng.uniform(0.0, 0.3))
            await server.kill()
        else:
            try:
                await asyncio.wait_for(killed.wait(), 30)
            finally:
                await server.kill()
        assert server.process.exitcode == -9
        fake.script = []
    await deliver_the_rest_and_stop(store_url, view, fake, bodies, tmp_path / "last.log")
    assert_exactly_once(view, fake, bodies)


async def test_two_servers_on_one_store_never_both_deliver(
    store_url: str, view: Services, fake: FakeGraph, tmp_path: Path
) -> None:
    bodies = prepare_store(store_url, fake.base, replies=30)  # type: ignore[attr-defined]
    # Slow enough that a loaded machine still kills each holder mid-queue.
    fake.delay_seconds = 0.25
    servers = [await ServerProcess.start(store_url, tmp_path / f"server{n}.log") for n in range(2)]
    everyone = list(servers)
    fake.webhook_url = servers[0].webhook_url
    for kill in range(HOLDER_KILLS):
        sends_wanted = 3 * (kill + 1)

        def enough_sent(wanted: int = sends_wanted) -> bool:
            return len(fake.accepted) >= wanted

        await eventually(enough_sent)
        holder = await _live_lease_holder(view, servers)
        await holder.kill()
        servers.remove(holder)
        fake.webhook_url = servers[0].webhook_url
        servers.append(await ServerProcess.start(store_url, tmp_path / f"server{kill + 2}.log"))
        everyone.append(servers[-1])
    await eventually(lambda: len(fake.accepted) >= len(bodies) - 2)
    for server in servers:
        assert await server.terminate() == 0
    sent_by = Counter(
        line["message_id"] for server in everyone for line in server.events("delivery.sent")
    )
    assert [message_id for message_id, count in sent_by.items() if count > 1] == []
    assert sum(1 for server in everyone if server.events("delivery.sent")) >= 2, (
        "a survivor took over after each kill"
    )
    await deliver_the_rest_and_stop(store_url, view, fake, bodies, tmp_path / "last.log")
    assert_exactly_once(view, fake, bodies)


async def _live_lease_holder(view: Services, servers: list[ServerProcess]) -> ServerProcess:
    """The server the lease names, once it names a live one (a survivor takes over)."""
    found: list[ServerProcess] = []

    def named() -> bool:
        rows = view.store.reader.fetchall("SELECT holder FROM server_lease")
        pids = {int(str(row[0]).split(":")[1]) for row in rows}
        found[:] = [server for server in servers if server.pid in pids]
        return len(found) == 1

    await eventually(named)
    return found[0]


async def test_sigterm_finishes_the_send_under_way_and_exits_0(
    store_url: str, view: Services, fake: FakeGraph, tmp_path: Path
) -> None:
    bodies = prepare_store(store_url, fake.base, replies=1)  # type: ignore[attr-defined]
    fake.script = ["slow"]
    server = await ServerProcess.start(store_url, tmp_path / "server.log")
    fake.webhook_url = None  # no status webhook: only the answer can conclude the send
    await asyncio.wait_for(fake.received.wait(), 30)
    assert await server.terminate() == 0
    assert delivery_rows(view) == {bodies[0]: ("sent", fake.accepted[0].wamid)}
    events = [line["event"] for line in server.lines()]
    assert events[-3:] == ["stopping", "delivery.sent", "stopped"], "the send under way ended"
