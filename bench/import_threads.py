"""One ``cockpit import`` into a new store: the writer thread's share, for a loaded machine.

``.venv/bin/python bench/import_threads.py [--rows 100000] [--tree PATH]``
imports N generated rows (``bench/run.py:write_import_csv``) through the
services, as ``cockpit import`` does, and prints: the wall time; the wall
time minus the time the importing thread waited for a CPU (Linux's
``/proc/self/task/<id>/schedstat``: what the wall would be if no other
program wanted the cores); the importing thread's CPU, the other threads'
(the checkpointer; before w-side2 also the search index's side thread) and
the child processes' (the validation workers, the side search's process).
On a machine other people load, the second and third figures compare two
trees where the wall cannot. ``--tree`` runs another checkout's
code (e.g. a ``git archive`` of main); run it from outside both trees.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path


def main() -> int:
    """Import the generated file once and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--tree", type=Path, help="another checkout's root (default: this one)")
    args = parser.parse_args()
    here = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(args.tree or here))
    import cockpit_tui
    from cockpit_tui.services import open_services

    sys.path.insert(1, str(here))
    from bench.run import write_import_csv

    others = [0.0]
    original_run = threading.Thread.run

    def run(thread: threading.Thread) -> None:
        try:
            original_run(thread)
        finally:
            others[0] += time.thread_time()

    threading.Thread.run = run  # type: ignore[method-assign]
    schedstat = Path(f"/proc/self/task/{threading.get_native_id()}/schedstat")

    def waited() -> float:
        return int(schedstat.read_text().split()[1]) / 1e9 if schedstat.exists() else 0.0

    folder = Path(tempfile.mkdtemp())
    try:
        source = folder / "leads.csv"
        write_import_csv(source, args.rows)
        services = open_services(f"sqlite:///{folder / 'store.sqlite'}", actor="bench")
        try:
            queued, wall, cpu = waited(), time.perf_counter(), time.thread_time()
            summary = services.intake.import_file(source)
            wall, cpu = time.perf_counter() - wall, time.thread_time() - cpu
            queued = waited() - queued
        finally:
            services.close()
    finally:
        shutil.rmtree(folder)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        f"{Path(cockpit_tui.__file__).parent.parent}: {summary.imported:,} rows, "
        f"load {os.getloadavg()[0]:.1f}; wall {wall:.2f} s, minus waiting for a CPU "
        f"{wall - queued:.2f} s; CPU: importing thread {cpu:.2f} s, other threads "
        f"{others[0]:.2f} s, workers {workers.ru_utime + workers.ru_stime:.2f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
