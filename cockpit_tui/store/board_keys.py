"""A card's position in its column's order (needs attention, sort time, id), for keyset paging."""

from __future__ import annotations

from typing import Any

from cockpit_tui.domain import attention
from cockpit_tui.domain.cards import LeadCard
from cockpit_tui.store.codec import to_micros
from cockpit_tui.store.reader import BoardKey


def board_key(card: LeadCard) -> BoardKey:
    """The keyset position of a card as the caller saw it (derived, no query)."""
    return BoardKey(
        needs_attention=1 if card.needs_attention else 0,
        sort_at=to_micros(attention.sort_at(card.attention)),
        lead_id=card.id,
    )


def board_key_of_row(row: tuple[Any, ...]) -> BoardKey:
    """The keyset position of a card row (:data:`~cockpit_tui.store.reader.CARD_COLUMNS`)."""
    return BoardKey(needs_attention=int(row[16]), sort_at=int(row[17]), lead_id=int(row[0]))
