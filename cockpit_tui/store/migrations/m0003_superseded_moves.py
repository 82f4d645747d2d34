"""Migration 3: remember moves a colleague overtook, so undo can step past them.

When a salesperson asks to undo a move that a colleague has since overtaken
(moved the same lead again), the undo is refused; ``superseded_at`` records
that, so the next undo goes on to the salesperson's previous move instead of
failing on the same one forever.
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 3
DESCRIPTION = "superseded moves"


def upgrade(connection: sa.Connection) -> None:
    """Add ``status_change.superseded_at``."""
    connection.exec_driver_sql("ALTER TABLE status_change ADD COLUMN superseded_at BIGINT")
