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

COCKPIT = [sys.executable, "-c", "from cockpit_tui.cli import main; raise SystemExit(main())"]


def _children(pid: int) -> set[int]:
    """Live (not zombie) processes whose parent is ``pid``."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


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
            workers |= {pid for pid in _children(process.pid) if _alive(pid)}
            time.sleep(0.01)
        assert len(workers) >= expected, "the import started its validation workers"
        process.send_signal(how)
        process.wait(timeout=30)
        deadline = time.monotonic() + 20
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(_alive(pid) for pid in workers), "no worker outlived its import"
    finally:
        process.kill()
        process.wait()
        for pid in workers:  # never leave an orphan behind, even when the test fails
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
