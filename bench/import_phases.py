"""Where one ``cockpit import`` spends its time, in one process (issue 18).

``.venv/bin/python bench/import_phases.py [--rows 20000] [--tree PATH] [--db URL]``
imports N generated rows (the file of ``bench/interleaved.py``) into a new
store through the services, as ``cockpit import`` does, and prints each
phase's wall-clock and CPU time (of the importing thread; the validation
workers' CPU is the "children" figure): reading the file, waiting for the
workers, each SQL statement kind, the commits, the rest of the chunk writes
(Python), the final sync. ``--tree`` runs another checkout's code (e.g. a
``git archive`` of main) to compare; phases it does not have are left out.
No profiler: the figures are the real costs, not cProfile's inflated ones.
"""

from __future__ import annotations

import argparse
import collections
import importlib
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

WALL: dict[str, float] = collections.defaultdict(float)
CPU: dict[str, float] = collections.defaultdict(float)
CALLS: collections.Counter[str] = collections.Counter()
#: Whether a chunk is being written now, and the key of its statements' total (not printed).
IN_CHUNK = [False]
_CHUNK_SQL = "_sql inside chunk writes"


def timed(owner: Any, name: str, label: str | None = None) -> None:
    """Replace ``owner.name`` by a wrapper adding its time to ``label`` (skipped if absent)."""
    original = getattr(owner, name, None)
    if original is None:
        return
    key = label or name

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.perf_counter(), time.thread_time()
        try:
            return original(*args, **kwargs)
        finally:
            WALL[key] += time.perf_counter() - wall
            CPU[key] += time.thread_time() - cpu
            CALLS[key] += 1

    setattr(owner, name, wrapper)


def watch_sql() -> None:
    """Time every statement by its first words, and every commit."""
    from sqlalchemy import event
    from sqlalchemy.engine import Connection, Engine

    @event.listens_for(Engine, "before_cursor_execute")
    def before(conn: Any, *_: Any) -> None:
        conn.info["started"] = (time.perf_counter(), time.thread_time())

    @event.listens_for(Engine, "after_cursor_execute")
    def after(conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        wall, cpu = conn.info.pop("started")
        key = "sql: " + " ".join(statement.split()[:3])[:40]
        wall, cpu = time.perf_counter() - wall, time.thread_time() - cpu
        WALL[key] += wall
        CPU[key] += cpu
        CALLS[key] += 1
        if IN_CHUNK[0]:
            WALL[_CHUNK_SQL] += wall
            CPU[_CHUNK_SQL] += cpu

    timed(Connection, "_commit_impl", "commit")


def mark_chunks(owner: Any, name: str) -> None:
    """Set :data:`IN_CHUNK` while ``owner.name`` (the chunk writes) runs."""
    original = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        IN_CHUNK[0] = True
        try:
            return original(*args, **kwargs)
        finally:
            IN_CHUNK[0] = False

    setattr(owner, name, wrapper)


def time_bulk_inserts(store_intake: Any) -> None:
    """Time ``bulk_rows.insert_rows`` by table and ``match_rows`` by statement.

    On PostgreSQL both run on psycopg's cursor, which SQLAlchemy's events do not see
    (a tree whose lookups those events see has them timed there, not twice).
    """
    try:
        import cockpit_tui.store.bulk_rows as bulk_rows
    except ImportError:  # a tree from before issue 18's round 4
        return
    original = bulk_rows.insert_rows

    def wrapper(connection: Any, table: str, *args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.perf_counter(), time.thread_time()
        try:
            return original(connection, table, *args, **kwargs)
        finally:
            key = f"insert_rows: {table}"
            wall, cpu = time.perf_counter() - wall, time.thread_time() - cpu
            WALL[key] += wall
            CPU[key] += cpu
            CALLS[key] += 1
            if connection.dialect.name == "postgresql":  # COPY: no cursor statement
                WALL[_CHUNK_SQL] += wall
                CPU[_CHUNK_SQL] += cpu

    bulk_rows.insert_rows = wrapper
    if getattr(store_intake, "insert_rows", None) is original:
        store_intake.insert_rows = wrapper
    matching = getattr(bulk_rows, "match_rows", None)
    if matching is None:
        return

    def lookups(connection: Any, sql: str, **lists: Any) -> Any:
        statements = sum(CALLS.values())
        wall, cpu = time.perf_counter(), time.thread_time()
        try:
            return matching(connection, sql, **lists)
        finally:
            wall, cpu = time.perf_counter() - wall, time.thread_time() - cpu
            if sum(CALLS.values()) == statements:  # not seen by SQLAlchemy's events: add it
                key = "sql: " + " ".join(sql.split()[:3])[:40]
                WALL[key] += wall
                CPU[key] += cpu
                CALLS[key] += 1
                WALL[_CHUNK_SQL] += wall
                CPU[_CHUNK_SQL] += cpu

    bulk_rows.match_rows = lookups
    if getattr(store_intake, "match_rows", None) is matching:
        store_intake.match_rows = lookups


def server_cpu(engine: Any) -> float:
    """CPU seconds used so far by a PostgreSQL server on this machine (NaN if not readable).

    The postmaster's own, its live processes' (the backends, the WAL writer…)
    and those of the ones it reaped: read from ``/proc`` (Linux), by the pid
    in the data directory's ``postmaster.pid``.
    """
    if engine.dialect.name != "postgresql":
        return float("nan")
    try:
        with engine.connect() as connection:
            folder = connection.exec_driver_sql("SHOW data_directory").scalar_one()
        postmaster = int(Path(folder, "postmaster.pid").read_text().split()[0])
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # gone meanwhile
            # After the name: state, ppid, …; utime, stime, cutime, cstime are fields 14-17.
            if int(entry.name) == postmaster:
                total += sum(int(value) for value in fields[11:15])
            elif int(fields[1]) == postmaster:
                total += int(fields[11]) + int(fields[12])
        return total / ticks
    except Exception:  # a remote server, no permission: the figure is left out
        return float("nan")


def main() -> int:
    """Import the generated file once and print the phases."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--tree", type=Path, help="another checkout's root (default: this one)")
    parser.add_argument("--db", help="store URL (default: a new SQLite file)")
    args = parser.parse_args()
    if args.tree:
        sys.path.insert(0, str(args.tree))
    started = time.perf_counter()
    import cockpit_tui.services.intake as intake
    from cockpit_tui.services import open_services

    # After the package: bench.run puts this checkout first on sys.path.
    sys.path.insert(1, str(Path(__file__).resolve().parent.parent))
    from bench.run import write_import_csv

    watch_sql()
    timed(intake, "read_source", "read and decode the file")
    timed(intake, "validate_all", "validate every row (before any write)")
    timed(intake, "record_consent", "consent")
    import concurrent.futures

    timed(concurrent.futures.Future, "result", "wait for the workers")
    import cockpit_tui.store.intake as store_intake

    # The import writes through apply_values since round 5 (apply_records before).
    writes = "apply_values" if hasattr(store_intake, "apply_values") else "apply_records"
    timed(store_intake, writes, "chunk writes (all)")
    mark_chunks(store_intake, writes)
    time_bulk_inserts(store_intake)
    try:
        import cockpit_tui.store.import_transactions as transactions
    except ImportError:  # a tree from before issue 18's round 4
        transactions = None
    timed(transactions, "make_durable", "final sync")
    for deferral in ("import_deferral", "import_deferral_pg"):
        try:
            module = importlib.import_module(f"cockpit_tui.store.{deferral}")
        except ImportError:  # a tree without it
            continue
        timed(module, "restore_deferred", "indexes built after the rows")
    timed(transactions, "warm_up", "business calendar loaded")
    imported_at = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "leads.csv"
        write_import_csv(source, args.rows)
        url = args.db or f"sqlite:///{Path(folder) / 'store.sqlite'}"
        services = open_services(url, actor="bench")
        try:
            server = server_cpu(services.store.engine)
            began = time.perf_counter()
            summary = services.intake.import_file(source)
            elapsed = time.perf_counter() - began
            server = server_cpu(services.store.engine) - server
        finally:
            services.close()
    mine = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        f"{args.rows:,} rows: imported {summary.imported:,}, load {os.getloadavg()[0]:.1f}; "
        f"modules {imported_at:.2f} s; import_file {elapsed:.2f} s wall; "
        f"CPU: this process {mine.ru_utime + mine.ru_stime:.2f} s, "
        f"workers {workers.ru_utime + workers.ru_stime:.2f} s"
        + (f", PostgreSQL server {server:.2f} s" if server == server else "")
    )
    sql_wall, sql_cpu = WALL[_CHUNK_SQL], CPU[_CHUNK_SQL]
    rows: list[tuple[str, float, float, int]] = [
        (key, WALL[key], CPU[key], CALLS[key])
        for key in WALL
        if WALL[key] >= 0.005 and not key.startswith("_")
    ]
    if "chunk writes (all)" in WALL:
        rows.append(
            (
                "chunk writes: Python (all minus SQL, COPY and consent)",
                WALL["chunk writes (all)"] - sql_wall - WALL["consent"],
                CPU["chunk writes (all)"] - sql_cpu - CPU["consent"],
                CALLS["chunk writes (all)"],
            )
        )
    show: Callable[[float], str] = lambda seconds: f"{seconds * 1000:8.0f} ms"  # noqa: E731
    print("| phase | wall | CPU (importing thread) | calls | µs/row (wall) |")
    print("|---|---|---|---|---|")
    for key, wall, cpu, calls in sorted(rows, key=lambda row: -row[1]):
        print(f"| {key} | {show(wall)} | {show(cpu)} | {calls} | {wall / args.rows * 1e6:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
