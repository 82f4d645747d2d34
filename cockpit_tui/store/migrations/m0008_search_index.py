"""Migration 8: the search index (one folded document per lead), filled for every lead.

SQLite: an FTS5 table with the trigram tokenizer (substring search through
an index). PostgreSQL: a plain table, with a pg_trgm GIN index when the
extension is available (it needs the right to create it; without it,
search falls back to scanning the documents).
"""

from __future__ import annotations

import sqlalchemy as sa

from cockpit_tui.store.search_index import refresh_search

VERSION = 8
DESCRIPTION = "search index"
_CHUNK = 5000


def upgrade(connection: sa.Connection) -> None:
    """Create the index and write every lead's document."""
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        connection.exec_driver_sql(
            "CREATE VIRTUAL TABLE lead_search USING fts5(doc, tokenize='trigram')"
        )
    else:
        connection.exec_driver_sql(
            "CREATE TABLE lead_search (lead_id INTEGER PRIMARY KEY, doc TEXT NOT NULL)"
        )
        savepoint = connection.begin_nested()
        try:
            connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            connection.exec_driver_sql(
                "CREATE INDEX ix_lead_search_trgm ON lead_search USING gin (doc gin_trgm_ops)"
            )
            savepoint.commit()
        except sa.exc.DBAPIError:
            savepoint.rollback()  # no pg_trgm here: search scans the documents
    ids = [row[0] for row in connection.exec_driver_sql("SELECT id FROM lead ORDER BY id")]
    for start in range(0, len(ids), _CHUNK):
        refresh_search(connection, ids[start : start + _CHUNK])
