"""Helper processes an import forks: tied to the life of the process that forked them."""

from __future__ import annotations

import os
import signal


def helper_started(parent_pid: int) -> None:
    """First thing in a forked helper process: leave Ctrl-C to its parent, end with it.

    A terminal's Ctrl-C reaches the whole process group; the importing
    process stops at a point where the store is whole and ends its helpers
    itself (a helper interrupted mid-work would only print a traceback).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent_pid)


def die_with_parent(parent_pid: int) -> None:
    """Make a forked helper process end when the import that started it ends, however it ends.

    Forked workers hold copies of their pipes, so they would never see their
    parent go: killed with SIGKILL they would wait forever, holding memory
    and the store open. On Linux the kernel sends them SIGKILL when the parent
    dies (``PR_SET_PDEATHSIG``); elsewhere a thread watches the parent's pid.
    """
    import ctypes
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
