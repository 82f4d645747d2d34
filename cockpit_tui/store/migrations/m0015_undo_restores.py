"""Migration 15: what undo needs to put a lead back exactly as it was.

- ``status_change.before_attention_at`` / ``before_unread_count`` /
  ``before_last_activity_at``: the lead's attention state just before the
  move (NOVO or an unread reply on top, its place in the column), restored
  by undo. NULL on moves recorded before this version: undo then falls back
  to the old rule (the lead leaves the top).
- ``outcome.undone_at`` and ``appointment.undone_at``: the sale, loss or
  visit recorded with a move that was undone.
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 15
DESCRIPTION = "undo restores attention and follow-ups"


def upgrade(connection: sa.Connection) -> None:
    """Add the columns."""
    for statement in (
        "ALTER TABLE status_change ADD COLUMN before_attention_at BIGINT",
        "ALTER TABLE status_change ADD COLUMN before_unread_count INTEGER",
        "ALTER TABLE status_change ADD COLUMN before_last_activity_at BIGINT",
        "ALTER TABLE outcome ADD COLUMN undone_at BIGINT",
        "ALTER TABLE appointment ADD COLUMN undone_at BIGINT",
    ):
        connection.exec_driver_sql(statement)
