"""Migration 14: the response clock stored on each lead (issue 15).

- ``lead.waiting_since``: since when the lead waits for a response (NULL
  when nothing waits);
- ``lead.response_due_soon_at`` / ``lead.response_due_at``: when its SLA
  turns due soon and breached (computed with the store's calendar);
- ``lead.first_response_at`` and ``lead.first_response_seconds`` (business
  seconds from arrival);
- ``ix_lead_response_due``: waiting leads by deadline (``space``).

Backfill: the first response is the earliest reply, note or "atendido" in
the lead's history; an open lead whose card is on top for attention (it
arrived or its customer wrote, and nobody acted since) waits since then.
All times are UTC microseconds, like every other instant in the store.
"""

from __future__ import annotations

import sqlalchemy as sa

from cockpit_tui.store.response_clock import backfill_first_responses, recompute_waiting

VERSION = 14
DESCRIPTION = "response clock on leads"

_COLUMNS = (
    ("waiting_since", "BIGINT"),
    ("response_due_soon_at", "BIGINT"),
    ("response_due_at", "BIGINT"),
    ("first_response_at", "BIGINT"),
    ("first_response_seconds", "INTEGER"),
)


def upgrade(connection: sa.Connection) -> None:
    """Add the columns and the index, then fill them from the history."""
    for name, sql_type in _COLUMNS:
        connection.exec_driver_sql(f"ALTER TABLE lead ADD COLUMN {name} {sql_type}")
    connection.exec_driver_sql(
        "CREATE INDEX ix_lead_response_due ON lead (response_due_at) "
        "WHERE waiting_since IS NOT NULL"
    )
    connection.exec_driver_sql(
        "UPDATE lead SET first_response_at = (SELECT MIN(at) FROM ("
        " SELECT at FROM message WHERE message.lead_id = lead.id AND direction = 'out'"
        " UNION ALL SELECT at FROM note WHERE note.lead_id = lead.id"
        " UNION ALL SELECT at FROM change_log"
        "  WHERE change_log.lead_id = lead.id AND kind = 'lead.handled') AS responses)"
    )
    connection.exec_driver_sql(
        "UPDATE lead SET waiting_since = attention_at "
        "WHERE attention_at IS NOT NULL AND status NOT IN ('sold', 'lost')"
    )
    backfill_first_responses(connection)
    recompute_waiting(connection)
