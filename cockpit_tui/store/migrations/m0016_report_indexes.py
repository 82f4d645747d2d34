"""Migration 16: the indexes the manager's report reads on (issue 16).

A report's leads are the ones created in its period: ``ix_lead_created`` makes
them one index range instead of a scan of every lead, and carries every
column the report groups and counts by, so the range is read from the index
alone (100,000 leads: no lookup of each lead's row). ``ix_lead_pipeline``
does the same for the open pipeline (leads, asking value and stale leads per
status, over every lead). (Who owned a sold lead
when it was sold reads the lead's assignments on ``ix_assignment_lead``.)
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 16
DESCRIPTION = "report index"


def upgrade(connection: sa.Connection) -> None:
    """Create the indexes, then refresh the planner's statistics."""
    connection.exec_driver_sql(
        "CREATE INDEX ix_lead_created ON lead (created_at, status, source, assigned_to,"
        " first_response_seconds, price)"
    )
    connection.exec_driver_sql(
        "CREATE INDEX ix_lead_pipeline ON lead (status, last_activity_at, price)"
    )
    # The table only: a bare ANALYZE on PostgreSQL reads every schema in the database.
    connection.exec_driver_sql("ANALYZE lead")
