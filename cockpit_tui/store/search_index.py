"""The search index: one folded text per lead, rebuilt by every write that changes it.

Each lead has a document made of its customer's name, phone digits, e-mail,
the vehicle, the source and every message, lower case and without accents
(folded in Python, the same way as what the user types). On SQLite it lives
in an FTS5 table with the trigram tokenizer (any substring of three
characters or more is an index lookup); on PostgreSQL in a plain table
searched with ``LIKE`` (with a pg_trgm index when the server has it). Every
write path that changes those fields calls :func:`refresh_search` in its own
transaction, so the index never lags behind the leads.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from cockpit_tui.domain.filters import fold

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session


def _ids_condition(column: str, lead_ids: Sequence[int], *, sqlite: bool) -> tuple[str, Any]:
    if sqlite:
        return f"{column} IN (SELECT value FROM json_each(:ids))", json.dumps(list(lead_ids))
    return f"{column} = ANY(:ids)", list(lead_ids)


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
    condition, ids = _ids_condition("m.lead_id", lead_ids, sqlite=sqlite)
    bodies: dict[int, list[str]] = defaultdict(list)
    for lead_id, body in executor.execute(
        text(f"SELECT m.lead_id, m.body FROM message m WHERE {condition} ORDER BY m.id"),
        {"ids": ids},
    ):
        bodies[int(lead_id)].append(body)
    found = []
    for lead_id, name, phone, email, vehicle, source in rows:
        parts = [
            fold(name or ""),
            (phone or "").lstrip("+"),
            (email or "").lower(),
            fold(vehicle or ""),
            fold(source or ""),
            fold(" ".join(bodies.get(int(lead_id), ()))),
        ]
        found.append((int(lead_id), " ".join(part for part in parts if part)))
    return found


def refresh_search(executor: Session | Connection, lead_ids: Sequence[int]) -> None:
    """Rebuild the documents of ``lead_ids`` inside the caller's transaction."""
    if not lead_ids:
        return
    sqlite = _is_sqlite(executor)
    key = "rowid" if sqlite else "lead_id"
    condition, ids = _ids_condition(key, lead_ids, sqlite=sqlite)
    executor.execute(text(f"DELETE FROM lead_search WHERE {condition}"), {"ids": ids})
    docs = documents(executor, lead_ids)
    if docs:
        executor.execute(
            text(f"INSERT INTO lead_search ({key}, doc) VALUES (:lead_id, :doc)"),
            [{"lead_id": lead_id, "doc": doc} for lead_id, doc in docs],
        )


def _is_sqlite(executor: Session | Connection) -> bool:
    bind = executor.get_bind() if hasattr(executor, "get_bind") else executor
    return bool(bind.dialect.name == "sqlite")
