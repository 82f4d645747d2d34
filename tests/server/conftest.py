"""A real ``cockpit serve`` on 127.0.0.1 (ephemeral port) in the test's event loop."""

from __future__ import annotations

import asyncio
import io
import json
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import aiohttp
import pytest

from cockpit_tui.i18n.translate import Translator
from cockpit_tui.server.delivery_worker import WorkerTiming
from cockpit_tui.server.request_log import JsonLog
from cockpit_tui.server.runner import ServeOptions, serve
from cockpit_tui.services import Services
from cockpit_tui.services.api_tokens import TokenService
from cockpit_tui.services.clock import FrozenClock
from tests.conftest import services_for


@dataclass
class RunningServer:
    """A server under test: its address, its log, an HTTP session to talk to it."""

    base: str
    log: io.StringIO
    http: aiohttp.ClientSession

    def log_lines(self) -> list[dict[str, Any]]:
        """The JSON lines logged so far."""
        return [json.loads(line) for line in self.log.getvalue().splitlines()]


@pytest.fixture
async def server(services: Services) -> AsyncIterator[RunningServer]:
    """``cockpit serve`` on the test's store, with delivery pacing fit for tests."""
    stop = asyncio.Event()
    port: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    log = io.StringIO()
    options = ServeOptions(
        host="127.0.0.1",
        port=0,
        timing=WorkerTiming(idle_seconds=0.02, in_doubt_grace=timedelta(seconds=60)),
        graph_timeout=2,
    )
    task = asyncio.create_task(
        serve(
            services,
            options,
            Translator("en"),
            log=JsonLog(log),
            stop=stop,
            on_listening=port.set_result,
        )
    )
    await asyncio.wait_for(asyncio.shield(port), 20)
    async with aiohttp.ClientSession() as http:
        yield RunningServer(f"http://127.0.0.1:{port.result()}", log, http)
    stop.set()
    await asyncio.wait_for(task, 20)


@pytest.fixture
def observer(store_url: str, clock: FrozenClock) -> Iterator[Services]:
    """Another process's view of the store (the server's own reader stays its own)."""
    opened = services_for(store_url, "Bia", clock)
    yield opened
    opened.close()


@pytest.fixture
def api_token(services: Services) -> str:
    """A token named "site" on the test's store."""
    return TokenService(services.store, actor="Ana", clock=services.clock).add("site")
