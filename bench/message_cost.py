"""The cost of recording one message on a lead with a long conversation (issue 20, item 11).

Builds a store whose lead already has N messages of about 4,000 characters
(inserted in bulk, then indexed once), then times recording more messages
on it through the real path (``cockpit ingest``'s service: one write
transaction per ``message.received`` event, search index included) and
reports the median and p95 and the size of the lead's search document.

Usage: ``python bench/message_cost.py [--messages 5000] [--events 30]``.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = " ".join(
    [
        "olá bom dia o carro ainda está disponível aceita troca qual o menor preço",
        "posso passar aí amanhã tem laudo cautelar financiamento entrada parcelas",
        "revisão quilometragem pneus novos documento ok ipva pago seguro garantia",
    ]
).split(" ")


def _message(rng: random.Random, size: int = 4000) -> str:
    words: list[str] = []
    length = 0
    while length < size:
        word = rng.choice(WORDS)
        words.append(word)
        length += len(word) + 1
    return " ".join(words)[:size]


def measure(messages: int, events: int) -> dict[str, float]:
    """Seconds per recorded message (median, p95) and the search document's size."""
    from cockpit_tui.services import open_services
    from cockpit_tui.store.codec import to_micros
    from cockpit_tui.store.engine import write_connection
    from cockpit_tui.store.search_index import refresh_search

    rng = random.Random(20)
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'conversation.sqlite'}"
        services = open_services(url, actor="bench")
        lead = services.leads.add(name="Maria Souza", phone="(11) 98765-4321", message="Oi")
        start = datetime(2026, 1, 1, tzinfo=UTC)
        rows = [
            (lead.id, "in", _message(rng), to_micros(start + timedelta(minutes=n)), None, None)
            for n in range(messages)
        ]
        with write_connection(services.store.engine) as connection:
            connection.exec_driver_sql(
                "INSERT INTO message (lead_id, direction, body, at, author, read_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )
            refresh_search(connection, [lead.id])
        timings = []
        for n in range(events):
            line = json.dumps(
                {
                    "event": "message.received",
                    "id": f"bench-{n}",
                    "lead_id": lead.id,
                    "text": _message(rng),
                }
            )
            began = time.perf_counter()
            applied, _, _ = services.intake.ingest([line], on_problem=print)
            timings.append(time.perf_counter() - began)
            assert applied == 1
        services.close()
        with sqlite3.connect(Path(folder) / "conversation.sqlite") as connection:
            doc_size = connection.execute(
                "SELECT length(doc) FROM lead_search WHERE rowid = ?", (lead.id,)
            ).fetchone()[0]
    timings.sort()
    return {
        "median_ms": statistics.median(timings) * 1000,
        "p95_ms": timings[int(len(timings) * 0.95) - 1] * 1000,
        "doc_chars": float(doc_size),
    }


def main() -> None:
    """Print the figures for a short and a long conversation."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--events", type=int, default=30)
    args = parser.parse_args()
    for count in (50, args.messages):
        figures = measure(count, args.events)
        print(
            f"{count} messages: record one more: median {figures['median_ms']:.1f} ms, "
            f"p95 {figures['p95_ms']:.1f} ms; search document {figures['doc_chars']:,.0f} chars"
        )


if __name__ == "__main__":
    main()
