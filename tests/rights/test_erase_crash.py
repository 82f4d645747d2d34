"""An erase killed with SIGKILL leaves the person either whole or anonymised, never half."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import sqlite3
import time
from datetime import timedelta
from pathlib import Path

from cockpit_tui.domain.models import Direction, LeadCreate, MessageCreate
from cockpit_tui.services import open_services
from cockpit_tui.store.bulk import insert_leads
from tests.conftest import NOW
from tests.rights.workers import erase_when_told

CUSTOMERS = 12
LEADS_EACH = 20
MESSAGES_EACH = 60


def _store_with_big_customers(path: Path) -> None:
    leads = []
    for customer in range(CUSTOMERS):
        for lead in range(LEADS_EACH):
            leads.append(
                LeadCreate(
                    name=f"Pessoa Secreta {customer:02d}",
                    phone=f"+55119{customer:02d}{lead:06d}",
                    email=f"secreta{customer:02d}@example.com",
                    created_at=NOW - timedelta(days=30),
                    messages=tuple(
                        MessageCreate(
                            direction=Direction.INBOUND,
                            body=f"mensagem secreta {customer:02d}-{lead}-{number}",
                            at=NOW - timedelta(days=30, minutes=-number),
                            read=True,
                            author=None,
                        )
                        for number in range(MESSAGES_EACH)
                    ),
                )
            )
    services = open_services(f"sqlite:///{path}", actor="setup")
    insert_leads(services.store.engine, leads, actor="setup", now=NOW)
    services.close()
    # The bulk path gives every lead its own customer: gather each person's negotiations.
    with sqlite3.connect(path) as connection:
        connection.execute(f"UPDATE lead SET customer_id = 1 + (id - 1) / {LEADS_EACH}")
        connection.execute("DELETE FROM customer WHERE id > ?", (CUSTOMERS,))


def _state_of(connection: sqlite3.Connection, customer_id: int) -> str:
    """ "whole", "erased", or a description of the half state found."""
    name, phone, email, erased_at = connection.execute(
        "SELECT name, phone, email, erased_at FROM customer WHERE id = ?", (customer_id,)
    ).fetchone()
    lead_ids = [
        row[0]
        for row in connection.execute("SELECT id FROM lead WHERE customer_id = ?", (customer_id,))
    ]
    marks = ",".join("?" * len(lead_ids))
    bodies = [
        row[0]
        for row in connection.execute(
            f"SELECT body FROM message WHERE lead_id IN ({marks})", lead_ids
        )
    ]
    docs = [
        row[0]
        for row in connection.execute(
            f"SELECT doc FROM lead_search WHERE rowid IN ({marks})", lead_ids
        )
    ]
    audited = connection.execute(
        "SELECT COUNT(*) FROM audit WHERE customer_id = ? AND action = 'customer.erase'",
        (customer_id,),
    ).fetchone()[0]
    whole = (
        name.startswith("Pessoa Secreta")
        and phone is not None
        and email is not None
        and erased_at is None
        and all(body.startswith("mensagem secreta") for body in bodies)
        and all("secreta" in doc for doc in docs)
        and audited == 0
    )
    erased = (
        name == f"Cliente removido #{customer_id}"
        and (phone, email) == (None, None)
        and erased_at is not None
        and all(body == "" for body in bodies)
        and not any("secreta" in doc for doc in docs)
        and audited == 1
    )
    assert len(bodies) == LEADS_EACH * MESSAGES_EACH
    assert len(docs) == LEADS_EACH
    if whole:
        return "whole"
    if erased:
        return "erased"
    return f"half: name={name!r} erased_at={erased_at} audited={audited}"


def test_an_erase_killed_at_any_instant_is_all_or_nothing(tmp_path: Path) -> None:
    path = tmp_path / "erase-crash.sqlite"
    url = f"sqlite:///{path}"
    _store_with_big_customers(path)
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tests.rights.workers", "sqlalchemy", "sqlmodel"])
    rng = random.Random(19)
    durations: list[float] = []
    for customer_id in range(1, CUSTOMERS + 1):
        parent, child = context.Pipe()
        process = context.Process(target=erase_when_told, args=(url, customer_id, child))
        process.start()
        child.close()
        assert parent.poll(30), "the eraser never got ready"
        assert parent.recv() == "ready"
        # The first rounds measure how long an erase takes; the rest kill inside that span.
        limit = max(durations) * 1.2 if durations else 30.0
        started = time.monotonic()
        parent.send("go")
        finished = parent.poll(rng.uniform(0, limit) if durations else limit)
        if finished and not durations:
            durations.append(time.monotonic() - started)
        assert process.pid is not None
        os.kill(process.pid, signal.SIGKILL)
        process.join(timeout=10)
        parent.close()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        states = [_state_of(connection, customer_id) for customer_id in range(1, CUSTOMERS + 1)]
    assert [state for state in states if state not in ("whole", "erased")] == []
    assert states[0] == "erased"
    print(
        f"\nerase crash: one erase took {durations[0] * 1000:.0f} ms; after SIGKILLs: "
        f"{states.count('erased')} erased, {states.count('whole')} whole, 0 half"
    )
