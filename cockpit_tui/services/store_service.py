"""What a service acting for one salesperson on one store holds."""

from __future__ import annotations

from cockpit_tui.services.clock import Clock
from cockpit_tui.store.handle import Store


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
