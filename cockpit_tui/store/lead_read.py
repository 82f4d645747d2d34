"""One lead's rows read in one read transaction (the lead screen, the conversation)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from cockpit_tui.domain.errors import LeadNotFoundError
from cockpit_tui.store import repository
from cockpit_tui.store.engine import read_session

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

    from cockpit_tui.store.tables import (
        AppointmentRow,
        AssignmentRow,
        LeadRow,
        MessageRow,
        NoteRow,
        OutcomeRow,
        StatusChangeRow,
    )


class LeadRead:
    """A lead's row and the rows that hang off it, read on demand; see :func:`lead_read`.

    Attributes:
        lead: The lead's row (read only).
    """

    def __init__(self, session: Session, lead: LeadRow) -> None:
        self._session = session
        self.lead = lead
        assert lead.id is not None
        self._lead_id = lead.id

    def messages(self) -> Sequence[MessageRow]:
        """The conversation, oldest first."""
        return repository.messages_of_lead(self._session, lead_id=self._lead_id)

    def moves(self) -> Sequence[StatusChangeRow]:
        """Recorded moves, oldest first."""
        return repository.moves_of_lead(self._session, lead_id=self._lead_id)

    def appointments(self) -> Sequence[AppointmentRow]:
        """Appointments, soonest first."""
        return repository.appointments_of_lead(self._session, lead_id=self._lead_id)

    def assignments(self) -> Sequence[AssignmentRow]:
        """Changes of salesperson, oldest first."""
        return repository.assignments_of_lead(self._session, lead_id=self._lead_id)

    def notes(self) -> Sequence[NoteRow]:
        """Notes, oldest first."""
        return repository.notes_of_lead(self._session, lead_id=self._lead_id)

    def outcomes(self) -> Sequence[OutcomeRow]:
        """Recorded outcomes, oldest first."""
        return repository.outcomes_of_lead(self._session, lead_id=self._lead_id)

    def customer_leads(self) -> Sequence[LeadRow]:
        """Every negotiation with the lead's customer (this one included), newest first."""
        return repository.leads_of_customer(self._session, customer_id=self.lead.customer_id)


@contextmanager
def lead_read(engine: Engine, lead_id: int) -> Iterator[LeadRead]:
    """A read transaction (no write lock) with the lead loaded.

    Raises:
        LeadNotFoundError: no lead has that id.
    """
    with read_session(engine) as session:
        row = repository.get_lead(session, lead_id=lead_id)
        if row is None:
            raise LeadNotFoundError(lead_id=lead_id)
        yield LeadRead(session, row)
