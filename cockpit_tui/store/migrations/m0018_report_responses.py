"""Migration 18: indexes that give the report its response-time figures without sorting.

SQLite has no hash aggregate and no percentile function: a GROUP BY or a
window over 100,000 leads sorts them, which took most of a 30-day report's
time (issue 16's budget is 300 ms). With these indexes the leads of one
grouping come out in the order the report needs:

- ``ix_lead_report_response`` (first-response seconds, arrival): the period's k-th
  fastest answer overall is the k-th entry of one index walk;
- ``ix_lead_report_source`` and ``ix_lead_report_owner`` (source / owner,
  first-response seconds, arrival): the same per source and per salesperson,
  and the per-source / per-salesperson counts come out grouped in index order.
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 18
DESCRIPTION = "report response indexes"


def upgrade(connection: sa.Connection) -> None:
    """Create the indexes, then refresh the planner's statistics."""
    connection.exec_driver_sql(
        "CREATE INDEX ix_lead_report_response ON lead (first_response_seconds, created_at)"
    )
    connection.exec_driver_sql(
        "CREATE INDEX ix_lead_report_source ON lead (source, first_response_seconds, created_at)"
    )
    connection.exec_driver_sql(
        "CREATE INDEX ix_lead_report_owner ON lead"
        " (assigned_to, first_response_seconds, created_at)"
    )
    connection.exec_driver_sql("ANALYZE")
