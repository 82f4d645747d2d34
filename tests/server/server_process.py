"""``cockpit serve`` as a separate process, the way an operator runs it.

The process runs the real command line (``cockpit --db URL serve --port 0
…``); it is forked from a forkserver that has the heavy modules loaded
already, so the kill tests can start twenty servers without paying twenty
interpreter start-ups. Its stderr (the JSON log) goes to a file the test reads.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import signal
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_PRELOAD = [
    "tests.server.server_process",
    "cockpit_tui.cli.main",
    "cockpit_tui.cli.commands",
    "cockpit_tui.server.runner",
    "cockpit_tui.services.intake",
    "cockpit_tui.store.repository",
    "cockpit_tui.store.intake",
    "sqlalchemy",
    "sqlmodel",
    "aiohttp",
    "phonenumbers",
]


def _context() -> Any:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    return context


def run_server_child(url: str, grace_seconds: float, log_path: str) -> None:
    """The child: ``cockpit --db URL serve --port 0``, stderr into ``log_path``."""
    descriptor = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.dup2(descriptor, 2)
    sys.stderr = open(2, "w", buffering=1, closefd=False)  # noqa: SIM115 - the process's stderr
    from cockpit_tui.cli import main

    code = main(["--db", url, "serve", "--port", "0", "--in-doubt-grace", str(grace_seconds)])
    sys.stderr.flush()
    os._exit(code)


@dataclass
class ServerProcess:
    """A running ``cockpit serve --port 0`` and its JSON log."""

    process: Any
    port: int
    log_path: Path
    _joined: asyncio.Future[None] | None = None

    @classmethod
    async def start(cls, url: str, log_path: Path, *, grace_seconds: float = 5.0) -> ServerProcess:
        """Start a server on ``url`` and wait until it listens."""
        process = _context().Process(
            target=run_server_child, args=(url, grace_seconds, str(log_path)), daemon=True
        )
        await asyncio.to_thread(process.start)
        server = cls(process, 0, log_path)
        deadline = asyncio.get_running_loop().time() + 60
        while not (listening := server.events("listening")):
            assert process.is_alive(), f"cockpit serve exited early: {server.lines()}"
            assert asyncio.get_running_loop().time() < deadline, "cockpit serve never listened"
            await asyncio.sleep(0.02)
        server.port = int(listening[0]["port"])
        return server

    @property
    def pid(self) -> int:
        """The process id."""
        return int(self.process.pid)

    @property
    def webhook_url(self) -> str:
        """Where Meta would post."""
        return f"http://127.0.0.1:{self.port}/webhooks/whatsapp"

    def lines(self) -> list[dict[str, Any]]:
        """The JSON log lines written so far."""
        if not self.log_path.exists():
            return []
        found = []
        for raw in self.log_path.read_text().splitlines():
            try:
                found.append(json.loads(raw))
            except json.JSONDecodeError:
                found.append({"event": "not-json", "text": raw})
        return found

    def events(self, name: str) -> list[dict[str, Any]]:
        """The log lines of one event."""
        return [line for line in self.lines() if line.get("event") == name]

    async def kill(self) -> None:
        """SIGKILL, then reap it."""
        if self.process.is_alive():
            os.kill(self.pid, signal.SIGKILL)
        await self.wait()

    async def terminate(self) -> int:
        """SIGTERM; returns the exit code."""
        os.kill(self.pid, signal.SIGTERM)
        return await self.wait()

    async def wait(self, timeout: float = 60) -> int:
        """Wait for the exit; returns the exit code (negative: killed by that signal).

        One join for all waiters: two threads reading the forkserver's exit
        status at once would make one of them see 255.
        """
        if self._joined is None:
            self._joined = asyncio.ensure_future(asyncio.to_thread(self.process.join, timeout))
        await asyncio.shield(self._joined)
        assert self.process.exitcode is not None, "the server did not exit in time"
        return int(self.process.exitcode)
