"""Issue 18's figures, each taken interleaved with its reference so machine load hits both alike.

- exec → first frame: ``cockpit`` and a bare Textual app showing six static
  headers (``bench/reference_app.py``) started alternately in the same
  pseudo-terminal; the figure is cockpit's median over the reference's, and
  the median of the per-pair ratios;
- import: ``cockpit import`` of N generated CSV rows and ``sqlite-utils insert
  --csv`` of the same file (no validation, no indexes), alternately; sqlite-utils
  lives in the bench's own environment ``bench/.venv-ref`` (created on first
  use, never a project dependency);
- search: ``/`` then "civic" → the narrowed frame (p50/p95), per size, and at the
  largest size the parts measured on their own through the services: the scope
  (trigram look-up compiled), the six counts, the six first pages;
- key under lock: another process holds SQLite's write lock (``BEGIN
  IMMEDIATE``) while shift+← is pressed; the time until the frame acknowledges
  the key, next to shift+→ with the lock free; then the time from the lock's
  release to the moved card's counts;
- start-up parts: cockpit through ``bench/startup_probe.py`` (time marks at
  each step of the start-up), alternately with the bare app through
  ``bench/reference_probe.py`` (the same marks where the two compare);
- textual-speedups: cockpit with and without it on ``PYTHONPATH``, alternately.

Usage: ``python bench/interleaved.py [--sizes 1000,100000] [--rounds 7]
[--imports 10000,100000] [--import-rounds 3]
[--only frame,parts,speedups,search,lock,import] [--speedups-path FOLDER]
[--print-only]``. Prints each figure as it is measured, then writes the table to
bench/README.md between the INTERLEAVED markers (not with ``--print-only``).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import (  # noqa: E402  (the path above first)
    README,
    STORES,
    Terminal,
    cache_bytecode,
    create_store,
    header_counts,
    search_figures,
    store_for,
    write_import_csv,
)

REFERENCE_VENV = ROOT / "bench" / ".venv-ref"
BIN = Path(sys.executable).parent


def load() -> str:
    """The 1-minute load average now."""
    return f"{os.getloadavg()[0]:.1f}"


def cockpit_frame(db: Path) -> float:
    """Seconds from exec to cockpit's frame with the six headers, counts and attention line."""
    terminal = Terminal(db)
    try:
        done = terminal.wait_for(
            lambda text: "Não vendidos · " in text and "precisam de atenção" in text, 30
        )
        return done - terminal.started
    finally:
        terminal.close()


def reference_frame() -> float:
    """Seconds from exec to the bare Textual app's frame with its six headers."""
    terminal = Terminal(None, argv=[sys.executable, str(ROOT / "bench" / "reference_app.py")])
    try:
        done = terminal.wait_for(lambda text: "Não vendidos · 600" in text, 30)
        return done - terminal.started
    finally:
        terminal.close()


def frame_figures(db: Path, rounds: int) -> dict[str, float]:
    """Cockpit and the reference app started alternately ``rounds`` times each."""
    cockpit_frame(db)  # one warm-up of each: the page cache, not the code, would differ
    reference_frame()
    ours, theirs = [], []
    for round_number in range(rounds):
        if round_number % 2:
            theirs.append(reference_frame())
            ours.append(cockpit_frame(db))
        else:
            ours.append(cockpit_frame(db))
            theirs.append(reference_frame())
    ratios = [mine / bare for mine, bare in zip(ours, theirs, strict=True)]
    return {
        "cockpit ms": statistics.median(ours) * 1000,
        "reference ms": statistics.median(theirs) * 1000,
        "ratio": statistics.median(ratios),
    }


PARTS = (
    ("interpreter and site (editable-install finder included)", "exec", "script"),
    ("our CLI, services and store modules imported", "script", "cli imported"),
    ("arguments parsed", "cli imported", "store open start"),
    ("store opened (migrations checked)", "store open start", "store opened"),
    ("Textual and our UI modules imported", "store opened", "ui imported"),
    ("App built, run() entered", "ui imported", "app run"),
    ("Textual start-up: driver, CSS, app mount → board compose", "app run", "board compose"),
    ("board compose before the first queries", "board compose", "first queries start"),
    ("first queries (counts, attention, plan)", "first queries start", "first queries done"),
    ("rest of compose, widgets mounted", "first queries done", "board mounted"),
    ("board mounted → first refresh done", "board mounted", "first refresh"),
    ("first refresh → frame read by the terminal", "first refresh", "frame"),
)
#: The same parts of the bare app (``bench/reference_probe.py``), by the cockpit part
#: they compare with; its compose (no queries) is set against cockpit's last compose row.
REFERENCE_PARTS = {
    "interpreter and site (editable-install finder included)": ("exec", "script"),
    "Textual and our UI modules imported": ("script", "ui imported"),
    "App built, run() entered": ("ui imported", "app run"),
    "Textual start-up: driver, CSS, app mount → board compose": ("app run", "board compose"),
    "rest of compose, widgets mounted": ("board compose", "board mounted"),
    "board mounted → first refresh done": ("board mounted", "first refresh"),
    "first refresh → frame read by the terminal": ("first refresh", "frame"),
}


def probe_marks(argv: list[str], found: Callable[[str], bool], out: Path) -> dict[str, float]:
    """One probed start (``argv`` writes its marks to ``out``): the marks, "exec" and "frame"
    included, in seconds of ``time.perf_counter()``."""
    import json

    os.environ["COCKPIT_PROBE_OUT"] = str(out)
    out.unlink(missing_ok=True)
    terminal = Terminal(None, argv=argv)
    try:
        frame = terminal.wait_for(found, 30)
        deadline = time.perf_counter() + 5
        while True:  # the probe may be writing the file still
            try:
                marks: dict[str, float] = json.loads(out.read_text())
                break
            except (OSError, ValueError):
                if time.perf_counter() > deadline:
                    raise
                time.sleep(0.01)
    finally:
        terminal.close()
    marks["exec"] = terminal.started
    marks["frame"] = max(frame, marks["first refresh"])
    return marks


def probe_frame(db: Path, out: Path) -> dict[str, float]:
    """One start of cockpit through ``bench/startup_probe.py``: the parts, ms."""
    argv = [
        sys.executable,
        str(ROOT / "bench" / "startup_probe.py"),
        "--db",
        f"sqlite:///{db}",
        "--user",
        "bench",
    ]
    marks = probe_marks(
        argv, lambda text: "Não vendidos · " in text and "precisam de atenção" in text, out
    )
    return {name: (marks[end] - marks[start]) * 1000 for name, start, end in PARTS}


def probe_reference(out: Path) -> dict[str, float]:
    """One start of the bare app through ``bench/reference_probe.py``: its parts, ms."""
    argv = [sys.executable, str(ROOT / "bench" / "reference_probe.py")]
    marks = probe_marks(argv, lambda text: "Não vendidos · 600" in text, out)
    return {
        name: (marks[end] - marks[start]) * 1000 for name, (start, end) in REFERENCE_PARTS.items()
    }


def part_figures(db: Path, rounds: int) -> tuple[dict[str, float], dict[str, float]]:
    """Median of each start-up part over ``rounds`` probed starts of cockpit, and of the
    bare app's comparable parts over as many probed starts, alternately."""
    parts: dict[str, list[float]] = {}
    theirs: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "marks.json"
        probe_frame(db, out)
        probe_reference(out)
        for _ in range(rounds):
            for name, value in probe_frame(db, out).items():
                parts.setdefault(name, []).append(value)
            for name, value in probe_reference(out).items():
                theirs.setdefault(name, []).append(value)
    return (
        {name: statistics.median(values) for name, values in parts.items()},
        {name: statistics.median(values) for name, values in theirs.items()},
    )


def speedup_figures(db: Path, rounds: int, folder: str) -> dict[str, float]:
    """Cockpit's first frame with textual-speedups (installed under ``folder``) and without.

    Alternately; ``folder`` is put on PYTHONPATH for the "with" starts only, so
    the project's environment is left as it is.
    """
    with_ms, without_ms = [], []
    saved = os.environ.get("PYTHONPATH")
    try:
        for round_number in range(rounds + 1):
            for speedups in (True, False) if round_number % 2 else (False, True):
                if speedups:
                    os.environ["PYTHONPATH"] = folder
                else:
                    os.environ.pop("PYTHONPATH", None)
                elapsed = cockpit_frame(db) * 1000
                if round_number:  # the first round warms the page cache
                    (with_ms if speedups else without_ms).append(elapsed)
    finally:
        if saved is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = saved
    return {
        "with ms": statistics.median(with_ms),
        "without ms": statistics.median(without_ms),
        "ratio": statistics.median(a / b for a, b in zip(with_ms, without_ms, strict=True)),
    }


def reference_tool() -> Path:
    """``sqlite-utils`` in the bench's own virtual environment (made on first use)."""
    tool = REFERENCE_VENV / "bin" / "sqlite-utils"
    if not tool.exists():
        subprocess.run([sys.executable, "-m", "venv", str(REFERENCE_VENV)], check=True)
        subprocess.run(
            [str(REFERENCE_VENV / "bin" / "pip"), "install", "--quiet", "sqlite-utils"],
            check=True,
        )
    return tool


def reference_version() -> str:
    """The version of the reference tool (figures from different releases do not compare)."""
    done = subprocess.run(
        [str(reference_tool()), "--version"], capture_output=True, text=True, check=False
    )
    return done.stdout.strip().replace("sqlite-utils, version ", "") or "?"


def import_figures(rows: int, rounds: int) -> dict[str, float]:
    """``cockpit import`` and ``sqlite-utils insert --csv`` of the same ``rows``, alternately."""
    import resource

    def cpu_seconds() -> float:
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        return used.ru_utime + used.ru_stime

    tool = reference_tool()
    ours, theirs = [], []
    ours_cpu: list[float] = []
    theirs_cpu: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "leads.csv"
        write_import_csv(source, rows)
        for attempt in range(rounds):
            db = Path(folder) / f"cockpit-{attempt}.sqlite"
            plain = Path(folder) / f"plain-{attempt}.sqlite"
            create_store(db)  # the store exists before the timed run, as in daily use

            def ours_once(db: Path = db) -> float:
                cpu = cpu_seconds()
                started = time.perf_counter()
                done = subprocess.run(
                    [str(BIN / "cockpit"), "--db", f"sqlite:///{db}", "import", str(source)],
                    capture_output=True,
                    text=True,
                    check=False,
                )
                elapsed = time.perf_counter() - started
                ours_cpu.append(cpu_seconds() - cpu)
                if done.returncode != 0 or f"Importados: {rows}" not in done.stdout:
                    raise RuntimeError(f"import failed: {done.stdout[-500:]} {done.stderr[-500:]}")
                return elapsed

            def theirs_once(plain: Path = plain) -> float:
                cpu = cpu_seconds()
                started = time.perf_counter()
                subprocess.run(
                    [
                        str(tool),
                        "insert",
                        str(plain),
                        "leads",
                        str(source),
                        "--csv",
                        "--delimiter",
                        ";",
                        "--encoding",
                        "cp1252",
                    ],
                    check=True,
                    capture_output=True,
                )
                elapsed = time.perf_counter() - started
                theirs_cpu.append(cpu_seconds() - cpu)
                return elapsed

            if attempt % 2:
                theirs.append(theirs_once())
                ours.append(ours_once())
            else:
                ours.append(ours_once())
                theirs.append(theirs_once())
            db.unlink(missing_ok=True)
            plain.unlink(missing_ok=True)
    ratios = [mine / bare for mine, bare in zip(ours, theirs, strict=True)]
    return {
        "cockpit ms": statistics.median(ours) * 1000,
        "reference ms": statistics.median(theirs) * 1000,
        "ratio": statistics.median(ratios),
        "cockpit cpu ms": statistics.median(ours_cpu) * 1000,
        "reference cpu ms": statistics.median(theirs_cpu) * 1000,
    }


def search_parts(db: Path, repeat: int = 20) -> dict[str, float]:
    """The search "civic" through the services: scope, six counts, six first pages (medians, ms).

    What the board's worker does for one keystroke, without the terminal and the repaint.
    """
    from cockpit_tui.domain.filters import LeadFilter
    from cockpit_tui.domain.statuses import STATUS_ORDER
    from cockpit_tui.services import open_services

    services = open_services(f"sqlite:///{db}", actor="bench")
    try:
        board = services.board
        scope_ms, counts_ms, pages_ms, windowed_ms = [], [], [], []
        for _ in range(repeat):
            started = time.perf_counter()
            where = board.scope(LeadFilter(search="civic"))
            scoped = time.perf_counter()
            board.counts(where)
            counted = time.perf_counter()
            for status in STATUS_ORDER:
                board.cards_at(status, offset=0, limit=60, where=where)
            paged = time.perf_counter()
            assert where is not None
            board.first_pages(where, limit=60)
            windowed = time.perf_counter()
            scope_ms.append((scoped - started) * 1000)
            counts_ms.append((counted - scoped) * 1000)
            pages_ms.append((paged - counted) * 1000)
            windowed_ms.append((windowed - paged) * 1000)
        return {
            "scope (filter compiled)": statistics.median(scope_ms),
            "the old read: six counts (trigram match + GROUP BY)": statistics.median(counts_ms),
            "the old read: six first pages of 60 (six more matches)": statistics.median(pages_ms),
            "what the board reads now: counts and six first pages of 60 in one "
            "windowed query over one match": statistics.median(windowed_ms),
        }
    finally:
        services.close()


HOLDER = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
connection.execute("ROLLBACK")
print("released", flush=True)
"""


def lock_figures(db: Path, rounds: int, hold: float = 3.0) -> dict[str, float]:
    """Shift+→ while another process holds the write lock, next to the same key with it free.

    On a copy of ``db``. Each round: the key with the lock free (key → the
    acknowledging frame), then the key back under a lock held ``hold`` seconds
    (key → acknowledging frame; lock released → the counts read back).
    """
    work = db.with_name(f"lock-{db.name}")
    for leftover in STORES.glob(work.name + "*"):
        leftover.unlink()
    shutil.copyfile(db, work)
    terminal = Terminal(work)
    free_ms, locked_ms, landed_ms = [], [], []
    try:
        terminal.wait_for(lambda text: "Não vendidos · " in text, 30)
        counts = header_counts(terminal.text)
        new, negotiating = counts["Nova proposta"], counts["Em negociação"]
        time.sleep(1.0)
        for _ in range(rounds):
            sent = terminal.send(b"\x1b[1;2C")  # shift+→, the lock free
            acknowledged = terminal.wait_for(lambda text: "→ Em negociação" in text)
            free_ms.append((acknowledged - sent) * 1000)
            terminal.wait_for(
                lambda text: (header_counts(text).get("Nova proposta"), None) == (new - 1, None)
            )
            time.sleep(0.3)
            holder = subprocess.Popen(
                [sys.executable, "-c", HOLDER, str(work), str(hold)],
                stdout=subprocess.PIPE,
                text=True,
            )
            assert holder.stdout is not None
            if holder.stdout.readline().strip() != "locked":
                raise RuntimeError("the lock holder did not take the lock")
            sent = terminal.send(b"\x1b[1;2D")  # shift+←, the lock held by another process
            acknowledged = terminal.wait_for(lambda text: "→ Nova proposta" in text)
            locked_ms.append((acknowledged - sent) * 1000)
            holder.stdout.readline()  # "released"
            released = time.perf_counter()
            holder.wait()
            terminal.wait_for(
                lambda text: (
                    (
                        header_counts(text).get("Nova proposta"),
                        header_counts(text).get("Em negociação"),
                    )
                    == (new, negotiating)
                ),
                20,
            )
            landed_ms.append((time.perf_counter() - released) * 1000)
            time.sleep(0.3)
    finally:
        terminal.close()
        for leftover in STORES.glob(work.name + "*"):
            leftover.unlink()
    return {
        "key → acknowledged, lock free (median)": statistics.median(free_ms),
        "key → acknowledged, lock held (median)": statistics.median(locked_ms),
        "key → acknowledged, lock held (max)": max(locked_ms),
        "lock released → move on screen (median)": statistics.median(landed_ms),
    }


class Lines(list[str]):
    """The table's lines, each printed as soon as it is measured (a long run can be cut)."""

    def append(self, line: str) -> None:
        """Keep ``line`` and print it."""
        print(line, flush=True)
        super().append(line)


def main() -> int:
    """Run the interleaved figures and write them to bench/README.md."""
    parser = argparse.ArgumentParser(description="issue 18's interleaved figures")
    parser.add_argument("--sizes", default="1000,100000")
    parser.add_argument("--search-sizes", default="1000,10000,100000")
    parser.add_argument("--imports", default="10000,100000")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument(
        "--import-rounds", type=int, default=3, help="rounds of the 100,000-row import"
    )
    parser.add_argument(
        "--speedups-path",
        default="/tmp/textual-speedups",
        help="a folder holding textual-speedups (pip install --target FOLDER textual-speedups)",
    )
    parser.add_argument("--only", default="frame,parts,search,lock,import")
    parser.add_argument(
        "--print-only", action="store_true", help="print the table; leave bench/README.md as is"
    )
    args = parser.parse_args()
    only = set(args.only.split(","))
    cache_bytecode()
    lines = Lines(
        [
            "| what | cockpit | reference, same run | ratio | goal | load at start |",
            "|---|---|---|---|---|---|",
        ]
    )
    if "frame" in only:
        for size in (int(s) for s in args.sizes.split(",")):
            at = load()
            found = frame_figures(store_for(size), args.rounds)
            lines.append(
                f"| exec → first frame, {size:,} leads (median of {args.rounds}) "
                f"| {found['cockpit ms']:.0f} ms "
                f"| bare Textual app: {found['reference ms']:.0f} ms "
                f"| {found['ratio']:.2f}× | ≤ 1.3× | {at} |"
            )
    if "parts" in only:
        for size in (int(s) for s in args.sizes.split(",")):
            at = load()
            parts, reference = part_figures(store_for(size), args.rounds)
            ours, theirs = sum(parts.values()), sum(reference.values())
            lines.append(
                f"| **start-up parts, {size:,} leads** (median of {args.rounds}, probed) "
                f"| {ours:.0f} ms | bare Textual app, probed: {theirs:.0f} ms "
                f"| {ours / theirs:.2f}× | — | {at} |"
            )
            for name, value in parts.items():
                bare = f"{reference[name]:.0f} ms" if name in reference else "—"
                lines.append(f"| &nbsp;&nbsp;{name} | {value:.0f} ms | {bare} | — | — | |")
    if "speedups" in only:
        for size in (int(s) for s in args.sizes.split(",")):
            at = load()
            found = speedup_figures(store_for(size), args.rounds, args.speedups_path)
            lines.append(
                f"| exec → first frame with textual-speedups, {size:,} leads "
                f"(median of {args.rounds}) | {found['with ms']:.0f} ms "
                f"| without: {found['without ms']:.0f} ms | {found['ratio']:.2f}× | < 1× | {at} |"
            )
    if "search" in only:
        search_sizes = [int(s) for s in args.search_sizes.split(",")]
        for size in search_sizes:
            at = load()
            found = search_figures(store_for(size), repeat=20)
            goal = "≤ 100 ms" if size <= 1000 else "≤ 150 ms"
            lines.append(
                f"| search keystroke → narrowed frame, {size:,} leads, p50 / p95 (of 20) "
                f"| {found['search: keystroke → narrowed frame median']:.0f} / "
                f"{found['search: keystroke → narrowed frame p95']:.0f} ms | — | — "
                f"| p95 {goal} | {at} |"
            )
        biggest = max(search_sizes)
        at = load()
        for name, value in search_parts(store_for(biggest)).items():
            lines.append(
                f"| search at {biggest:,} leads, through the services: {name} (median of 20) "
                f"| {value:.1f} ms | — | — | — | {at} |"
            )
    if "lock" in only:
        at = load()
        found = lock_figures(store_for(1000), rounds=5)
        for name, value in found.items():
            goal = "one frame" if "acknowledged, lock held" in name else "—"
            lines.append(
                f"| shift+→, 1,000 leads: {name} | {value:.0f} ms | — | — | {goal} | {at} |"
            )
    if "import" in only:
        for rows in (int(s) for s in args.imports.split(",")):
            at = load()
            rounds = args.import_rounds if rows >= 100_000 else 5
            found = import_figures(rows, rounds)
            lines.append(
                f"| `cockpit import` of {rows:,} CSV rows (median of {rounds}) "
                f"| {found['cockpit ms'] / 1000:.1f} s "
                f"| `sqlite-utils insert --csv` ({reference_version()}): "
                f"{found['reference ms'] / 1000:.1f} s "
                f"| {found['ratio']:.2f}× | ≤ 5 s and ≤ 0.5× at 100,000 | {at} |"
            )
            lines.append(
                f"| … its CPU time, user+sys of the process tree (median) "
                f"| {found['cockpit cpu ms'] / 1000:.1f} s "
                f"| {found['reference cpu ms'] / 1000:.1f} s "
                f"| {found['cockpit cpu ms'] / found['reference cpu ms']:.2f}× | — | {at} |"
            )
    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    )
    table = "\n".join([f"Measured on {machine}.", "", *lines])
    print(f"Measured on {machine}.")
    text = README.read_text()
    start, end = "<!-- INTERLEAVED -->", "<!-- /INTERLEAVED -->"
    if start in text and end in text and not args.print_only:
        text = text.split(start)[0] + start + "\n" + table + "\n" + end + text.split(end)[1]
        README.write_text(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
