"""Migration 4: an index on each lead's next appointment.

"Select the next most urgent lead" (space on the board) looks for overdue
and today's appointments; without this index that is a scan of every lead.
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 4
DESCRIPTION = "next appointment index"


def upgrade(connection: sa.Connection) -> None:
    """Index ``lead.next_appointment_at``."""
    connection.exec_driver_sql(
        "CREATE INDEX ix_lead_next_appointment ON lead (next_appointment_at)"
    )
