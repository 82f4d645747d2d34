"""exec → first frame of this tree at two store sizes, alternately: what the bigger store adds.

``interleaved.py`` and ``ab.py`` measure one size after the other, so a change
in the machine's load between the two blocks reads as a cost of the store's
size (round 5 saw the same tree 46 ms slower at 100,000 leads in one run and
26 ms faster in the next). Here each round starts the small store and the big
one back to back, in alternating order, and prints the medians of the wall
time and of the CPU every thread had when the frame is on the terminal
(``frame_cpu.start``), with the median of the per-round differences. The CPU
is that of the threads still alive then: the first read's thread
(``ui/board/first_read.py``) has ended by the frame, and its time is not in it.

    .venv/bin/python bench/frame_sizes.py [--sizes 1000,100000] [--rounds 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.frame_cpu import start  # noqa: E402  (the path above first)
from bench.run import cache_bytecode, store_for  # noqa: E402


def main() -> int:
    """Print each size's medians and the median per-round difference of the big store."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,100000")
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    small, big = (int(text) for text in args.sizes.split(","))
    cache_bytecode()
    stores = {small: store_for(small), big: store_for(big)}
    for db in stores.values():
        start(ROOT, db)  # one warm-up each: the page cache, not the code, would differ
    runs: dict[int, list[tuple[float, float]]] = {small: [], big: []}
    for round_number in range(args.rounds):
        order = [small, big] if round_number % 2 else [big, small]
        for size in order:
            runs[size].append(start(ROOT, stores[size]))
    for size, side in runs.items():
        wall = statistics.median(run[0] for run in side)
        cpu = statistics.median(run[1] for run in side)
        print(f"{size:,} leads: wall {wall:.0f} ms, CPU to the frame {cpu:.0f} ms")
    pairs = list(zip(runs[small], runs[big], strict=True))
    wall_extra = statistics.median(theirs[0] - mine[0] for mine, theirs in pairs)
    cpu_extra = statistics.median(theirs[1] - mine[1] for mine, theirs in pairs)
    print(
        f"{big:,} minus {small:,}, median of {args.rounds} rounds: wall {wall_extra:+.0f} ms, "
        f"CPU {cpu_extra:+.0f} ms; load {os.getloadavg()[0]:.1f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
