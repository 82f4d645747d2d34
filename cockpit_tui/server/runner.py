"""Running the server until SIGTERM or SIGINT, then finishing cleanly.

On a signal: stop taking connections, let requests under way answer, let the
delivery worker conclude the send under way (and give its lease back), then
return. Nothing is cut mid-commit.
"""

from __future__ import annotations

import asyncio
import random
import signal
from collections.abc import Callable
from dataclasses import dataclass, field

import aiohttp
from aiohttp import web

from cockpit_tui.i18n.translate import Translator
from cockpit_tui.server.app import build_app
from cockpit_tui.server.blocking import StoreCalls
from cockpit_tui.server.context import ServerContext
from cockpit_tui.server.delivery_worker import DeliveryWorker, WorkerTiming
from cockpit_tui.server.graph_client import GraphClient, WhatsAppConfig
from cockpit_tui.server.request_log import JsonLog
from cockpit_tui.services import Services
from cockpit_tui.services.api_tokens import TokenService
from cockpit_tui.services.delivery import DeliveryService, new_holder_id
from cockpit_tui.services.settings import SettingsService


@dataclass(frozen=True, slots=True)
class ServeOptions:
    """How to run.

    Attributes:
        host: Address to bind (127.0.0.1 by default: put a TLS proxy in front).
        port: TCP port (0: any free one; the log says which).
        timing: The delivery worker's pacing.
        graph_timeout: Seconds to wait for the Graph API's answer.
    """

    host: str = "127.0.0.1"
    port: int = 8470
    timing: WorkerTiming = field(default_factory=WorkerTiming)
    graph_timeout: float = 20.0


def whatsapp_config(settings: SettingsService) -> WhatsAppConfig | None:
    """The WhatsApp sending settings, or None while any is missing."""
    phone_number_id = settings.value("whatsapp_phone_number_id")
    token = settings.value("whatsapp_access_token")
    base = settings.value("whatsapp_api_base")
    if not phone_number_id or not token or not base:
        return None
    return WhatsAppConfig(api_base=base, phone_number_id=phone_number_id, access_token=token)


async def serve(
    services: Services,
    options: ServeOptions,
    t: Translator,
    *,
    log: JsonLog | None = None,
    stop: asyncio.Event | None = None,
    on_listening: Callable[[int], None] | None = None,
) -> None:
    """Serve until SIGTERM/SIGINT (or ``stop`` is set); deliver the outbox meanwhile.

    Args:
        services: The open store's services.
        options: Address, port and pacing.
        t: Sentences of error answers.
        log: The JSON line log (default: stderr).
        stop: Set it to stop (default: the process's SIGTERM and SIGINT set it).
        on_listening: Called with the port once the server accepts connections.
    """
    log = log or JsonLog()
    calls = StoreCalls()
    delivery = DeliveryService(services.store, clock=services.clock, holder=new_holder_id())
    context = ServerContext(
        services=services,
        tokens=TokenService(services.store, actor=services.actor, clock=services.clock),
        delivery=delivery,
        calls=calls,
        log=log,
        t=t,
    )
    await calls(services.leads.warm_up)
    runner = web.AppRunner(
        build_app(context), access_log=None, handle_signals=False, shutdown_timeout=30
    )
    await runner.setup()
    loop = asyncio.get_running_loop()
    handle_signals = stop is None
    stop = stop or asyncio.Event()
    if handle_signals:
        for signal_number in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signal_number, stop.set)
    try:
        site = web.TCPSite(runner, options.host, options.port)
        await site.start()
        host, port = runner.addresses[0][:2]
        log.write("listening", host=host, port=port)
        if on_listening is not None:
            on_listening(int(port))
        async with aiohttp.ClientSession() as session:
            worker = DeliveryWorker(
                delivery=delivery,
                windows=services.replies,
                config=lambda: whatsapp_config(services.settings),
                client=GraphClient(session, timeout_seconds=options.graph_timeout),
                calls=calls,
                clock=services.clock,
                log=log,
                timing=options.timing,
                rng=random.Random(),
            )
            worker_task = asyncio.create_task(worker.run())
            await stop.wait()
            log.write("stopping")
            worker.stop()
            await site.stop()
            await worker_task
    finally:
        await runner.cleanup()
        if handle_signals:
            for signal_number in (signal.SIGTERM, signal.SIGINT):
                loop.remove_signal_handler(signal_number)
        calls.close()
    log.write("stopped")
