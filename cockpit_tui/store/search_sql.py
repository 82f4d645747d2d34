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
