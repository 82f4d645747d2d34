"""Migration 6: what the lead screen records beyond moves and messages.

- ``note``: free-text notes a salesperson leaves on a lead;
- ``assignment``: every change of salesperson (to whom, by whom, when), for the
  lead's history;
- ``team_member``: the store's salespeople, offered when assigning a lead;
- ``appointment.resolved_at`` / ``resolved_by``: when and by whom a visit was
  marked as occurred or not.
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 6
DESCRIPTION = "notes, assignments, team, appointment outcomes"

_metadata = sa.MetaData()
sa.Table("lead", _metadata, sa.Column("id", sa.Integer, primary_key=True))
sa.Table(
    "note",
    _metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("lead_id", sa.Integer, sa.ForeignKey("lead.id"), nullable=False),
    sa.Column("body", sa.String(4000), nullable=False),
    sa.Column("actor", sa.String(100), nullable=False),
    sa.Column("at", sa.BigInteger, nullable=False),
    sa.Index("ix_note_lead", "lead_id", "id"),
)
sa.Table(
    "assignment",
    _metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("lead_id", sa.Integer, sa.ForeignKey("lead.id"), nullable=False),
    sa.Column("assigned_to", sa.String(100)),
    sa.Column("actor", sa.String(100), nullable=False),
    sa.Column("at", sa.BigInteger, nullable=False),
    sa.Index("ix_assignment_lead", "lead_id", "id"),
)
sa.Table(
    "team_member",
    _metadata,
    sa.Column("name", sa.String(100), primary_key=True),
    sa.Column("added_at", sa.BigInteger, nullable=False),
)


def upgrade(connection: sa.Connection) -> None:
    """Create the three tables and add the two appointment columns."""
    for name in ("note", "assignment", "team_member"):
        _metadata.tables[name].create(connection)
    connection.exec_driver_sql("ALTER TABLE appointment ADD COLUMN resolved_at BIGINT")
    connection.exec_driver_sql("ALTER TABLE appointment ADD COLUMN resolved_by VARCHAR(100)")
