"""The board's rows into value objects: cards and change-log entries.

Card rows are the reader's plain tuples (:data:`cockpit_tui.store.reader.CARD_COLUMNS`);
the rest of the conversions are in :mod:`rows`. Nothing here writes.
"""

from __future__ import annotations

from typing import Any

from cockpit_tui.domain.cards import Change, LeadCard
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
        waiting_since=None if row[18] is None else from_micros(int(row[18])),
        response_due_soon_at=None if row[19] is None else from_micros(int(row[19])),
        response_due_at=None if row[20] is None else from_micros(int(row[20])),
        first_response_at=None if row[21] is None else from_micros(int(row[21])),
        first_response_seconds=None if row[22] is None else int(row[22]),
    )


def change_from_row(row: tuple[Any, ...]) -> Change:
    """A change-log entry from the reader's (id, kind, lead id, actor, at) row."""
    return Change(
        id=int(row[0]),
        kind=str(row[1]),
        lead_id=None if row[2] is None else int(row[2]),
        actor=str(row[3]),
        at=from_micros(int(row[4])),
    )
