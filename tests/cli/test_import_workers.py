"""Validation workers end with the import that started them (issue 20, item 10)."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cockpit_tui.services.intake_validation import PARALLEL_ROWS
from tests.child_processes import alive, children

COCKPIT = [sys.executable, "-c", "from cockpit_tui.cli import main; raise SystemExit(main())"]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="workers are used on 2+ cores only")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_killing_the_import_ends_its_validation_workers(
    tmp_path: Path, how: signal.Signals
) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["nome", "telefone"])
        for n in range(PARALLEL_ROWS * 12):
            writer.writerow([f"Cliente {n}", f"(11) 9{1000 + n // 100 % 9000:04}-{n % 10000:04}"])
    url = f"sqlite:///{tmp_path / 'w.sqlite'}"
    process = subprocess.Popen(
        [*COCKPIT, "--db", url, "import", str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        # One core is left to the importing process, which writes the rows.
        expected = max(1, (os.cpu_count() or 1) - 1)
        while len(workers) < expected and process.poll() is None and time.monotonic() < deadline:
            workers |= {pid for pid in children(process.pid) if alive(pid)}
            time.sleep(0.01)
        assert len(workers) >= expected, "the import started its validation workers"
        process.send_signal(how)
        process.wait(timeout=30)
        deadline = time.monotonic() + 20
        while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(alive(pid) for pid in workers), "no worker outlived its import"
    finally:
        process.kill()
        process.wait()
        for pid in workers:  # never leave an orphan behind, even when the test fails
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
