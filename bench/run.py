"""Benchmarks of the store and the start-up path against DESIGN §9's budget.

Builds (once, cached in bench/stores/) stores of 1,000, 10,000 and 100,000
generated leads, then measures:

- process exec → the first frame that shows the six headers with their counts
  (the board's header line is painted in the same update as the counts), read
  through a pseudo-terminal as a user would start it;
- peak RSS of that process;
- the board's queries through the services: counts, a column's first page, a
  page deep in the column (offset), the next page (keyset), the change poll;
- a move: compare-and-set UPDATE + history + change log + commit, then the
  two affected columns' first pages re-read (median and p95 over 40 moves).

Writes the table to bench/README.md (between the RESULTS markers) and prints it.
Usage: ``python bench/run.py [--sizes 1000,10000,100000]``.
"""

from __future__ import annotations

import argparse
import os
import platform
import pty
import re
import select
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORES = ROOT / "bench" / "stores"
README = ROOT / "bench" / "README.md"
ANSI = re.compile(r"\x1b\[[0-9;?<>=$]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[=>()PX^_].?")

sys.path.insert(0, str(ROOT))


def store_for(size: int) -> Path:
    """The cached store of ``size`` leads, generated on first use."""
    from bench.generate import build_store

    STORES.mkdir(exist_ok=True)
    path = STORES / f"s{size}.sqlite"
    if not path.exists():
        print(f"generating {size} leads…", file=sys.stderr)
        partial = path.with_suffix(".partial")
        for leftover in STORES.glob(partial.name + "*"):
            leftover.unlink()
        build_store(str(partial), size)
        partial.rename(path)
    return path


def first_frame(db: Path, timeout: float = 20) -> tuple[float, int]:
    """Seconds from exec to the frame with counts, and the process's peak RSS in kB."""
    cockpit = Path(sys.executable).parent / "cockpit"
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "COLUMNS": "160",
        "LINES": "45",
        "COCKPIT_LANG": "pt",
    }
    leader, follower = pty.openpty()
    os.set_blocking(leader, False)
    import fcntl
    import struct
    import termios

    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 45, 160, 0, 0))
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(cockpit), "--db", f"sqlite:///{db}", "--user", "bench"],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        close_fds=True,
    )
    os.close(follower)
    seen = ""
    elapsed = float("nan")
    deadline = started + timeout
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            # Answer the terminal queries Textual sends, as a terminal would.
            seen += ANSI.sub("", chunk.decode("utf-8", "replace"))
            if "precisam de atenção" in seen:
                elapsed = time.perf_counter() - started
                break
    peak_kb = 0
    try:
        status = Path(f"/proc/{process.pid}/status").read_text()
        peak_kb = int(re.search(r"VmHWM:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
    except (OSError, AttributeError):
        pass
    process.kill()
    process.wait()
    os.close(leader)
    return elapsed, peak_kb


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    """Milliseconds of each of ``repeat`` calls."""
    results = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        results.append((time.perf_counter() - started) * 1000)
    return results


def service_figures(db: Path) -> dict[str, float]:
    """Board queries and moves through the services, in milliseconds."""
    import random

    from cockpit_tui.domain.statuses import STATUS_ORDER, Status
    from cockpit_tui.services import open_services

    services = open_services(f"sqlite:///{db}", actor="bench")
    try:
        board = services.board
        counts = board.counts()
        biggest = max(STATUS_ORDER, key=lambda s: counts[s])
        figures = {
            "counts": statistics.median(timed(board.counts, 20)),
            "first page": statistics.median(
                timed(lambda: board.column_page(biggest, limit=40, total=0), 20)
            ),
            "deep page (offset)": statistics.median(
                timed(
                    lambda: board.column_page(
                        biggest, offset=max(0, counts[biggest] - 40), limit=40, total=0
                    ),
                    10,
                )
            ),
            "poll (data_version)": statistics.median(timed(board.has_new_commits, 50)),
        }
        first = board.column_page(biggest, limit=40, total=0).cards
        figures["next page (keyset)"] = statistics.median(
            timed(lambda: board.column_page(biggest, after=first[-1], limit=40, total=0), 20)
        )
        rng = random.Random(7)
        ids = [card.id for card in board.column_page(Status.NEW, limit=200, total=0).cards]
        move_ms = []
        for lead_id in rng.sample(ids, 40):
            card = services.leads.get(lead_id)
            target = rng.choice([s for s in STATUS_ORDER if s is not card.status])
            started = time.perf_counter()
            services.leads.move(lead_id, target, seen_version=card.version)
            board.column_page(card.status, limit=40, total=0)
            board.column_page(target, limit=40, total=0)
            move_ms.append((time.perf_counter() - started) * 1000)
        for _ in range(40):
            services.leads.undo_last_move()  # leave the cached store as generated
        move_ms.sort()
        figures["move median"] = statistics.median(move_ms)
        figures["move p95"] = move_ms[int(len(move_ms) * 0.95) - 1]
        return figures
    finally:
        services.close()


def main() -> int:
    """Run the benchmarks and write bench/README.md."""
    parser = argparse.ArgumentParser(description="cockpit-tui benchmarks")
    parser.add_argument("--sizes", default="1000,10000,100000")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    rows: dict[str, dict[int, str]] = {}

    def put(name: str, size: int, value: str) -> None:
        rows.setdefault(name, {})[size] = value

    for size in sizes:
        db = store_for(size)
        frames = [first_frame(db) for _ in range(5)]
        put(
            "exec → first frame with six headers and counts (median of 5)",
            size,
            f"{statistics.median(f[0] for f in frames) * 1000:.0f} ms",
        )
        put("peak RSS of the app (max of 5)", size, f"{max(f[1] for f in frames) / 1024:.0f} MB")
        for name, value in service_figures(db).items():
            put(f"services: {name}", size, f"{value:.2f} ms")

    budget = {
        "exec → first frame with six headers and counts (median of 5)": (
            "≤ 500 ms (1k) / ≤ 600 ms (100k)"
        ),
        "peak RSS of the app (max of 5)": "≤ 80 MB (1k) / ≤ 100 MB (100k)",
        "services: move median": "≤ 50 ms (key → frame, whole path)",
        "services: move p95": "≤ 100 ms (key → frame, whole path)",
    }
    header = "| what | " + " | ".join(f"{s:,} leads" for s in sizes) + " | budget (DESIGN §9) |"
    lines = [header, "|" + "---|" * (len(sizes) + 2)]
    for name, values in rows.items():
        cells = " | ".join(values.get(size, "—") for size in sizes)
        lines.append(f"| {name} | {cells} | {budget.get(name, '—')} |")
    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{datetime.now(UTC):%Y-%m-%d}"
    )
    table = "\n".join([f"Measured on {machine}.", "", *lines])
    print(table)
    text = README.read_text() if README.exists() else ""
    start, end = "<!-- RESULTS -->", "<!-- /RESULTS -->"
    if start in text and end in text:
        text = text.split(start)[0] + start + "\n" + table + "\n" + end + text.split(end)[1]
        README.write_text(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
