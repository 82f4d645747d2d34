"""Progress bars for long work: Rich on a terminal, silence when piped."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

ProgressCallback = Callable[[int, int], None]


@contextmanager
def progress_bar(description: str, *, stream: TextIO | None = None) -> Iterator[ProgressCallback]:
    """Yield a ``(done, total)`` callback that drives a progress bar.

    The bar is drawn on stderr only when stderr is a terminal; otherwise the
    callback does nothing, so scripts and pipes get clean output.
    """
    out = stream or sys.stderr
    if not out.isatty():
        yield lambda _done, _total: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        console=Console(file=out),
        transient=True,
    ) as progress:
        task = progress.add_task(description, total=None)

        def update(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        yield update
