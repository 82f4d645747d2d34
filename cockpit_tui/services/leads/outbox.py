"""Replies waiting for a delivery connector, and the connector saying one was sent."""

from __future__ import annotations

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.models import Direction, OutboxItem
from cockpit_tui.services.leads.base import LeadServiceBase
from cockpit_tui.services.rows import outbox_item_from_rows


class OutboxActions(LeadServiceBase):
    """The outbox part of :class:`~cockpit_tui.services.leads.LeadService`."""

    def outbox(self) -> list[OutboxItem]:
        """Replies waiting for a delivery connector, oldest first."""
        from cockpit_tui.store import repository
        from cockpit_tui.store.engine import read_session

        with read_session(self._store.engine) as session:
            return [
                outbox_item_from_rows(message, customer)
                for message, customer in repository.outbox(session)
            ]

    def acknowledge_delivery(self, message_id: int) -> None:
        """A delivery connector sent an outbound reply: it leaves the outbox.

        Raises:
            InvalidInputError: no reply waiting in the outbox has that id.
        """
        from cockpit_tui.store import repository

        with self._write() as write:
            message = repository.get_message(write.session, message_id=message_id)
            if message is None or message.direction != Direction.OUTBOUND.value:
                raise InvalidInputError("outbox.unknown", reply_id=message_id)
            if message.delivered_at is not None:
                raise InvalidInputError("outbox.already", reply_id=message_id)
            repository.mark_delivered(message, at=write.now)
