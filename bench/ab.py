"""This tree against another revision, interleaved: what a change gained, whatever the load.

On the shared machine the absolute figures move 3–10× with the other engineers'
work, and the references of ``bench/interleaved.py`` (a bare Textual app,
sqlite-utils) only say where cockpit stands. To say what a change did, this
script runs cockpit from this tree and from ``--base`` (extracted with ``git
archive`` into a temporary folder, compiled, and put first on ``sys.path``)
alternately on the same store and the same file:

- ``frame``: exec → the board's first frame with six headers and counts;
- ``search``: ``/`` then "civic" → the frame whose Nova proposta header shows
  "matches/total" (the last key → that frame), ``--searches`` times per start;
- ``import``: ``cockpit import`` of N generated valid rows into a new store;
- ``cli``: ``cockpit leads`` (exec → exit, output to /dev/null), per size.

Usage: ``python bench/ab.py [--base main] [--only frame,search,import,cli] [--typing-gap MS]
[--sizes 1000,100000] [--rounds 5] [--import-rows 10000]``. Prints one line per
figure: base median, this tree's median, the median of the per-pair ratios.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from functools import partial
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import (  # noqa: E402  (the path above first)
    Terminal,
    cache_bytecode,
    percentile,
    store_for,
    write_import_csv,
)


def extract(revision: str, folder: Path) -> Path:
    """``revision``'s cockpit_tui package under ``folder``, compiled; returns ``folder``."""
    import compileall

    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", revision, "cockpit_tui"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    compileall.compile_dir(str(folder / "cockpit_tui"), quiet=1)
    return folder


def cockpit_argv(tree: Path, *args: str) -> list[str]:
    """``cockpit ARGS`` with the package of ``tree`` first on ``sys.path``."""
    code = (
        f"import sys; sys.path.insert(0, {str(tree)!r}); "
        "from cockpit_tui.cli.main import main; sys.exit(main())"
    )
    return [sys.executable, "-c", code, *args]


def frame(tree: Path, db: Path) -> float:
    """Milliseconds from exec to the board's frame with its six headers and counts."""
    terminal = Terminal(db, argv=cockpit_argv(tree, "--db", f"sqlite:///{db}", "--user", "bench"))
    try:
        done = terminal.wait_for(
            lambda text: "Não vendidos · " in text and "precisam de atenção" in text, 60
        )
        return (done - terminal.started) * 1000
    finally:
        terminal.close()


def searches(
    tree: Path, db: Path, narrowed: str, everything: str, count: int, gap: float = 0.0
) -> list[float]:
    """Milliseconds from typing "civic" to the narrowed frame, ``count`` times in one start.

    With ``gap`` (seconds), "onix" is typed instead, one letter at a time that far
    apart, as a person types (each letter's search starts: "o" and "on" match
    nearly every lead; "oni" matches ten times what "onix" does, so the last
    letter changes the header), and the time runs from the last letter.
    """
    word = b"onix" if gap else b"civic"
    terminal = Terminal(db, argv=cockpit_argv(tree, "--db", f"sqlite:///{db}", "--user", "bench"))
    found = []
    try:
        terminal.wait_for(lambda text: "Não vendidos · " in text, 60)
        time.sleep(1.0)  # the warm-up after the first frame
        terminal.send(b"/")
        time.sleep(0.3)
        for _ in range(count):
            for letter in word[:-1] if gap else b"":
                terminal.send(bytes([letter]))
                time.sleep(gap)
            sent = terminal.send(word[-1:] if gap else word)
            done = terminal.wait_for(lambda text: narrowed in text, 30)
            found.append((done - sent) * 1000)
            terminal.send(b"\x15")  # ctrl+u: every lead again
            terminal.wait_for(lambda text: everything in text, 30)
            time.sleep(0.2)
    finally:
        terminal.close()
    return found


#: CPU seconds (user + sys of the import and its validation workers) of each import, by tree.
IMPORT_CPU: dict[Path, list[float]] = {}


def imported(tree: Path, source: Path, rows: int, folder: Path) -> float:
    """Milliseconds of ``cockpit import`` of ``source`` into a new store (its CPU time aside)."""
    import resource

    db = folder / "import.sqlite"
    for leftover in folder.glob("import.sqlite*"):
        leftover.unlink()
    # Made by the tree's own code: a store of a newer schema is refused by an older tree.
    subprocess.run(
        [
            sys.executable,
            "-c",
            f"import sys; sys.path.insert(0, {str(tree)!r}); "
            "from cockpit_tui.services import open_services; "
            f"open_services({f'sqlite:///{db}'!r}, actor='bench').close()",
        ],
        check=True,
    )
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        cockpit_argv(tree, "--db", f"sqlite:///{db}", "import", str(source)),
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    IMPORT_CPU.setdefault(tree, []).append(
        (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000
    )
    if f"Importados: {rows}" not in done.stdout:
        raise RuntimeError(f"import failed: {done.stdout[-300:]} {done.stderr[-300:]}")
    return elapsed * 1000


def listed(tree: Path, db: Path) -> float:
    """Milliseconds of ``cockpit leads`` (exec → exit, output to /dev/null) on ``db``."""
    started = time.perf_counter()
    subprocess.run(
        cockpit_argv(tree, "--db", f"sqlite:///{db}", "--user", "bench", "leads"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    return (time.perf_counter() - started) * 1000


def alternate(
    rounds: int, base: Callable[[], list[float]], ours: Callable[[], list[float]]
) -> tuple[list[float], list[float]]:
    """Run ``base`` and ``ours`` alternately (who goes first alternates too)."""
    base_values: list[float] = []
    our_values: list[float] = []
    for round_number in range(rounds):
        if round_number % 2:
            our_values += ours()
            base_values += base()
        else:
            base_values += base()
            our_values += ours()
    return base_values, our_values


def line(what: str, base: list[float], ours: list[float], unit: str) -> str:
    """One figure: medians (and p95 for many values) and the median per-pair ratio."""
    ratio = statistics.median(mine / theirs for mine, theirs in zip(ours, base, strict=True))
    extra = ""
    if len(base) >= 10:
        extra = f" (p95 {percentile(base, 0.95):.0f} → {percentile(ours, 0.95):.0f} {unit})"
    return (
        f"| {what} | {statistics.median(base):.0f} {unit} | {statistics.median(ours):.0f} {unit}"
        f"{extra} | {ratio:.2f}× | {os.getloadavg()[0]:.1f} |"
    )


def main() -> int:
    """Measure this tree against ``--base``, alternately, and print the figures."""
    parser = argparse.ArgumentParser(description="this tree against another revision")
    parser.add_argument("--base", default="main")
    parser.add_argument("--only", default="frame,search,import")
    parser.add_argument("--sizes", default="1000,100000")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--searches", type=int, default=4)
    parser.add_argument("--import-rows", type=int, default=10_000)
    parser.add_argument(
        "--typing-gap",
        type=float,
        default=0.0,
        help="search: type the letters this many ms apart (default: all at once)",
    )
    args = parser.parse_args()
    only = set(args.only.split(","))
    gap = args.typing_gap / 1000
    cache_bytecode()
    print("| what | base | this tree | ratio (median of pairs) | load |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        base = extract(args.base, Path(folder) / "base")
        sizes = (
            [int(value) for value in args.sizes.split(",")] if only & {"frame", "search"} else []
        )
        for size in sizes:
            db = store_for(size)
            if "frame" in only:
                frame(base, db), frame(ROOT, db)  # warm the page cache for both
                got = alternate(
                    args.rounds,
                    partial(lambda tree, db: [frame(tree, db)], base, db),
                    partial(lambda tree, db: [frame(tree, db)], ROOT, db),
                )
                print(line(f"exec → first frame, {size:,} leads", *got, "ms"), flush=True)
            if "cli" in only:
                listed(base, db), listed(ROOT, db)
                got = alternate(
                    args.rounds,
                    partial(lambda tree, db: [listed(tree, db)], base, db),
                    partial(lambda tree, db: [listed(tree, db)], ROOT, db),
                )
                print(line(f"`cockpit leads`, {size:,} leads", *got, "ms"), flush=True)
            if "search" in only:
                narrowed, everything = search_headers(db, "onix" if gap else "civic")
                got = alternate(
                    args.rounds,
                    partial(searches, base, db, narrowed, everything, args.searches, gap),
                    partial(searches, ROOT, db, narrowed, everything, args.searches, gap),
                )
                typed = f", letters {args.typing_gap:.0f} ms apart" if gap else ""
                print(
                    line(f"search keystroke → frame, {size:,} leads{typed}", *got, "ms"),
                    flush=True,
                )
        if "import" in only:
            source = Path(folder) / "leads.csv"
            rows = args.import_rows
            write_import_csv(source, rows)
            got = alternate(
                args.rounds,
                lambda: [imported(base, source, rows, Path(folder))],
                lambda: [imported(ROOT, source, rows, Path(folder))],
            )
            print(line(f"`cockpit import` of {rows:,} rows", *got, "ms"), flush=True)
            cpu = (IMPORT_CPU[base], IMPORT_CPU[ROOT])
            print(line(f"… its CPU time (user+sys, workers included), {rows:,} rows", *cpu, "ms"))
    return 0


def search_headers(db: Path, word: str = "civic") -> tuple[str, str]:
    """The Nova proposta header's count under the search ``word`` and without it."""
    from cockpit_tui.domain.filters import LeadFilter
    from cockpit_tui.domain.statuses import Status
    from cockpit_tui.services import open_services

    services = open_services(f"sqlite:///{db}", actor="bench")
    try:
        where = services.board.scope(LeadFilter(search=word))
        found = services.board.counts(where)[Status.NEW]
        total = services.board.counts()[Status.NEW]
    finally:
        services.close()
    # The label shortens ("Nova propo…") when the counts are long: match the counts only.
    return f" · {found}/{total}", f" · {total}"


if __name__ == "__main__":
    raise SystemExit(main())
