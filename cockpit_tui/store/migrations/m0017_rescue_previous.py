"""Migration 17: whom a rescued lead was taken from (issue 15's alerts).

``assignment.previous``: the salesperson the lead had before this change
(NULL when it had none, or for assignments recorded before this version).
A rescue alerts both salespeople; the lead's row only holds the new one,
and a lead given at creation has no earlier assignment row to read it from.
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 17
DESCRIPTION = "previous salesperson of an assignment"


def upgrade(connection: sa.Connection) -> None:
    """Add ``assignment.previous``."""
    connection.exec_driver_sql("ALTER TABLE assignment ADD COLUMN previous VARCHAR(100)")
