"""One lead's rows read in one read transaction (the lead screen, the conversation)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlmodel import col, select

from cockpit_tui.domain.errors import LeadNotFoundError
from cockpit_tui.store import repository
from cockpit_tui.store.engine import read_session
from cockpit_tui.store.tables import (
    AppointmentRow,
    AssignmentRow,
    HandledRow,
    LeadEditRow,
    LeadRow,
    MessageRow,
    NoteRow,
    OutcomeRow,
    StatusChangeRow,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

    from cockpit_tui.store.delivery import DeliveryRow


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
        return self._session.scalars(
            select(MessageRow)
            .where(col(MessageRow.lead_id) == self._lead_id)
            .order_by(col(MessageRow.at), col(MessageRow.id))
        ).all()

    def moves(self) -> Sequence[StatusChangeRow]:
        """Recorded moves, oldest first."""
        return self._session.scalars(
            select(StatusChangeRow)
            .where(col(StatusChangeRow.lead_id) == self._lead_id)
            .order_by(col(StatusChangeRow.id))
        ).all()

    def appointments(self) -> Sequence[AppointmentRow]:
        """Appointments, soonest first."""
        return self._session.scalars(
            select(AppointmentRow)
            .where(col(AppointmentRow.lead_id) == self._lead_id)
            .order_by(col(AppointmentRow.at), col(AppointmentRow.id))
        ).all()

    def assignments(self) -> Sequence[AssignmentRow]:
        """Changes of salesperson, oldest first."""
        return self._session.scalars(
            select(AssignmentRow)
            .where(col(AssignmentRow.lead_id) == self._lead_id)
            .order_by(col(AssignmentRow.id))
        ).all()

    def handled(self) -> Sequence[HandledRow]:
        """Each "atendido", oldest first."""
        return self._session.scalars(
            select(HandledRow)
            .where(col(HandledRow.lead_id) == self._lead_id)
            .order_by(col(HandledRow.id))
        ).all()

    def notes(self) -> Sequence[NoteRow]:
        """Notes, oldest first."""
        return self._session.scalars(
            select(NoteRow).where(col(NoteRow.lead_id) == self._lead_id).order_by(col(NoteRow.id))
        ).all()

    def outcomes(self) -> Sequence[OutcomeRow]:
        """Recorded outcomes, oldest first."""
        return self._session.scalars(
            select(OutcomeRow)
            .where(col(OutcomeRow.lead_id) == self._lead_id)
            .order_by(col(OutcomeRow.id))
        ).all()

    def edits(self) -> Sequence[LeadEditRow]:
        """Corrections of the lead's fields, oldest first."""
        return self._session.scalars(
            select(LeadEditRow)
            .where(col(LeadEditRow.lead_id) == self._lead_id)
            .order_by(col(LeadEditRow.id))
        ).all()

    def deliveries(self) -> list[DeliveryRow]:
        """The WhatsApp delivery state of each of the lead's replies the server handled."""
        from cockpit_tui.store.delivery import deliveries_of_lead

        return deliveries_of_lead(self._session.connection(), lead_id=self._lead_id)

    def customer_leads(self) -> Sequence[LeadRow]:
        """Every negotiation with the lead's customer (this one included), newest first."""
        return self._session.scalars(
            select(LeadRow)
            .where(col(LeadRow.customer_id) == self.lead.customer_id)
            .order_by(col(LeadRow.created_at).desc(), col(LeadRow.id).desc())
        ).all()


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
