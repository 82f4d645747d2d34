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


class WatchedLog(io.StringIO):
    """The server's log, which a test can await: :meth:`logged` returns once an event is in it.

    The server writes on the test's event loop (its delivery worker logs
    ``delivery.sent`` once the reply is marked sent), so each write wakes the
    waiters at once: no polling.
    """

    def __init__(self) -> None:
        super().__init__()
        self._waiters: list[tuple[str, asyncio.Future[None]]] = []

    def write(self, text: str) -> int:
        """Keep the text, then wake whoever waits for an event now in the log."""
        written = super().write(text)
        for waited in [waiter for waiter in self._waiters if self.has(waiter[0])]:
            self._waiters.remove(waited)
            if not waited[1].done():
                waited[1].set_result(None)
        return written

    def lines(self) -> list[dict[str, Any]]:
        """The JSON lines logged so far."""
        return [json.loads(line) for line in self.getvalue().splitlines()]

    def has(self, event: str) -> bool:
        """Whether a line with ``event`` was logged."""
        return f'"event": "{event}"' in self.getvalue()

    async def logged(self, event: str, timeout: float = 30) -> None:
        """Return once ``event`` is logged; fail after ``timeout`` seconds."""
        if self.has(event):
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append((event, future))
        try:
            await asyncio.wait_for(future, timeout)
        except TimeoutError:
            raise AssertionError(f"the server never logged {event}") from None


@dataclass
class RunningServer:
    """A server under test: its address, its log, an HTTP session to talk to it."""

    base: str
    log: WatchedLog
    http: aiohttp.ClientSession

    def log_lines(self) -> list[dict[str, Any]]:
        """The JSON lines logged so far."""
        return self.log.lines()


@pytest.fixture
async def server(services: Services) -> AsyncIterator[RunningServer]:
    """``cockpit serve`` on the test's store, with delivery pacing fit for tests."""
    stop = asyncio.Event()
    port: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    log = WatchedLog()
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
