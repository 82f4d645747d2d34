"""A writer killed with SIGKILL at random moments never corrupts the store or loses a commit."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from cockpit_tui.services import open_services
from tests.safety.workers import crash_writer

LEADS = 6


def _kill_loop(tmp_path: Path, rounds: int) -> tuple[int, int]:
    path = tmp_path / "crash.sqlite"
    url = f"sqlite:///{path}"
    services = open_services(url, actor="setup")
    lead_ids = [services.leads.add(name=f"Cliente {n}").id for n in range(LEADS)]
    services.close()

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tests.safety.workers", "sqlalchemy", "sqlmodel"])
    rng = random.Random(1234)
    acknowledged: list[tuple[int, int, str]] = []
    for round_number in range(rounds):
        receiver, sender = context.Pipe(duplex=False)
        process = context.Process(target=crash_writer, args=(url, lead_ids, round_number, sender))
        process.start()
        sender.close()
        # Let it commit a few moves, then kill it at a random instant.
        wanted = rng.randint(1, 12)
        deadline = time.monotonic() + 30
        got = 0
        while got < wanted and time.monotonic() < deadline:
            if receiver.poll(0.5):
                acknowledged.append(receiver.recv())
                got += 1
            elif not process.is_alive():
                break
        # Kill at a random instant: often mid-transaction of the next move.
        if receiver.poll(rng.uniform(0, 0.01)):
            acknowledged.append(receiver.recv())
        assert process.pid is not None
        os.kill(process.pid, signal.SIGKILL)
        process.join(timeout=10)
        assert process.exitcode == -signal.SIGKILL, "the writer died of something else"
        while receiver.poll(0):
            try:
                acknowledged.append(receiver.recv())
            except EOFError:
                break
        receiver.close()

    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        recorded = set(
            connection.execute("SELECT lead_id, version_after, to_status FROM status_change")
        )
        versions = dict(connection.execute("SELECT id, version FROM lead"))
        moves_per_lead = dict(
            connection.execute("SELECT lead_id, COUNT(*) FROM status_change GROUP BY lead_id")
        )
    missing = [ack for ack in acknowledged if ack not in recorded]
    assert missing == [], "a move acknowledged as committed was lost"
    for lead_id, version in versions.items():
        assert version == 1 + moves_per_lead.get(lead_id, 0), "lead row and history disagree"
    return rounds, len(acknowledged)


def test_sigkill_writer_50_times(tmp_path: Path) -> None:
    rounds, acked = _kill_loop(tmp_path, 50)
    assert acked >= rounds
    print(f"\ncrash: {rounds} SIGKILLs, {acked} acknowledged moves, all present, integrity ok")


@pytest.mark.slow
def test_sigkill_writer_500_times(tmp_path: Path) -> None:
    rounds, acked = _kill_loop(tmp_path, 500)
    print(f"\ncrash (slow): {rounds} SIGKILLs, {acked} acknowledged moves, all present")
