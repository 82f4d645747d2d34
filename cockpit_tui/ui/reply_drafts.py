"""Replies typed and left with esc, kept per lead until sent or the app closes.

A salesperson who presses esc in the middle of a reply (to read the history,
to answer a phone call) expects the text to be there when ``r`` opens the reply
again, as a messaging app keeps a draft; asking "discard?" on every esc would
slow down the common case. Drafts live in memory only: a customer conversation
is not written anywhere the store's rules (LGPD erase, backups) do not cover.
"""

from __future__ import annotations


class ReplyDrafts:
    """The reply drafts of this session, by lead id."""

    def __init__(self) -> None:
        self._by_lead: dict[int, str] = {}

    def get(self, lead_id: int) -> str:
        """The draft left on ``lead_id`` ("" when none)."""
        return self._by_lead.get(lead_id, "")

    def keep(self, lead_id: int, text: str) -> bool:
        """Keep ``text`` as the lead's draft (blank: forget it); whether a draft is kept."""
        if text.strip():
            self._by_lead[lead_id] = text
            return True
        self._by_lead.pop(lead_id, None)
        return False

    def forget(self, lead_id: int) -> None:
        """The reply was sent: no draft any more."""
        self._by_lead.pop(lead_id, None)
