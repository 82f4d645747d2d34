"""Time of the manager's 30-day report at a store size (DESIGN §9: ≤ 300 ms at 100,000 leads).

``python bench/report_cost.py --db FILE [--repeat 7] [--by-query]`` opens a store
made by ``bench/generate.py store`` (every lead arrived in the last 30 days
there, so the 30-day report covers all of them), reads the report once to warm
the caches, then times ``ReportService.report`` ``--repeat`` times and prints
the median and the worst, wall-clock and CPU, with the machine's load average;
``--by-query`` adds the mean CPU time of each ``store/report_sql`` query (on
whichever thread ran it); ``--readers N`` reads on N connections at once
instead of the service's default (1: one query after another).
"""

from __future__ import annotations

import argparse
import functools
import os
import statistics
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

_QUERIES = (
    "daily_counts",
    "group_counts",
    "ranked_response",
    "sales",
    "reached_before",
    "lost_reasons",
    "pipeline",
)


def _time_queries(spent: Counter[str]) -> None:
    """Add each report query's CPU time to ``spent`` as it runs."""
    from cockpit_tui.store import report_sql

    for name in _QUERIES:
        query: Callable[..., Any] = getattr(report_sql, name)

        @functools.wraps(query)
        def timed(
            *args: Any, _query: Callable[..., Any] = query, _name: str = name, **kw: Any
        ) -> Any:
            started = time.thread_time()  # the queries may run on several threads at once
            try:
                return _query(*args, **kw)
            finally:
                spent[_name] += time.thread_time() - started

        setattr(report_sql, name, timed)


def main(argv: list[str] | None = None) -> int:
    """Time the report and print the figures."""
    from cockpit_tui.domain.reports import PeriodName, named_period
    from cockpit_tui.services import open_services

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--period", default="30d")
    parser.add_argument("--by-query", action="store_true", help="CPU time of each query")
    parser.add_argument("--readers", type=int, help="connections read at once (default: ours)")
    args = parser.parse_args(argv)
    if args.readers:
        from cockpit_tui.services import reports as report_service

        report_service._READERS = args.readers
    spent: Counter[str] = Counter()
    if args.by_query:
        _time_queries(spent)
    services = open_services(f"sqlite:///{args.db}", actor="bench")
    try:
        reports = services.reports
        period = named_period(PeriodName(args.period), reports.today())
        report = reports.report(period)
        spent.clear()
        walls, cpus = [], []
        for _ in range(args.repeat):
            wall, cpu = time.perf_counter(), time.process_time()
            reports.report(period)
            walls.append((time.perf_counter() - wall) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
    finally:
        services.close()
    load = os.getloadavg()
    print(f"leads in the period: {report.arrived:,}")
    print(f"wall: median {statistics.median(walls):.0f} ms, worst {max(walls):.0f} ms")
    print(f"cpu:  median {statistics.median(cpus):.0f} ms, worst {max(cpus):.0f} ms")
    for name, seconds in spent.most_common():
        print(f"  {name}: {seconds / args.repeat * 1000:.0f} ms")
    print(f"load average: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
