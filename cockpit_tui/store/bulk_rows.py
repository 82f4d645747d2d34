"""Many rows inserted at the driver level: multi-row ``INSERT`` on SQLite, ``COPY`` on PostgreSQL.

The bulk writers (an import's chunks, its search documents) hand over rows
whose values are already as stored (microseconds, cents, plain strings), so
no per-value processing by SQLAlchemy is needed. On SQLite one ``INSERT``
carries dozens to hundreds of rows (``executemany`` of it). On PostgreSQL
``COPY … FROM STDIN`` (psycopg 3's ``cursor.copy``) streams them in one
statement instead of one ``INSERT`` per row, inside the caller's transaction
like any other write.
:func:`match_rows` is the matching read: which of a chunk's thousands of
values are already stored, with one parameter per list.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from itertools import chain
from typing import Any

from sqlalchemy import Connection

#: Values one ``INSERT`` binds at most on SQLite (its historical limit, safe on any build).
SQLITE_STATEMENT_VALUES = 999


def insert_rows(
    connection: Connection,
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    constants: Mapping[str, str | int] | None = None,
    one_per_statement: bool = False,
) -> None:
    """Insert ``rows`` (values in ``columns`` order) into ``table`` in the caller's transaction.

    ``constants`` are columns with the same value in every row, the code's own
    (never a value read from outside): on SQLite written into the statement,
    so no row binds them.

    On SQLite one ``INSERT`` writes as many rows as fit in
    :data:`SQLITE_STATEMENT_VALUES` values: each execution of a statement
    opens the table and its indexes anew, which for a single row costs more
    than inserting it. ``one_per_statement`` keeps a row per execution, for
    a table whose rows land at random places in its B-tree (a hash as its
    primary key): there SQLite inserts them faster one by one (measured).
    """
    if not rows:
        return
    fixed = dict(constants or {})
    names = ", ".join([*columns, *fixed])
    if connection.dialect.name == "postgresql":
        driver = connection.connection.driver_connection
        assert driver is not None
        tail = tuple(fixed.values())
        with driver.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row((*row, *tail) if tail else row)
        return
    marks = "(" + ", ".join(["?" for _ in columns] + [_literal(v) for v in fixed.values()]) + ")"
    insert = f"INSERT INTO {table} ({names}) VALUES "
    per = 1 if one_per_statement else max(1, SQLITE_STATEMENT_VALUES // len(columns))
    whole = len(rows) - len(rows) % per if per > 1 else 0
    if whole:
        width = per * len(columns)
        flat = list(chain.from_iterable(rows[:whole]))
        connection.exec_driver_sql(
            insert + ", ".join([marks] * per),
            [tuple(flat[start : start + width]) for start in range(0, len(flat), width)],
        )
    if whole < len(rows):
        connection.exec_driver_sql(insert + marks, list(rows[whole:]))


def _literal(value: str | int) -> str:
    """A constant as SQL text."""
    if isinstance(value, int):
        return str(int(value))
    return "'" + value.replace("'", "''") + "'"


def match_rows(connection: Connection, sql: str, **lists: Sequence[object]) -> list[Any]:
    """Run a read whose ``{in_NAME}`` or ``{each_NAME}`` marks name a list, at the driver level.

    ``{in_NAME}`` tests membership in the list (``phone {in_phones}``);
    ``{each_NAME}`` is a table of its values, in a column ``value``, to join
    from (``FROM {each_phones} CROSS JOIN customer WHERE phone = value``). On
    SQLite, ``IN`` first sorts the list into a temporary index, while a join
    from its values (``CROSS JOIN`` keeps them the outer loop) looks each up
    in the table's index directly: three times faster for 5,000 strings that
    mostly match nothing (a big file into a small store), as fast otherwise.
    (PostgreSQL plans both as joins; there ``IN`` measured faster for an
    import's lookups of customers.)

    One parameter per list, whatever its length (a JSON array on SQLite, an
    array on PostgreSQL), each list named once: a chunk's thousands of values
    are neither expanded into thousands of placeholders nor passed through
    SQLAlchemy's per-value processing.

    On PostgreSQL the statement is never prepared (``prepare=False``): psycopg
    prepares a statement run five times, and the server may then keep a
    generic plan made while the table was small, blind to the list's length;
    for ``= ANY(…)`` that was a sequential scan comparing each row with the
    5,000 values one by one (14 s for one chunk at 60,000 customers). Planned
    each time with its values, the list is a set the query joins (``IN
    (SELECT unnest(…))``, or the ``unnest`` joined): index lookups on a big
    table, a hash on a small one.
    """
    sqlite = connection.dialect.name == "sqlite"
    marks: dict[str, str] = {}
    for name, values in lists.items():
        if sqlite:
            marks[f"in_{name}"] = "IN (SELECT value FROM json_each(?))"
            marks[f"each_{name}"] = "json_each(?)"
        else:
            array = f"CAST(%s AS {_pg_array_type(values)})"
            marks[f"in_{name}"] = f"IN (SELECT unnest({array}))"
            marks[f"each_{name}"] = f"unnest({array}) AS each_{name}(value)"

    def position(name: str) -> int:
        found = [sql.find("{" + kind + name + "}") for kind in ("in_", "each_")]
        return max(found)  # the list's one mark (the other is not found: -1)

    order = sorted(lists, key=position)
    values = [json.dumps(list(lists[name])) if sqlite else list(lists[name]) for name in order]
    if sqlite:
        return list(connection.exec_driver_sql(sql.format(**marks), tuple(values)))
    driver = connection.connection.driver_connection
    assert driver is not None
    with driver.cursor() as cursor:  # in the caller's transaction, like insert_rows' COPY
        cursor.execute(sql.format(**marks), tuple(values), prepare=False)
        return list(cursor.fetchall())


def _pg_array_type(values: Sequence[object]) -> str:
    """The PostgreSQL array type of a list of values (psycopg leaves a list of strings untyped)."""
    return "bigint[]" if values and isinstance(values[0], int) else "text[]"
