"""Reading one lead: its card, conversation, moves and everything the lead screen shows."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from cockpit_tui.domain.errors import LeadNotFoundError
from cockpit_tui.domain.models import LeadCard, LeadDetail, Message, StatusChange
from cockpit_tui.services.leads.base import LeadServiceBase
from cockpit_tui.services.rows import message_from_row, status_change_from_row

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from cockpit_tui.store.tables import LeadRow


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
        from cockpit_tui.store import repository

        with self._read(lead_id) as (session, _lead):
            return [
                message_from_row(row)
                for row in repository.messages_of_lead(session, lead_id=lead_id)
            ]

    def moves(self, lead_id: int) -> list[StatusChange]:
        """A lead's recorded moves, oldest first."""
        from cockpit_tui.store import repository

        with self._read(lead_id) as (session, _lead):
            return [
                status_change_from_row(row)
                for row in repository.moves_of_lead(session, lead_id=lead_id)
            ]

    def detail(self, lead_id: int) -> LeadDetail:
        """Everything the lead screen shows: card, conversation, history, negotiations.

        Raises:
            LeadNotFoundError: no lead has that id.
        """
        from cockpit_tui.services.lead_detail import read_lead_detail

        card = self._card(lead_id)
        with self._read(lead_id) as (session, lead):
            return read_lead_detail(session, lead, card)

    @contextmanager
    def _read(self, lead_id: int) -> Iterator[tuple[Session, LeadRow]]:
        """A read session with the lead's row loaded.

        Raises:
            LeadNotFoundError: no lead has that id.
        """
        from cockpit_tui.store import repository
        from cockpit_tui.store.engine import read_session

        with read_session(self._store.engine) as session:
            row = repository.get_lead(session, lead_id=lead_id)
            if row is None:
                raise LeadNotFoundError(lead_id=lead_id)
            yield session, row
