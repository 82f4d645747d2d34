"""Python's cyclic garbage collector paused around work that makes no cycles.

Start-up (``cli/main.py``) and an import (``services/intake.py``) make many
objects that reference counting frees or that live as long as the process;
the collector's passes over them find nothing and cost about a tenth of
either (issue 18). Code inside the block may turn it back on early
(``gc.enable()``) once its own work starts; leaving the block restores what
was there before it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off inside the block; on again after it if it was on before."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
