"""Issue 15's figures: the response clock and the ``space`` pick at 100,000 leads.

Usage: ``python bench/clock_bench.py [--size 100000]`` (the store is cached
under ``bench/stores`` like ``bench/run.py``'s). Prints milliseconds: the
``space`` order (the board service's ``urgent_leads``), the "▶ próximo"
mark's read (its top), one alerts check, the header's breached count, the
waits of the 50 cards on screen in business time, and recomputing every
waiting lead's deadlines after a settings change.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    """Milliseconds of each of ``repeat`` calls."""
    spent = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        spent.append((time.perf_counter() - started) * 1000)
    return spent


def main() -> int:
    """Measure and print the figures."""
    from bench.run import store_for
    from cockpit_tui.domain.alerts import AlertMode
    from cockpit_tui.services import open_services
    from cockpit_tui.services.alerts import AlertCursor

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=100_000)
    args = parser.parse_args()
    db = store_for(args.size)
    print(f"load average at the start: {os.getloadavg()[0]:.1f}")
    services = open_services(f"sqlite:///{db}", actor="bench")
    try:
        board = services.board
        now = services.clock.now()
        alerts = services.alerts
        # An hour back: the SLA check looks at every lead that got due-soon in that hour.
        cursor = AlertCursor(board.last_change_id(), now - timedelta(hours=1))
        board.load_calendar(now)
        urgent = board.urgent_leads(now)
        waiting = [card for card in urgent if card.waiting_since is not None][:50]
        figures = {
            "space order (urgent_leads), median of 20": statistics.median(
                timed(lambda: board.urgent_leads(now), 20)
            ),
            "space order, p95 of 20": sorted(timed(lambda: board.urgent_leads(now), 20))[18],
            "next-lead mark (urgent_leads limit=1), median of 20": statistics.median(
                timed(lambda: board.urgent_leads(now, limit=1), 20)
            ),
            "alerts check (change log + SLAs about to pass), median of 20": statistics.median(
                timed(lambda: alerts.read(cursor, mode=AlertMode.ON), 20)
            ),
            "breached count (header), median of 20": statistics.median(
                timed(lambda: board.breached_count(now), 20)
            ),
            "waits of 50 cards in business time, median of 20": statistics.median(
                timed(
                    lambda: [
                        board.minutes_waited(card.waiting_since, now)
                        for card in waiting
                        if card.waiting_since
                    ],
                    20,
                )
            ),
        }
        started = time.perf_counter()
        services.settings.set_value("sla_minutes", "6")
        figures["settings change: recompute every waiting lead"] = (
            time.perf_counter() - started
        ) * 1000
        services.settings.set_value("sla_minutes", None)
        print(f"leads: {args.size}; in the space order: {len(urgent)}")
        print(f"breached now: {board.breached_count(now)}")
        for name, value in figures.items():
            print(f"{name}: {value:.2f} ms")
    finally:
        services.close()
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
