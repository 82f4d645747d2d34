"""Migration 9: the "sem lead" queue, messages from a feed that named no known lead.

A ``message.received`` whose ``lead_id``, ``lead_external_id`` or ``phone``
matches no lead is kept here instead of being dropped; ``cockpit unmatched``
lists the queue, and a lead that arrives later with that external id or phone
takes its messages.
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 9
DESCRIPTION = "unmatched messages queue"


def upgrade(connection: sa.Connection) -> None:
    """Create the queue and its look-up indexes."""
    key = (
        "INTEGER PRIMARY KEY AUTOINCREMENT"
        if connection.dialect.name == "sqlite"
        else "BIGSERIAL PRIMARY KEY"
    )
    connection.exec_driver_sql(
        f"CREATE TABLE unmatched_message (id {key}, "
        "event_id VARCHAR(200) NOT NULL, at BIGINT NOT NULL, received_at BIGINT NOT NULL, "
        "lead_ref BIGINT, external_id VARCHAR(200), phone VARCHAR(40), body TEXT NOT NULL)"
    )
    connection.exec_driver_sql(
        "CREATE INDEX ix_unmatched_external_id ON unmatched_message (external_id)"
    )
    connection.exec_driver_sql("CREATE INDEX ix_unmatched_phone ON unmatched_message (phone)")
