"""exec → first frame, this tree against a revision, with the CPU each start used to get there.

``bench/ab.py --only frame`` gives the wall time, which on the shared machine
follows the load more than the code. This script starts cockpit from this tree
and from ``--base`` (extracted as ``ab.py`` does) alternately on the same store
and reads, when the frame with the six headers and counts is on the terminal,
the CPU time all the process's threads have had (``/proc/PID/task/*/schedstat``,
nanoseconds): a figure the other engineers' load barely moves. Linux only.

    .venv/bin/python bench/frame_cpu.py [--base main] [--sizes 1000,100000] [--rounds 9]

Work moved to another thread (the first read, ``ui/board/first_read.py``) still
counts as CPU here: the wall ratio is what the user sees, the CPU ratio what the
code costs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ab import cockpit_argv, extract  # noqa: E402  (the path above first)
from bench.run import Terminal, cache_bytecode, store_for  # noqa: E402


def cpu_ms(pid: int) -> float:
    """CPU time (ms) every thread of ``pid`` has had so far."""
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/schedstat") as stat:
            total += int(stat.read().split()[0])
    return total / 1e6


def start(tree: Path, db: Path) -> tuple[float, float]:
    """One start of ``tree``'s cockpit: (wall ms, CPU ms) from exec to the first frame."""
    terminal = Terminal(db, argv=cockpit_argv(tree, "--db", f"sqlite:///{db}", "--user", "bench"))
    try:
        done = terminal.wait_for(
            lambda text: "Não vendidos · " in text and "precisam de atenção" in text, 60
        )
        return (done - terminal.started) * 1000, cpu_ms(terminal.process.pid)
    finally:
        terminal.close()


def line(
    size: int, rounds: int, theirs: list[tuple[float, float]], ours: list[tuple[float, float]]
) -> str:
    """One size's medians of each side and of the per-pair ratios, wall and CPU."""

    def median(side: list[tuple[float, float]], part: int) -> float:
        return statistics.median(run[part] for run in side)

    def ratio(part: int) -> float:
        pairs = zip(ours, theirs, strict=True)
        return statistics.median(mine[part] / base[part] for mine, base in pairs)

    return (
        f"{size:,} leads, {rounds} pairs: wall {median(theirs, 0):.0f} → "
        f"{median(ours, 0):.0f} ms ({ratio(0):.3f}×); CPU to the frame "
        f"{median(theirs, 1):.0f} → {median(ours, 1):.0f} ms ({ratio(1):.3f}×); "
        f"load {os.getloadavg()[0]:.1f}"
    )


def main() -> int:
    """Print one line per size: the medians of each side and of the per-pair ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", default="main")
    parser.add_argument("--sizes", default="1000,100000")
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    cache_bytecode()
    with tempfile.TemporaryDirectory() as folder:
        base = extract(args.base, Path(folder) / "base")
        trees = {args.base: base, "this tree": ROOT}
        for size in (int(text) for text in args.sizes.split(",")):
            db = store_for(size)
            for tree in trees.values():
                start(tree, db)  # one warm-up each: the page cache, not the code, would differ
            runs: dict[str, list[tuple[float, float]]] = {name: [] for name in trees}
            for round_number in range(args.rounds):
                order = list(trees.items())
                for name, tree in order[::-1] if round_number % 2 else order:
                    runs[name].append(start(tree, db))
            print(line(size, args.rounds, runs[args.base], runs["this tree"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
