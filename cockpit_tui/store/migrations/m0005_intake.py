"""Migration 5: what intake remembers so nothing is imported twice.

- ``import_fingerprint``: one row per imported file row (a hash of its
  cleaned values), so re-running the same file adds nothing.
- ``ingested_event``: the ``id`` of every applied event, so an event fed twice
  changes nothing.
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 5
DESCRIPTION = "intake bookkeeping"


def upgrade(connection: sa.Connection) -> None:
    """Create the two tables."""
    connection.exec_driver_sql(
        "CREATE TABLE import_fingerprint ("
        "fingerprint VARCHAR(64) PRIMARY KEY, lead_id INTEGER NOT NULL REFERENCES lead(id), "
        "at BIGINT NOT NULL)"
    )
    connection.exec_driver_sql(
        "CREATE TABLE ingested_event (id VARCHAR(200) PRIMARY KEY, at BIGINT NOT NULL)"
    )
