"""Validating an import's rows, on every core for big files.

Checking each row (its phone above all) is most of an import's time, so from
:data:`PARALLEL_ROWS` rows on the rows are split between forked worker
processes while the importing process loads the write path.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import tzinfo

from cockpit_tui.domain.intake import LeadRecord, Rejection, validate
from cockpit_tui.services.source_files import SourceRow

#: Rows from which validation is shared between processes.
PARALLEL_ROWS = 4000


def validate_all(rows: list[SourceRow], zone: tzinfo | None) -> list[LeadRecord | Rejection]:
    """Validate every row, on every core for big files.

    Checking a phone with phonenumbers is most of an import's time. For a big
    file the rows are split between worker processes (forked, so they start
    with phonenumbers loaded), while this process loads the write path
    (SQLAlchemy, another ~0.4 s) in the meantime. Any failure to use
    processes falls back to validating here.
    """
    cores = os.cpu_count() or 1
    if len(rows) < PARALLEL_ROWS or cores < 2 or "fork" not in mp.get_all_start_methods():
        return [validate(row.fields, zone=zone) for row in rows]
    import phonenumbers  # noqa: F401  (loaded before the fork, so workers share it)

    fields = [row.fields for row in rows]
    size = -(-len(fields) // cores)
    parts = [fields[start : start + size] for start in range(0, len(fields), size)]
    try:
        with ProcessPoolExecutor(
            max_workers=cores,
            mp_context=mp.get_context("fork"),
            initializer=die_with_parent,
            initargs=(os.getpid(),),
        ) as pool:
            pending = [pool.submit(_validate_part, part, zone) for part in parts]
            from cockpit_tui.store import engine  # noqa: F401  (loads while workers validate)

            return [checked for future in pending for checked in future.result()]
    except (OSError, BrokenProcessPool):
        return [validate(row.fields, zone=zone) for row in rows]


def die_with_parent(parent_pid: int) -> None:
    """Make a validation worker end when the import that started it ends, however it ends.

    Forked workers hold copies of their pipes, so they would never see their
    parent go: killed with SIGKILL they would wait forever, holding memory
    and the store open. On Linux the kernel sends them SIGKILL when the parent
    dies (``PR_SET_PDEATHSIG``); elsewhere a thread watches the parent's pid.
    """
    import ctypes
    import signal
    import sys
    import threading

    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            pr_set_pdeathsig = 1
            if libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent_pid:  # the parent died before the call above
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        import time

        while os.getppid() == parent_pid:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _validate_part(part: list[dict[str, str]], zone: tzinfo | None) -> list[LeadRecord | Rejection]:
    return [validate(fields, zone=zone) for fields in part]
