"""Load figure of ``cockpit serve``: events/s through the API, webhook requests/s.

A fresh SQLite store with 1,000 generated leads, a real ``cockpit serve``
process on it, and a second process running the board's live poll on the
same store every 0.5 s (``PRAGMA data_version``; on a change: the change log,
the six counts and the first page of each column — what an open board
reads). Then, one client at a time as a connector would post:

- ``POST /api/v1/events`` with NDJSON batches of 100 ``lead.created``
  events (new phones: every event is a new lead), until 3,000 events;
- ``POST /webhooks/whatsapp`` signed, one customer message each (half to
  existing leads, half from unknown numbers), 600 requests, 4 at a time.

Writes the table to bench/README.md (between the SERVE markers) and prints it.
Usage: ``python bench/serve_load.py``.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import platform
import re
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "bench" / "README.md"
COCKPIT = str(Path(sys.executable).with_name("cockpit"))
SECRET = "bench-app-secret"
BATCH = 100
EVENTS = 3000
WEBHOOKS = 600
PARALLEL_WEBHOOKS = 4


def board_poll(url: str, stop: Any, polls: Any) -> None:
    """The board's live poll, in its own process, until ``stop``."""
    from cockpit_tui.domain.statuses import STATUS_ORDER
    from cockpit_tui.services import open_services

    services = open_services(url, actor="board")
    last = services.board.last_change_id()
    while not stop.wait(0.5):
        if services.board.has_new_commits():
            changes = services.board.changes_since(last)
            if changes:
                last = changes[-1].id
            services.board.counts()
            for status in STATUS_ORDER:
                services.board.column_page(status)
        with polls.get_lock():
            polls.value += 1
    services.close()


def lead_event(number: int) -> str:
    return json.dumps(
        {
            "event": "lead.created",
            "id": f"bench-{number}",
            "lead": {
                "name": f"Cliente Bench {number}",
                "phone": f"+5521{900000000 + number}",
                "vehicle": "Fiat Argo 1.0 2022",
                "source": "Site",
                "message": "Tenho interesse, ainda está disponível?",
            },
        }
    )


def webhook_body(number: int) -> bytes:
    sender = f"55219{(number % 2) * 10000000 + number:08d}"
    return json.dumps(
        {
            "object": "whatsapp_business_account",
            "entry": [
                {
                    "id": "1",
                    "changes": [
                        {
                            "field": "messages",
                            "value": {
                                "messaging_product": "whatsapp",
                                "contacts": [{"profile": {"name": "Cliente"}, "wa_id": sender}],
                                "messages": [
                                    {
                                        "from": sender,
                                        "id": f"wamid.bench{number}",
                                        "timestamp": str(int(time.time())),
                                        "type": "text",
                                        "text": {"body": "Qual o menor preço?"},
                                    }
                                ],
                            },
                        }
                    ],
                }
            ],
        }
    ).encode()


async def measure(base: str, token: str) -> tuple[float, float]:
    from cockpit_tui.domain.whatsapp import sign

    async with aiohttp.ClientSession() as http:
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/x-ndjson"}
        started = time.perf_counter()
        for first in range(0, EVENTS, BATCH):
            body = "\n".join(lead_event(n) for n in range(first, first + BATCH))
            async with http.post(f"{base}/api/v1/events", data=body, headers=headers) as answer:
                result = await answer.json()
                assert answer.status == 200, result
                assert result["applied"] == BATCH, result
        events_per_second = EVENTS / (time.perf_counter() - started)

        queue = list(range(WEBHOOKS))

        async def client() -> None:
            while queue:
                body = webhook_body(queue.pop())
                signed = {"X-Hub-Signature-256": sign(body, SECRET)}
                async with http.post(f"{base}/webhooks/whatsapp", data=body, headers=signed) as r:
                    assert r.status == 200, await r.text()

        started = time.perf_counter()
        await asyncio.gather(*(client() for _ in range(PARALLEL_WEBHOOKS)))
        webhooks_per_second = WEBHOOKS / (time.perf_counter() - started)
    return events_per_second, webhooks_per_second


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="cockpit-serve-bench-"))
    path = folder / "store.sqlite"
    url = f"sqlite:///{path}"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "generate.py"),
            "store",
            "--leads",
            "1000",
            "--db",
            str(path),
        ],
        check=True,
    )
    run = [COCKPIT, "--db", url]
    subprocess.run(
        [*run, "settings", "whatsapp_app_secret", SECRET], check=True, capture_output=True
    )
    token = subprocess.run(
        [*run, "token", "add", "bench"], check=True, capture_output=True, text=True
    ).stdout.strip()
    stop = multiprocessing.Event()
    polls = multiprocessing.Value("i", 0)
    board = multiprocessing.Process(target=board_poll, args=(url, stop, polls))
    board.start()
    server = subprocess.Popen([*run, "serve", "--port", "0"], stderr=subprocess.PIPE, text=True)
    try:
        assert server.stderr is not None
        port = None
        while port is None:
            line = json.loads(server.stderr.readline())
            port = line.get("port") if line["event"] == "listening" else None
        # Drain the request log so the server never blocks on a full pipe.
        drain = subprocess.Popen(["cat"], stdin=server.stderr, stdout=subprocess.DEVNULL)
        events_per_second, webhooks_per_second = asyncio.run(
            measure(f"http://127.0.0.1:{port}", token)
        )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(30)
        stop.set()
        board.join(30)
    drain.wait(10)
    table = "\n".join(
        [
            "<!-- SERVE -->",
            f"Measured on {platform.machine()}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}, {datetime.now(UTC):%Y-%m-%d}; SQLite store of 1,000 "
            f"leads, the board's poll running in another process ({polls.value} polls).",
            "",
            "| what | result |",
            "|---|---|",
            f"| `POST /api/v1/events`, NDJSON batches of {BATCH} new leads | "
            f"{events_per_second:,.0f} events/s |",
            f"| `POST /webhooks/whatsapp`, one message each, {PARALLEL_WEBHOOKS} clients | "
            f"{webhooks_per_second:,.0f} requests/s |",
            "<!-- /SERVE -->",
        ]
    )
    print(table)
    text = README.read_text()
    if "<!-- SERVE -->" in text:
        text = re.sub(r"<!-- SERVE -->.*?<!-- /SERVE -->", table, text, flags=re.S)
        README.write_text(text)


if __name__ == "__main__":
    main()
