"""Statements run at the database driver's level, for batches of plain values.

SQLAlchemy's ``text()`` with a list of dicts processes every parameter of
every row in Python; for tens of thousands of rows whose values are already
as stored (microseconds, cents, ids) the driver's own ``executemany`` does
the same work several times faster.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection


def run_many(connection: Connection, sql: str, rows: Sequence[tuple[object, ...]]) -> None:
    """``executemany`` of ``sql`` (written with ``?`` placeholders) over ``rows``."""
    if not rows:
        return
    if connection.dialect.paramstyle != "qmark":
        sql = sql.replace("?", "%s")
    connection.exec_driver_sql(sql, list(rows))
