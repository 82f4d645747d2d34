"""Turning the reader's plain rows into the domain's lead cards."""

from __future__ import annotations

from typing import Any

from cockpit_tui.domain.models import LeadCard
from cockpit_tui.domain.statuses import Status
from cockpit_tui.store.codec import from_cents, from_micros


def card_from_row(row: tuple[Any, ...]) -> LeadCard:
    """Build a card from a row in :data:`cockpit_tui.store.reader.CARD_COLUMNS` order."""
    return LeadCard(
        id=int(row[0]),
        version=int(row[1]),
        status=Status(row[2]),
        customer_id=int(row[3]),
        customer_name=row[4],
        phone=row[5],
        email=row[6],
        vehicle=row[7],
        price=None if row[8] is None else from_cents(int(row[8])),
        source=row[9],
        assigned_to=row[10],
        created_at=from_micros(int(row[11])),
        last_activity_at=from_micros(int(row[12])),
        attention_at=None if row[13] is None else from_micros(int(row[13])),
        unread_count=int(row[14]),
        next_appointment_at=None if row[15] is None else from_micros(int(row[15])),
    )
