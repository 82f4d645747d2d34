"""Bulk inserts write every row given, in the order given, however many there are.

On SQLite :func:`~cockpit_tui.store.bulk_rows.insert_rows` packs many rows
into each ``INSERT`` and sends the rest (fewer than a statement holds) on
their own; an import's rows must all land, with ids in file order, either way.
"""

from __future__ import annotations

import pytest
from sqlalchemy import text

from cockpit_tui.services import Services
from cockpit_tui.store.bulk_rows import SQLITE_STATEMENT_VALUES, insert_rows
from cockpit_tui.store.engine import write_connection

#: change_log's columns given per row (``kind`` is written as a constant).
_COLUMNS = ("at", "lead_id", "actor")


@pytest.mark.parametrize(
    "count",
    [
        1,
        SQLITE_STATEMENT_VALUES // len(_COLUMNS),  # exactly one full statement
        2 * (SQLITE_STATEMENT_VALUES // len(_COLUMNS)) + 17,  # two full ones and a rest
    ],
)
@pytest.mark.parametrize("one_per_statement", [False, True])
def test_every_row_is_inserted_in_order(
    services: Services, count: int, one_per_statement: bool
) -> None:
    rows = [(1_000_000 + n, n, f"vendedor {n % 7} 'aspas'") for n in range(count)]
    with write_connection(services.store.engine) as connection:
        insert_rows(
            connection,
            "change_log",
            _COLUMNS,
            rows,
            constants={"kind": "lead.created"},
            one_per_statement=one_per_statement,
        )
    with services.store.engine.connect() as connection:
        stored = connection.execute(
            text("SELECT at, lead_id, actor, kind FROM change_log ORDER BY id")
        ).all()
    assert [tuple(row) for row in stored] == [(*row, "lead.created") for row in rows]
