"""What a service acting for one salesperson on one store holds."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from cockpit_tui.services.clock import Clock
from cockpit_tui.store.handle import Store

if TYPE_CHECKING:
    from cockpit_tui.store.lead_write import LeadWrite


class StoreService:
    """The open store, who acts and the time source; nothing else, nothing that changes.

    Holding no mutable state, a service may be called from one worker
    thread at a time alongside the UI thread.

    Args:
        store: The open store.
        actor: Who makes the changes (recorded in the change log).
        clock: Time source.
    """

    def __init__(self, store: Store, *, actor: str, clock: Clock) -> None:
        self._store = store
        self._actor = actor
        self._clock = clock

    @contextmanager
    def _write(self) -> Iterator[LeadWrite]:
        """One write transaction on leads (the store's unit of work), committed when it ends.

        The ORM is imported here, on the first write, so opening the board does not pay for it.
        """
        from cockpit_tui.store.lead_write import lead_write

        with lead_write(
            self._store.engine,
            actor=self._actor,
            now=self._clock.now(),
            joins_team=self._store.joins_team,
        ) as write:
            yield write
