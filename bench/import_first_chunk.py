"""One whole ``cockpit import``: the importing thread's time until its first chunk (issue 18).

``.venv/bin/python bench/import_first_chunk.py [--rows 100000] [--tree PATH]``
writes the generated file (``bench/run.py:write_import_csv``) and an empty
store, then runs ``cockpit --db URL import FILE`` in a fresh interpreter
(through the command line's ``main``: modules, reading the file, forking the
workers and the import's set-up included) and prints that process's main
thread CPU and wall time at the first chunk's write, then at the end. The
CPU before the first chunk is the import's "front": everything the
importing thread does before it can write. ``--tree`` runs another
checkout's code (e.g. main); run it from outside both trees, interleaved.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

#: The measured process: ``python -c CHILD TREE STORE FILE``; prints its figures.
CHILD = """
import sys, time
tree, store, source = sys.argv[1:4]
sys.path.insert(0, tree)
from cockpit_tui.services import intake

first = []
write = intake.IntakeService._write_chunk

def watched(self, *args, **kwargs):
    if not first:
        first.extend((time.thread_time(), time.perf_counter()))
    return write(self, *args, **kwargs)

intake.IntakeService._write_chunk = watched
from cockpit_tui.cli.main import main
code = main(["--db", "sqlite:///" + store, "import", source])
print(code, *first, time.thread_time(), time.perf_counter())
"""


def main() -> int:
    """Import the generated file once with the command line and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--tree", type=Path, help="another checkout's root (default: this one)")
    args = parser.parse_args()
    here = Path(__file__).resolve().parent.parent
    tree = (args.tree or here).resolve()
    sys.path.insert(0, str(here))
    from bench.run import write_import_csv

    folder = Path(tempfile.mkdtemp())
    try:
        source, store = folder / "leads.csv", folder / "store.sqlite"
        write_import_csv(source, args.rows)
        # Created by the measured tree, in a process of its own (as in daily use).
        create = "import sys; sys.path.insert(0, sys.argv[1]); from bench.run import create_store; "
        create += "from pathlib import Path; create_store(Path(sys.argv[2]))"
        subprocess.run([sys.executable, "-c", create, str(tree), str(store)], check=True)
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(tree), str(store), str(source)],
            capture_output=True,
            text=True,
            check=True,
            cwd=folder,
        )
        elapsed = time.perf_counter() - started
    finally:
        shutil.rmtree(folder)
    figures: list[Any] = done.stdout.split()[-5:]
    code, cpu_first, wall_first, cpu_end, wall_end = (float(value) for value in figures)
    offset = started  # the child's perf_counter is this one's clock (CLOCK_MONOTONIC on Linux)
    print(
        f"{tree}: exit {int(code)}, load {os.getloadavg()[0]:.1f}; first chunk at: main thread "
        f"CPU {cpu_first:.3f} s, wall {wall_first - offset:.3f} s; end: main thread CPU "
        f"{cpu_end:.2f} s, wall {wall_end - offset:.2f} s (process {elapsed:.2f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
