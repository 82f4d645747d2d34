"""What a search costs through the services, word by word: broad, rare, short, long.

``.venv/bin/python bench/search_terms.py [--db PATH] [--tree PATH] [--repeat 9] [WORD …]``
opens the store (``bench/stores/s100000.sqlite`` by default) as the board
does and, for each word, runs ``BoardService.first_pages`` (what a search
shows when typed: every column's first cards and counts, on the search
reader) ``--repeat`` times, printing the matches and the median and max of
the reading thread's CPU and of the wall-clock time. ``--tree`` runs another
checkout's ``cockpit_tui`` (e.g. ``bench/ab.py``'s extract of main) on a store
at its own schema version: to compare a branch that migrates the store, give
each side its own copy.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

#: A common trigram, a common and a rare word, short terms, a phone fragment, two words.
WORDS = ("ent", "pago", "concessionaria", "civic", "ma", "c", "97245", "5511972", "honda civic")


def main() -> int:
    """Print one row per word."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("words", nargs="*", default=list(WORDS))
    parser.add_argument("--db", type=Path, help="the store (default: the 100,000-lead bench store)")
    parser.add_argument("--tree", type=Path, help="another checkout's root (default: this one)")
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    if args.tree:
        sys.path.insert(0, str(args.tree))
    from cockpit_tui.domain.filters import LeadFilter
    from cockpit_tui.services import open_services

    db = args.db or Path(__file__).resolve().parent / "stores" / "s100000.sqlite"
    services = open_services(f"sqlite:///{db}", actor="bench")
    try:
        print(f"{db.name}, load {os.getloadavg()[0]:.1f}")
        print("| word | matches | CPU median / max (ms) | wall median / max (ms) |")
        print("|---|---|---|---|")
        for word in args.words:
            where = services.board.scope(LeadFilter(search=word))
            cpu, wall, matches = [], [], 0
            for _ in range(args.repeat):
                started, thread = time.perf_counter(), time.thread_time()
                pages = services.board.first_pages(where, limit=24)  # the board's FIRST_CARDS
                cpu.append((time.thread_time() - thread) * 1000)
                wall.append((time.perf_counter() - started) * 1000)
                matches = sum(page.total for page in pages.values())
            print(
                f"| {word} | {matches:,} | {statistics.median(cpu):.1f} / {max(cpu):.1f} "
                f"| {statistics.median(wall):.1f} / {max(wall):.1f} |"
            )
    finally:
        services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
