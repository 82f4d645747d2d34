"""Migration 10: who is on duty, and why a lead changed hands.

- ``duty``: the salespeople on duty ("na loja") and their place in the
  round-robin turn (the lowest ``turn`` gets the next lead); leaving the
  team takes them off duty (ON DELETE CASCADE);
- ``assignment.reason``: NULL for a person's choice, ``round-robin`` or
  ``rescue`` for the automatic distribution;
- ``ix_change_log_lead``: whether anyone acted on a lead (the rescue asks
  it of every waiting lead) is one index probe;
- ``store_setting.value`` widened to 1000 characters on PostgreSQL (the
  settings registry accepts that much: tokens, lists of extra holidays).
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 10
DESCRIPTION = "duty roster and assignment reasons"

_metadata = sa.MetaData()
sa.Table("team_member", _metadata, sa.Column("name", sa.String(100), primary_key=True))
sa.Table(
    "duty",
    _metadata,
    sa.Column(
        "name",
        sa.String(100),
        sa.ForeignKey("team_member.name", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("since_at", sa.BigInteger, nullable=False),
    sa.Column("turn", sa.BigInteger, nullable=False),
)


def upgrade(connection: sa.Connection) -> None:
    """Create ``duty``, ``assignment.reason``, the change log's lead index; widen settings."""
    _metadata.tables["duty"].create(connection)
    connection.exec_driver_sql("ALTER TABLE assignment ADD COLUMN reason VARCHAR(20)")
    connection.exec_driver_sql("CREATE INDEX ix_change_log_lead ON change_log (lead_id, kind)")
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(
            "ALTER TABLE store_setting ALTER COLUMN value TYPE VARCHAR(1000)"
        )
