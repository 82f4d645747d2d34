"""``cockpit`` with time marks: where exec → first frame goes (run by ``bench/interleaved.py``).

Runs the same ``cockpit_tui.cli.main`` as the ``cockpit`` script, with a few of
its steps wrapped to note ``time.perf_counter()`` (the system's monotonic
clock, so the parent process can subtract its own exec time). The marks are
written as JSON to ``$COCKPIT_PROBE_OUT`` once the board has been painted.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()  # the interpreter and site (the editable finder's .pth) are done

import json  # noqa: E402  (the mark above comes first)
import os  # noqa: E402
import sys  # noqa: E402
from typing import Any  # noqa: E402

marks: dict[str, float] = {"script": STARTED}
PROFILER = None
if os.environ.get("COCKPIT_PROBE_PROFILE"):
    import cProfile

    PROFILER = cProfile.Profile()
    PROFILER.enable()


def mark(name: str) -> None:
    """Note the moment ``name`` happened (the first time only)."""
    marks.setdefault(name, time.perf_counter())


def write_marks() -> None:
    """Hand the marks (and the profile, if ``$COCKPIT_PROBE_PROFILE`` is set) to the parent."""
    if PROFILER is not None:
        PROFILER.disable()
        PROFILER.dump_stats(os.environ["COCKPIT_PROBE_PROFILE"])
    with open(os.environ["COCKPIT_PROBE_OUT"], "w") as out:
        json.dump(marks, out)


def install() -> None:
    """Wrap the steps of the start-up that the breakdown names."""
    import gc

    gc.disable()  # as cli.main.main does before it imports the commands
    from cockpit_tui.cli import commands

    mark("cli imported")
    open_for = commands.open_for

    def timed_open_for(*args: Any, **kwargs: Any) -> Any:
        mark("store open start")
        services = open_for(*args, **kwargs)
        mark("store opened")
        return services

    # The UI is imported after the first read has started (as cli.commands.run_board does).
    from cockpit_tui.ui.board import first_read

    start_first_read = first_read.FirstRead.__init__

    def timed_first_read(self: Any, *args: Any, **kwargs: Any) -> None:
        start_first_read(self, *args, **kwargs)
        from cockpit_tui.ui import app as app_module
        from cockpit_tui.ui.board import screen as screen_module

        mark("ui imported")
        run = app_module.CockpitApp.run

        def timed_run(self: Any, *args: Any, **kwargs: Any) -> Any:
            mark("app run")
            return run(self, *args, **kwargs)

        app_module.CockpitApp.run = timed_run  # type: ignore[method-assign]
        board = screen_module.BoardScreen
        compose, read_first, on_mount = board.compose, board._read_first_figures, board.on_mount

        def timed_compose(self: Any) -> Any:
            mark("board compose")
            return compose(self)

        def timed_read_first(self: Any) -> None:
            mark("first queries start")
            read_first(self)
            mark("first queries done")

        def timed_on_mount(self: Any) -> None:
            mark("board mounted")
            on_mount(self)

            def painted() -> None:
                mark("first refresh")
                write_marks()

            self.call_after_refresh(painted)

        board.compose = timed_compose  # type: ignore[method-assign]
        board._read_first_figures = timed_read_first  # type: ignore[method-assign]
        board.on_mount = timed_on_mount  # type: ignore[method-assign]

    commands.open_for = timed_open_for
    first_read.FirstRead.__init__ = timed_first_read  # type: ignore[method-assign]


if __name__ == "__main__":
    install()
    from cockpit_tui.cli.main import main

    sys.argv[0] = "cockpit"
    raise SystemExit(main(sys.argv[1:]))
