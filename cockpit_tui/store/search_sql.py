"""The SQL of the search index, as plain strings (no SQLAlchemy: the board imports it).

See :mod:`cockpit_tui.store.search_index` for how the index is kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def match_clause(terms: Sequence[str], *, sqlite: bool) -> tuple[str, list[Any]]:
    """SQL (over ``l``, the lead) true for leads whose document holds every term.

    Terms are already folded (see :func:`cockpit_tui.domain.filters.search_terms`).
    On SQLite, terms of three characters or more use the trigram index;
    shorter ones are checked on the matching documents (or scanned alone).
    """
    if sqlite:
        long_terms = [term for term in terms if len(term) >= 3]
        short_terms = [term for term in terms if len(term) < 3]
        conditions, params = [], []
        if long_terms:
            conditions.append("lead_search MATCH ?")
            params.append(" AND ".join('"' + term.replace('"', '""') + '"' for term in long_terms))
        for term in short_terms:
            conditions.append("instr(doc, ?) > 0")
            params.append(term)
        where = " AND ".join(conditions)
        return f"l.id IN (SELECT rowid FROM lead_search WHERE {where})", params
    conditions = ["doc LIKE ? ESCAPE '!'" for _ in terms]
    params = [
        "%" + term.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%" for term in terms
    ]
    return f"l.id IN (SELECT lead_id FROM lead_search WHERE {' AND '.join(conditions)})", params


def short_walk_clause(terms: Sequence[str]) -> tuple[str, list[Any]] | None:
    """SQLite: the same condition as :func:`match_clause` checked on one lead's document.

    Only for searches whose terms are all shorter than three characters (no
    trigram look-up to start from): walking the board's index and checking
    each lead's document stops after a page of a broad match ("c" keeps nearly
    every lead), where the list form reads every document first. None when a
    term is long enough for the trigram index.
    """
    if not terms or any(len(term) >= 3 for term in terms):
        return None
    conditions = " AND ".join("instr(s.doc, ?) > 0" for _ in terms)
    return f"EXISTS (SELECT 1 FROM lead_search s WHERE s.rowid = l.id AND {conditions})", list(
        terms
    )
