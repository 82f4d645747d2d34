"""Store work off the event loop, one call at a time.

The services are synchronous (SQLAlchemy) and the store's reader holds one
DB-API connection, so every store call of the server runs on one dedicated
thread: the loop keeps answering while a commit waits on the disk, and no
two calls share a connection at once.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


class StoreCalls:
    """Runs blocking store calls on the server's store thread."""

    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cockpit-store")

    async def __call__(self, function: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        """Run ``function(*args, **kwargs)`` on the store thread and wait for it."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self._executor, functools.partial(function, *args, **kwargs)
        )

    def close(self) -> None:
        """Wait for the call under way, then stop the thread."""
        self._executor.shutdown(wait=True)
