"""The search index: one folded text per lead, rebuilt by every write that changes it.

Each lead has a document made of its customer's name, phone digits, e-mail,
the vehicle, the source and its most recent messages (up to
:data:`MAX_DOC_MESSAGE_CHARS` characters of them, so recording a message costs
the same on a lead with 5,000 messages as on a new one), lower case and without accents
(folded in Python, the same way as what the user types). On SQLite it lives
in an FTS5 table with the trigram tokenizer, without the trigrams' positions
(migration 22: any substring of three characters or more is an index lookup,
one of four or more confirmed on the documents found, see
:mod:`cockpit_tui.store.search_sql`); on PostgreSQL in a plain table
searched with ``LIKE`` (with a pg_trgm index when the server has it). Every
write path that changes those fields calls :func:`refresh_search` in its own
transaction, so the index never lags behind the leads.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, text

from cockpit_tui.domain.search_documents import MAX_DOC_MESSAGE_CHARS as MAX_DOC_MESSAGE_CHARS
from cockpit_tui.domain.search_documents import document_text as document_text
from cockpit_tui.domain.search_documents import values_document as values_document

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from cockpit_tui.domain.intake import LeadRecord


def _ids_condition(column: str, lead_ids: Sequence[int], *, sqlite: bool) -> tuple[str, Any]:
    if sqlite:
        return f"{column} IN (SELECT value FROM json_each(:ids))", json.dumps(list(lead_ids))
    # Joined, not "= ANY(:ids)": a generic plan kept from when the table was small
    # compares every row with every id (see bulk_rows.match_rows).
    return f"{column} IN (SELECT unnest(CAST(:ids AS bigint[])))", list(lead_ids)


#: Newest messages of a lead read to fill its document (a message is at most 4,000 characters).
MAX_DOC_MESSAGES = 100


def documents(executor: Session | Connection, lead_ids: Sequence[int]) -> list[tuple[int, str]]:
    """The search documents of ``lead_ids``, as (lead id, folded text)."""
    sqlite = _is_sqlite(executor)
    condition, ids = _ids_condition("l.id", lead_ids, sqlite=sqlite)
    rows = executor.execute(
        text(
            "SELECT l.id, c.name, c.phone, c.email, l.vehicle, l.source FROM lead l "
            f"JOIN customer c ON c.id = l.customer_id WHERE {condition}"
        ),
        {"ids": ids},
    ).all()
    bodies = _newest_bodies(executor, lead_ids, sqlite=sqlite)
    return [
        (
            int(lead_id),
            document_text(name, phone, email, vehicle, source, bodies.get(int(lead_id), ())),
        )
        for lead_id, name, phone, email, vehicle, source in rows
    ]


def record_document(record: LeadRecord) -> str:
    """The search document of a lead made of one imported or ingested record alone."""
    from cockpit_tui.domain.intake import record_values

    return values_document(record_values(record))


def _newest_bodies(
    executor: Session | Connection, lead_ids: Sequence[int], *, sqlite: bool
) -> dict[int, list[str]]:
    """Each lead's newest messages, oldest first, up to :data:`MAX_DOC_MESSAGE_CHARS` characters.

    Each lead reads at most :data:`MAX_DOC_MESSAGES` rows, found on the
    ``(lead_id, at)`` index newest first, so the cost does not grow with the
    conversation.
    """
    if sqlite:
        sql = (
            "SELECT m.lead_id, m.body, m.at, m.id FROM json_each(:ids) l JOIN message m "
            "ON m.id IN (SELECT id FROM message WHERE lead_id = l.value "
            "ORDER BY at DESC LIMIT :limit)"
        )
        ids: Any = json.dumps(list(lead_ids))
    else:
        sql = (
            "SELECT m.lead_id, m.body, m.at, m.id FROM unnest(CAST(:ids AS bigint[])) AS l(value) "
            "CROSS JOIN LATERAL (SELECT lead_id, body, at, id FROM message "
            "WHERE lead_id = l.value ORDER BY at DESC LIMIT :limit) m"
        )
        ids = list(lead_ids)
    rows = list(executor.execute(text(sql), {"ids": ids, "limit": MAX_DOC_MESSAGES}))
    rows.sort(key=lambda row: (row[0], row[2], row[3]), reverse=True)
    newest_first: dict[int, list[str]] = defaultdict(list)
    size: dict[int, int] = defaultdict(int)
    for lead_id, body, _at, _id in rows:
        key = int(lead_id)
        if size[key] < MAX_DOC_MESSAGE_CHARS:
            newest_first[key].append(body)
            size[key] += len(body) + 1
    return {lead_id: found[::-1] for lead_id, found in newest_first.items()}


def refresh_search(
    executor: Session | Connection,
    lead_ids: Sequence[int],
    *,
    known: Mapping[int, str] | None = None,
) -> None:
    """Rebuild the documents of ``lead_ids`` inside the caller's transaction.

    Args:
        executor: A session or connection in a write transaction.
        lead_ids: The leads whose documents change.
        known: Documents already built (with :func:`document_text`) from the
            values this transaction wrote, by lead id: an import's new leads are
            not read back.
    """
    if not lead_ids:
        return
    sqlite = _is_sqlite(executor)
    key = "rowid" if sqlite else "lead_id"
    condition, ids = _ids_condition(key, lead_ids, sqlite=sqlite)
    executor.execute(text(f"DELETE FROM lead_search WHERE {condition}"), {"ids": ids})
    known = known or {}
    unknown = [lead_id for lead_id in lead_ids if lead_id not in known]
    docs = [(lead_id, known[lead_id]) for lead_id in lead_ids if lead_id in known]
    if unknown:
        docs += documents(executor, unknown)
    if docs:
        # At the driver level (COPY on PostgreSQL): an import fills thousands per transaction.
        from cockpit_tui.store.bulk_rows import insert_rows

        connection = executor if isinstance(executor, Connection) else executor.connection()
        insert_rows(connection, "lead_search", (key, "doc"), docs)


def _is_sqlite(executor: Session | Connection) -> bool:
    bind = executor.get_bind() if hasattr(executor, "get_bind") else executor
    return bool(bind.dialect.name == "sqlite")
