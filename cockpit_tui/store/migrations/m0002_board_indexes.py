"""Migration 2: indexes for the board's queries, then ANALYZE.

- ``ix_lead_board`` serves both the per-column counts (one GROUP BY status)
  and a column's page in board order by keyset.
- The others serve duplicate detection on intake, a lead's conversation and
  history, the outbox and a user's undo.
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 2
DESCRIPTION = "board indexes"

_STATEMENTS = (
    "CREATE INDEX ix_lead_board ON lead (status, needs_attention, sort_at, id)",
    "CREATE INDEX ix_lead_customer ON lead (customer_id)",
    "CREATE INDEX ix_lead_external_id ON lead (external_id)",
    "CREATE INDEX ix_customer_phone ON customer (phone)",
    "CREATE INDEX ix_customer_email ON customer (email)",
    "CREATE INDEX ix_message_lead ON message (lead_id, at)",
    "CREATE INDEX ix_message_outbox ON message (direction, delivered_at, id)",
    "CREATE INDEX ix_status_change_lead ON status_change (lead_id, id)",
    "CREATE INDEX ix_status_change_actor ON status_change (actor, id)",
    "CREATE INDEX ix_appointment_lead ON appointment (lead_id, at)",
    "CREATE INDEX ix_outcome_lead ON outcome (lead_id)",
    # Table by table: a bare ANALYZE on PostgreSQL reads every schema in the database.
    *(
        f"ANALYZE {table}"
        for table in ("lead", "customer", "message", "status_change", "appointment", "outcome")
    ),
)


def upgrade(connection: sa.Connection) -> None:
    """Create the board's indexes and refresh the planner's statistics."""
    for statement in _STATEMENTS:
        connection.exec_driver_sql(statement)
