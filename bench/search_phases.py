"""Where a search keystroke's time goes: the phases of "civic" typed on the real board.

``python bench/search_phases.py [--sizes 1000,10000,100000] [--searches 12]
[--base main --rounds 3 [--base-stores DIR]]`` (with ``--base``: that revision too, start
by start alternately; ``--base-stores``: its own copies of the stores, when this tree
migrates them to a schema it cannot open)
starts cockpit in a 160×45 pseudo-terminal (as ``bench/run.py`` does) through
this script's ``--child`` mode, which wraps a few steps of the board to note
``time.perf_counter()`` (CLOCK_MONOTONIC, shared with the parent): the key
handled by the search field, the search run after the debounce, the worker's
query, the result handed back to the UI thread, the board showing it, then
every screen update until the parent reads the narrowed header — split into
the layout, the repaint (the compositor asking widgets for their lines) and
the write (segments → escape codes → the terminal). The parent types "civic",
waits for the narrowed frame, empties the field, and so on; at the end it asks
the child for its marks (SIGUSR1) and prints the median and p95 of each phase.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

#: (name, start, end) of every wrapped step, in the child.
EVENTS: list[tuple[str, float, float]] = []


def _timed(owner: Any, name: str, label: str) -> None:
    """Wrap ``owner.name`` so each call notes (label, start, end)."""
    original = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            EVENTS.append((label, started, time.perf_counter()))

    setattr(owner, name, wrapper)


def install(out: str) -> None:
    """Wrap the steps a search goes through (child side)."""
    from textual import _compositor, app, screen

    from cockpit_tui.services import board
    from cockpit_tui.services.leads import LeadService
    from cockpit_tui.ui.board import filtering, search_bar

    _timed(search_bar.SearchBar, "on_input_changed", "key")
    _timed(filtering.BoardFilters, "apply", "apply")
    _timed(filtering.BoardFilters, "show", "show")
    _timed(board.BoardService, "first_pages", "query")
    _timed(board.BoardService, "counts", "counts")
    _timed(board.BoardService, "position_of", "position")
    _timed(board.BoardService, "load_calendar", "warm-up: calendar")
    _timed(LeadService, "warm_up", "warm-up: write path")
    _timed(screen.Screen, "_on_timer_update", "update")
    _timed(screen.Screen, "_refresh_layout", "layout")
    _timed(_compositor.Compositor, "render_update", "repaint")
    _timed(app.App, "_display", "write")

    def dump(*_: object) -> None:
        with open(out, "w") as handle:
            json.dump(EVENTS, handle)

    signal.signal(signal.SIGUSR1, dump)


def phases(events: list[list[Any]], sent: float, done: float) -> dict[str, float]:
    """One search's phases (ms) from the child's events between ``sent`` and ``done``."""
    inside = [(name, start, end) for name, start, end in events if sent <= start <= done]
    keys = [end for name, _, end in inside if name == "key"]
    applies = [(start, end) for name, start, end in inside if name == "apply"]
    queries = [(start, end) for name, start, end in inside if name == "query"]
    shows = [(start, end) for name, start, end in inside if name == "show"]
    if not (keys and applies and queries and shows):
        return {}
    apply_start, apply_end = applies[-1]
    query_start, query_end = queries[-1]
    show_start, show_end = shows[-1]

    def total(label: str, after: float) -> float:
        return sum(end - start for name, start, end in inside if name == label and start >= after)

    updates = total("update", show_end)
    repaint, write = total("repaint", show_end), total("write", show_end)
    # A layout ends in a repaint and a write of its own: count those once, as theirs.
    layout = sum(
        (end - start)
        - sum(
            inner_end - inner_start
            for inner, inner_start, inner_end in inside
            if inner in ("repaint", "write") and start <= inner_start <= end
        )
        for name, start, end in inside
        if name == "layout" and start >= show_end
    )
    last_write = max((end for name, _, end in inside if name == "write"), default=show_end)
    return {
        "typing (5 keys, their echo)": (max(keys) - sent) * 1000,
        "debounce": (apply_start - max(keys)) * 1000,
        "apply (UI thread)": (apply_end - apply_start) * 1000,
        "to the worker": (query_start - apply_end) * 1000,
        "query (counts + first pages)": (query_end - query_start) * 1000,
        "hand-off back": (show_start - query_end) * 1000,
        "show (UI thread)": (show_end - show_start) * 1000,
        "layout": layout * 1000,
        "repaint (lines rendered)": repaint * 1000,
        "write (escape codes → pty)": write * 1000,
        "other screen-update work": (updates - layout - repaint - write) * 1000,
        "terminal read": (done - last_write) * 1000,
        "total": (done - sent) * 1000,
    }


def measure(
    db: Path, searches: int, tree: str = "-", headers: tuple[str, str] | None = None
) -> list[dict[str, float]]:
    """Type "civic" ``searches`` times on the board of ``db``; each search's phases.

    Args:
        db: The store.
        searches: How many times.
        tree: A folder holding another ``cockpit_tui`` to run instead of this one.
        headers: The headers to wait for (narrowed, every lead); read from ``db``
            by this tree when not given.
    """
    from bench.ab import search_headers
    from bench.run import Terminal

    narrowed, everything = headers or search_headers(db)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "events.json"
        argv = [sys.executable, __file__, "--child", str(out), tree, "--"]
        argv += ["--db", f"sqlite:///{db}", "--user", "bench"]
        terminal = Terminal(db, argv=argv)
        spans = []
        try:
            terminal.wait_for(lambda text: "Não vendidos · " in text, 60)
            time.sleep(1.0)  # the warm-up after the first frame
            terminal.send(b"/")
            time.sleep(0.3)
            for _ in range(searches):
                sent = terminal.send(b"civic")
                done = terminal.wait_for(lambda text: narrowed in text, 30)
                spans.append((sent, done))
                terminal.send(b"\x15")  # ctrl+u: every lead again
                terminal.wait_for(lambda text: everything in text, 30)
                time.sleep(0.2)
            os.kill(terminal.process.pid, signal.SIGUSR1)
            deadline = time.perf_counter() + 10
            while not out.exists() and time.perf_counter() < deadline:
                time.sleep(0.05)
            time.sleep(0.2)
            events = json.loads(out.read_text())
        finally:
            terminal.close()
    if spans:
        first = spans[0][0]
        for name, start, end in events:
            if name.startswith("warm-up"):
                print(
                    f"  {name}: {(start - first) * 1000:+.0f} → {(end - first) * 1000:+.0f} ms"
                    " from the first search's keys",
                    file=sys.stderr,
                )
    return [found for sent, done in spans if (found := phases(events, sent, done))]


def percentile(values: list[float], fraction: float) -> float:
    """Nearest rank."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(fraction * len(ordered)) - 1))]


def main() -> int:
    """Print each phase's median / p95 per size (parent side)."""
    parser = argparse.ArgumentParser(description="a search keystroke's phases")
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--searches", type=int, default=12)
    parser.add_argument(
        "--base", help="also run this git revision, alternately (starts of --searches each)"
    )
    parser.add_argument("--rounds", type=int, default=1, help="starts per tree and size")
    parser.add_argument("--each", action="store_true", help="also print every search's phases")
    parser.add_argument(
        "--base-stores",
        type=Path,
        help="the folder of --base's stores (s1000.sqlite…), copies at its schema version, "
        "when this tree migrates bench/stores/ to a version --base cannot open",
    )
    args = parser.parse_args()
    from bench.ab import search_headers
    from bench.run import cache_bytecode, store_for

    cache_bytecode()
    sizes = [int(size) for size in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        trees = {"this tree": "-"}
        if args.base:
            from bench.ab import extract

            trees = {args.base: str(extract(args.base, Path(folder))), **trees}
        results: dict[tuple[str, int], tuple[float, list[dict[str, float]]]] = {}
        for size in sizes:
            for _ in range(args.rounds):
                for name, tree in trees.items():
                    load, runs = results.get((name, size), (os.getloadavg()[0], []))
                    db, headers = store_for(size), None
                    if args.base_stores and name == args.base:
                        # The same leads: the headers are read from this tree's store.
                        db, headers = args.base_stores / db.name, search_headers(db)
                    runs += measure(db, args.searches, tree, headers)
                    results[name, size] = (load, runs)
    names = list(next(iter(results.values()))[1][0])
    if args.each:
        for (tree, size), (_, runs) in results.items():
            print(f"{tree}, {size:,} leads, search by search (ms):")
            for index, run in enumerate(runs, start=1):
                parts = " ".join(
                    f"{name.split(' (')[0]}={value:.0f}" for name, value in run.items()
                )
                print(f"  {index:2d}: {parts}")
    header = " | ".join(
        f"{tree}, {size:,} leads (load {load:.1f})" for (tree, size), (load, _) in results.items()
    )
    print(f"| phase, median / p95 (ms) | {header} |")
    print("|---" * (len(results) + 1) + "|")
    for name in names:
        cells = []
        for _, runs in results.values():
            values = [run[name] for run in runs]
            cells.append(f"{statistics.median(values):.0f} / {percentile(values, 0.95):.0f}")
        print(f"| {name} | {' | '.join(cells)} |")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[1] == "--child":
        if sys.argv[3] != "-":
            sys.path.insert(0, sys.argv[3])  # another revision's cockpit_tui
        install(sys.argv[2])
        from cockpit_tui.cli.main import main as cockpit

        sys.argv = ["cockpit", *sys.argv[5:]]
        raise SystemExit(cockpit(sys.argv[1:]))
    raise SystemExit(main())
