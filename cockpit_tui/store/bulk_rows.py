"""Many rows inserted at the driver level: ``executemany`` on SQLite, ``COPY`` on PostgreSQL.

The bulk writers (an import's chunks, its search documents) hand over rows
whose values are already as stored (microseconds, cents, plain strings), so
no per-value processing by SQLAlchemy is needed. On PostgreSQL ``COPY … FROM
STDIN`` (psycopg 3's ``cursor.copy``) streams them in one statement instead
of one ``INSERT`` per row, inside the caller's transaction like any other write.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection


def insert_rows(
    connection: Connection, table: str, columns: Sequence[str], rows: Sequence[Sequence[object]]
) -> None:
    """Insert ``rows`` (values in ``columns`` order) into ``table`` in the caller's transaction."""
    if not rows:
        return
    names = ", ".join(columns)
    if connection.dialect.name == "postgresql":
        driver = connection.connection.driver_connection
        assert driver is not None
        with driver.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join("?" for _ in columns)
    connection.exec_driver_sql(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(rows))
