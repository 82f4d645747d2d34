"""Migration 22: the search index keeps which documents hold a trigram, not where (SQLite).

FTS5 by default records every position of every trigram of a document
(``detail=full``) and each document's length (``columnsize``): the positions
answer phrase queries, the lengths ranking, and the board's search uses
neither once a term of four characters or more is looked up as its trigrams
and confirmed on the documents found (:mod:`cockpit_tui.store.search_sql`).
Without them (``detail=none, columnsize=0``) the index costs less to write
(an import of 100,000 rows: its statements and commits 1.85 s of the writing
thread's CPU → 1.48 s; the documents alone, 1.68 s → 1.05 s) and the store
is a fifth smaller.

FTS5 cannot change a table's options in place: the documents are set aside
with their rowids (the lead ids) in a temporary table, the index is dropped
and created again with the new options and the old one's settings (the
automatic merging an import pauses), and the documents go back in, in lead
order. PostgreSQL's plain table is left as it is.
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 22
DESCRIPTION = "search index without trigram positions"

#: The table's definition from this migration on.
DEFINITION = "fts5(doc, tokenize='trigram', detail=none, columnsize=0)"


def upgrade(connection: sa.Connection) -> None:
    """On SQLite, rebuild ``lead_search`` without positions, keeping every document."""
    if connection.dialect.name == "sqlite":
        rebuild_search(connection)


def rebuild_search(connection: sa.Connection) -> None:
    """Recreate ``lead_search`` with :data:`DEFINITION`, its documents and settings copied back."""
    table_sql = connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'lead_search'"
    ).scalar_one()
    if "detail=none" in table_sql.replace(" ", ""):
        return
    settings = connection.exec_driver_sql(
        "SELECT k, v FROM lead_search_config WHERE k <> 'version' ORDER BY k"
    ).all()
    # Held aside in the connection's temporary schema (not written to the store's journal).
    connection.exec_driver_sql(
        "CREATE TEMP TABLE search_copy AS SELECT rowid AS id, doc FROM lead_search"
    )
    connection.exec_driver_sql("DROP TABLE lead_search")
    # Created under its own name, as migration 8 did: its statement in sqlite_master stays plain.
    connection.exec_driver_sql(f"CREATE VIRTUAL TABLE lead_search USING {DEFINITION}")
    for name, value in settings:
        connection.exec_driver_sql(
            "INSERT INTO lead_search (lead_search, rank) VALUES (?, ?)", (name, value)
        )
    connection.exec_driver_sql(
        "INSERT INTO lead_search (rowid, doc) SELECT id, doc FROM temp.search_copy ORDER BY id"
    )
    connection.exec_driver_sql("DROP TABLE temp.search_copy")
