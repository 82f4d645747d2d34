"""The conversation with a lead's customer: messages in and out, read, handled, notes."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from cockpit_tui.domain import attention
from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.models import Direction, LeadCard, Message
from cockpit_tui.domain.sanitize import clean_message
from cockpit_tui.services.leads.base import LeadServiceBase
from cockpit_tui.services.rows import message_from_row

if TYPE_CHECKING:
    from cockpit_tui.domain.templates import TemplateSend
    from cockpit_tui.store.lead_write import LeadWrite, WrittenLead


class ConversationActions(LeadServiceBase):
    """The conversation part of :class:`~cockpit_tui.services.leads.LeadService`."""

    def record_inbound(self, lead_id: int, text: str, *, at: datetime | None = None) -> LeadCard:
        """A customer's message arrived: the lead goes on top, its name bold.

        Does not bump the version moves compare against: a reply must not make
        a colleague's move fail.

        Raises:
            InvalidInputError: the text is empty once cleaned.
            LeadNotFoundError: no lead has that id.
        """
        body = _required(text, "error.empty_message")
        when = at or self._clock.now()
        with self._write() as write:
            add_inbound_message(write, write.lead(lead_id), body, at=when)
        return self._card(lead_id)

    def reply(self, lead_id: int, text: str, *, template: TemplateSend | None = None) -> Message:
        """Send a reply: stored as outbound, queued in the outbox, and it counts as acting.

        Args:
            lead_id: The lead.
            text: What the customer reads (a template's filled text, for a template).
            template: Send it as this approved WhatsApp template (outside the
                24-hour window; see :mod:`cockpit_tui.services.reply_window`).

        Raises:
            InvalidInputError: an empty reply.
            LeadNotFoundError: no lead has that id.
        """
        from cockpit_tui.store import repository

        body = _required(text, "error.empty_reply")
        with self._write() as write:
            lead = write.lead(lead_id)
            repository.mark_messages_read(write.session, lead_id=lead_id, at=write.now)
            message = repository.insert_message(
                write.session,
                lead_id=lead_id,
                direction=Direction.OUTBOUND.value,
                body=body,
                at=write.now,
                author=self.actor,
            )
            if template is not None:
                from cockpit_tui.store.template_replies import record_template_reply

                record_template_reply(write.session, message_id=message.id or 0, template=template)
            write.act(lead, reads=True)
            write.respond(lead)
            write.reindex(lead_id)
            write.log("message.out", lead_id)
            return message_from_row(message)

    def mark_read(self, lead_id: int) -> LeadCard:
        """The conversation was read: the name stops being bold; the lead stays on top."""
        from cockpit_tui.store import repository

        with self._write() as write:
            lead = write.lead(lead_id)
            marked = repository.mark_messages_read(write.session, lead_id=lead_id, at=write.now)
            if marked or lead.attention.unread_count:
                lead.set_attention(attention.on_read(lead.attention))
                write.log("lead.read", lead_id)
        return self._card(lead_id)

    def mark_handled(self, lead_id: int) -> LeadCard:
        """The salesperson dealt with the lead without replying: it leaves the top (undoable)."""
        from cockpit_tui.store import undo_steps

        with self._write() as write:
            lead = write.lead(lead_id)
            if lead.attention.attention_at is not None:
                handled = undo_steps.insert_handled(
                    write.session,
                    lead_id=lead_id,
                    actor=self.actor,
                    at=write.now,
                    before=lead.attention,
                    clock=lead.clock(),
                )
                assert handled.id is not None
                undo_steps.push_step(
                    write.session,
                    lead_id=lead_id,
                    actor=self.actor,
                    at=write.now,
                    kind=undo_steps.HANDLED,
                    ref_id=handled.id,
                )
                write.act(lead)
                write.respond(lead)
                write.log("lead.handled", lead_id)
        return self._card(lead_id)

    def add_note(self, lead_id: int, text: str) -> LeadCard:
        """Leave a note on the lead; logging a contact counts as acting (it leaves the top).

        Raises:
            InvalidInputError: an empty note.
            LeadNotFoundError: no lead has that id.
        """
        from cockpit_tui.store import repository

        body = _required(text, "form.empty_note")
        with self._write() as write:
            lead = write.lead(lead_id)
            repository.insert_note(
                write.session, lead_id=lead_id, body=body, actor=self.actor, at=write.now
            )
            write.act(lead)
            write.respond(lead)
            write.log("lead.note", lead_id)
        return self._card(lead_id)


def add_inbound_message(write: LeadWrite, lead: WrittenLead, body: str, *, at: datetime) -> None:
    """Store a customer's message on a lead: on top of its column, name bold, logged.

    The version moves compare against is left alone. Shared by
    :meth:`ConversationActions.record_inbound` and the event feed.
    """
    from cockpit_tui.store import repository

    repository.insert_message(
        write.session,
        lead_id=lead.id,
        direction=Direction.INBOUND.value,
        body=body,
        at=at,
        author=None,
    )
    lead.set_attention(attention.on_inbound_message(lead.attention, at))
    write.await_response(lead, at)
    write.reindex(lead.id)
    write.log("message.in", lead.id)


def _required(text: str, empty_key: str) -> str:
    """The text cleaned for storing.

    Raises:
        InvalidInputError: ``empty_key``, when nothing is left once cleaned.
    """
    body = clean_message(text)
    if not body:
        raise InvalidInputError(empty_key)
    return body
