"""Migration 23: an imported row's fingerprint kept as two integers instead of 64 hex digits.

``import_fingerprint`` held each fingerprint as 64 characters, on SQLite in a
table plus an index of its own (two b-trees of ~8 MB per 100,000 rows);
the fingerprints are random, so each chunk of an import rewrote most of the
index's pages. Its first 128 bits as two signed 64-bit integers
(:func:`~cockpit_tui.domain.intake.fingerprint_key`,
:func:`~cockpit_tui.store.codec.print_halves`) are the primary key of one
b-tree (``WITHOUT ROWID`` on SQLite) a quarter of the size. Every stored
row is converted, so a file imported before is still recognised; the
conversion is done here in Python on both backends (SQLite has no ``unhex``).
"""

from __future__ import annotations

import sqlalchemy as sa

from cockpit_tui.domain.intake import fingerprint_key
from cockpit_tui.store.bulk_rows import insert_rows
from cockpit_tui.store.codec import print_halves

VERSION = 23
DESCRIPTION = "import fingerprints as two integers"

#: Rows converted per batch (the old table is read in batches, not whole).
_BATCH = 20_000
_COLUMNS = ("fingerprint_hi", "fingerprint_lo", "lead_id", "at")


def upgrade(connection: sa.Connection) -> None:
    """Move every fingerprint into the new table, then drop the old one."""
    sqlite = connection.dialect.name == "sqlite"
    connection.exec_driver_sql("ALTER TABLE import_fingerprint RENAME TO import_fingerprint_v5")
    if not sqlite:
        # PostgreSQL's index names are per schema: the new table's key takes the old name.
        connection.exec_driver_sql(
            "ALTER INDEX import_fingerprint_pkey RENAME TO import_fingerprint_v5_pkey"
        )
    connection.exec_driver_sql(
        "CREATE TABLE import_fingerprint (fingerprint_hi BIGINT NOT NULL, "
        "fingerprint_lo BIGINT NOT NULL, lead_id INTEGER NOT NULL REFERENCES lead(id), "
        "at BIGINT NOT NULL, PRIMARY KEY (fingerprint_hi, fingerprint_lo))"
        + (" WITHOUT ROWID" if sqlite else "")
    )
    mark = "?" if sqlite else "%s"
    after: str | None = None
    while True:
        rows = connection.exec_driver_sql(
            "SELECT fingerprint, lead_id, at FROM import_fingerprint_v5 "
            + ("" if after is None else f"WHERE fingerprint > {mark} ")
            + f"ORDER BY fingerprint LIMIT {_BATCH}",
            () if after is None else (after,),
        ).all()
        if not rows:
            break
        insert_rows(
            connection,
            "import_fingerprint",
            _COLUMNS,
            [(*print_halves(fingerprint_key(str(text))), lead, at) for text, lead, at in rows],
        )
        after = str(rows[-1][0])
    connection.exec_driver_sql("DROP TABLE import_fingerprint_v5")
