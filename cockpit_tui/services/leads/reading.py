"""Reading one lead: its card, conversation, moves and everything the lead screen shows."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from cockpit_tui.domain.models import LeadCard, LeadDetail, Message, StatusChange
from cockpit_tui.services.leads.base import LeadServiceBase
from cockpit_tui.services.rows import message_from_row, status_change_from_row

if TYPE_CHECKING:
    from cockpit_tui.store.lead_read import LeadRead


class LeadReads(LeadServiceBase):
    """The read side of :class:`~cockpit_tui.services.leads.LeadService`."""

    def get(self, lead_id: int) -> LeadCard:
        """A lead's card as stored now.

        Raises:
            LeadNotFoundError: no lead has that id.
        """
        return self._card(lead_id)

    def conversation(self, lead_id: int) -> list[Message]:
        """A lead's messages, oldest first."""
        with self._read(lead_id) as read:
            return [message_from_row(row) for row in read.messages()]

    def moves(self, lead_id: int) -> list[StatusChange]:
        """A lead's recorded moves, oldest first."""
        with self._read(lead_id) as read:
            return [status_change_from_row(row) for row in read.moves()]

    def detail(self, lead_id: int) -> LeadDetail:
        """Everything the lead screen shows: card, conversation, history, negotiations.

        Raises:
            LeadNotFoundError: no lead has that id.
        """
        from cockpit_tui.services.lead_detail import read_lead_detail

        card = self._card(lead_id)
        with self._read(lead_id) as read:
            return read_lead_detail(read, card)

    @contextmanager
    def _read(self, lead_id: int) -> Iterator[LeadRead]:
        """The lead's rows in a read transaction (imports the ORM on first use).

        Raises:
            LeadNotFoundError: no lead has that id.
        """
        from cockpit_tui.store.lead_read import lead_read

        with lead_read(self._store.engine, lead_id) as read:
            yield read
