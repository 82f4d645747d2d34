"""Migration 20: one undo stack for moves, assignments and "atendido" (issue 13).

- ``undo_step``: every action a salesperson may undo, in the order done
  (``kind`` ``move``, ``assign`` or ``handled``; ``ref_id`` the
  ``status_change``, ``assignment`` or ``handled`` row); ``closed_at`` once
  undone, or once a colleague's change made it impossible to undo.
- ``handled``: each "atendido", with the attention state and response clock
  the lead had just before it (what undo restores).
- ``assignment.before_assigned_to`` / ``undone_at``: who had the lead before
  an assignment, and whether it was undone.
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 20
DESCRIPTION = "undo of assignments and handled leads"

_metadata = sa.MetaData()
sa.Table("lead", _metadata, sa.Column("id", sa.Integer, primary_key=True))
sa.Table(
    "undo_step",
    _metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("lead_id", sa.Integer, sa.ForeignKey("lead.id"), nullable=False),
    sa.Column("actor", sa.String(100), nullable=False),
    sa.Column("at", sa.BigInteger, nullable=False),
    sa.Column("kind", sa.String(10), nullable=False),
    sa.Column("ref_id", sa.Integer, nullable=False),
    sa.Column("closed_at", sa.BigInteger),
    sa.Index("ix_undo_step_actor", "actor", "id"),
)
sa.Table(
    "handled",
    _metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("lead_id", sa.Integer, sa.ForeignKey("lead.id"), nullable=False),
    sa.Column("actor", sa.String(100), nullable=False),
    sa.Column("at", sa.BigInteger, nullable=False),
    sa.Column("before_attention_at", sa.BigInteger),
    sa.Column("before_unread_count", sa.Integer, nullable=False),
    sa.Column("before_last_activity_at", sa.BigInteger, nullable=False),
    sa.Column("before_waiting_since", sa.BigInteger),
    sa.Column("before_response_due_soon_at", sa.BigInteger),
    sa.Column("before_response_due_at", sa.BigInteger),
    sa.Column("before_first_response_at", sa.BigInteger),
    sa.Column("before_first_response_seconds", sa.Integer),
    sa.Column("undone_at", sa.BigInteger),
    sa.Index("ix_handled_lead", "lead_id", "id"),
)


def upgrade(connection: sa.Connection) -> None:
    """Create the two tables and add the assignment's columns."""
    for name in ("undo_step", "handled"):
        _metadata.tables[name].create(connection)
    connection.exec_driver_sql("ALTER TABLE assignment ADD COLUMN before_assigned_to VARCHAR(100)")
    connection.exec_driver_sql("ALTER TABLE assignment ADD COLUMN undone_at BIGINT")
