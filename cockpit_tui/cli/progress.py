"""Progress bars for long work: Rich on a terminal, silence when piped."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any, TextIO

ProgressCallback = Callable[[int, int], None]


@contextmanager
def progress_bar(description: str, *, stream: TextIO | None = None) -> Iterator[ProgressCallback]:
    """Yield a ``(done, total)`` callback that drives a progress bar.

    The bar is drawn on stderr only when stderr is a terminal; otherwise the
    callback does nothing, so scripts and pipes get clean output. It appears
    on the first call of the callback, so work that turns out to have
    nothing to do (opening a store already up to date) shows nothing and
    does not pay for Rich's progress machinery.
    """
    out = stream or sys.stderr
    if not out.isatty():
        yield lambda _done, _total: None
        return
    with ExitStack() as stack:
        state: dict[str, Any] = {}

        def update(done: int, total: int) -> None:
            if "progress" not in state:
                from rich.console import Console
                from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

                progress = Progress(
                    TextColumn("{task.description}"),
                    BarColumn(),
                    TaskProgressColumn(),
                    console=Console(file=out),
                    transient=True,
                )
                stack.enter_context(progress)
                state["progress"] = progress
                state["task"] = progress.add_task(description, total=None)
            state["progress"].update(state["task"], completed=done, total=total)

        yield update
