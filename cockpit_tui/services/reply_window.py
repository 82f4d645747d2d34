"""WhatsApp's 24-hour rule: free text only within 24 h of the customer's last message.

Outside the window WhatsApp accepts only approved templates. The rule lives
here so the reply dialog, ``cockpit reply`` and the delivery worker all
apply the same one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.models import Message
from cockpit_tui.services.clock import Clock
from cockpit_tui.store.handle import Store

#: How long after the customer's last message free text may be sent.
FREE_TEXT_WINDOW = timedelta(hours=24)


@dataclass(frozen=True, slots=True)
class ReplyWindow:
    """Whether free text may be sent to a lead's customer now.

    Attributes:
        last_inbound_at: The customer's last message on this lead (None: never wrote).
        closes_at: When free text stops being allowed (None: it is not allowed).
        is_open: Free text is allowed now.
    """

    last_inbound_at: datetime | None
    closes_at: datetime | None
    is_open: bool


def window_at(last_inbound_at: datetime | None, now: datetime) -> ReplyWindow:
    """The window given the customer's last message and the present."""
    if last_inbound_at is None:
        return ReplyWindow(None, None, False)
    closes_at = last_inbound_at + FREE_TEXT_WINDOW
    return ReplyWindow(last_inbound_at, closes_at, now < closes_at)


class ReplyWindowService:
    """The 24-hour window of a lead, and replies that respect it.

    Args:
        store: The open store.
        clock: Time source.
    """

    def __init__(self, store: Store, *, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def window(self, lead_id: int) -> ReplyWindow:
        """Whether free text may be sent to the lead's customer now."""
        from cockpit_tui.store.delivery import last_inbound_at

        with self._store.engine.execution_options(cockpit_read_only=True).begin() as connection:
            last = last_inbound_at(connection, lead_id=lead_id)
        return window_at(last, self._clock.now())

    def reply(self, leads: _Replier, lead_id: int, text: str) -> Message:
        """Queue free text for the lead, refused outside the 24-hour window.

        Raises:
            InvalidInputError: ``reply.window_closed`` (with the hours since the customer
                wrote) or ``reply.never_wrote`` outside the window; an empty reply.
            LeadNotFoundError: no lead has that id.
        """
        leads.get(lead_id)  # a missing lead says so before the window does
        window = self.window(lead_id)
        if not window.is_open:
            if window.closes_at is None:
                raise InvalidInputError("reply.never_wrote", lead_id=lead_id)
            assert window.last_inbound_at is not None
            hours = int((self._clock.now() - window.last_inbound_at).total_seconds() // 3600)
            raise InvalidInputError("reply.window_closed", lead_id=lead_id, hours=hours)
        return leads.reply(lead_id, text)


class _Replier(Protocol):
    """What :meth:`ReplyWindowService.reply` needs of the lead service."""

    def get(self, lead_id: int) -> object:
        """The lead (raises when there is none)."""

    def reply(self, lead_id: int, text: str) -> Message:
        """Queue a reply."""
