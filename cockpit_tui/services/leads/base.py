"""What every part of :class:`~cockpit_tui.services.leads.LeadService` shares."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cockpit_tui.domain.errors import LeadNotFoundError
from cockpit_tui.domain.models import LeadCard
from cockpit_tui.domain.sanitize import clean_text
from cockpit_tui.services.card_rows import card_from_row
from cockpit_tui.services.clock import Clock
from cockpit_tui.services.store_service import StoreService
from cockpit_tui.store.handle import Store

if TYPE_CHECKING:
    pass


class LeadServiceBase(StoreService):
    """The store, the salesperson and the clock, and the unit of work every write opens.

    Args:
        store: The open store.
        actor: The salesperson's name, recorded on every change.
        clock: Time source.
    """

    def __init__(self, store: Store, *, actor: str, clock: Clock) -> None:
        super().__init__(store, actor=clean_text(actor, max_length=100) or "?", clock=clock)
        self.actor = self._actor

    def warm_up(self) -> None:
        """Load the write path (ORM, repository, engine) ahead of the first write."""
        from cockpit_tui.store import lead_write  # noqa: F401  (imported for its cost)

        self._store.engine  # noqa: B018  (created for its cost)

    def _card(self, lead_id: int) -> LeadCard:
        """A lead's card as stored now (read after the write commits)."""
        row = self._store.reader.card_row(lead_id)
        if row is None:
            raise LeadNotFoundError(lead_id=lead_id)
        return card_from_row(row)
