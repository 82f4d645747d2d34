"""The SQL of the search index, as plain strings (no SQLAlchemy: the board imports it).

On SQLite the index is an FTS5 trigram table that keeps which documents hold
each trigram, not where (``detail=none``, migration 22: cheaper to write).
It cannot answer a phrase ("civic" as the trigrams "civ", "ivi", "vic" in a
row; FTS5 refuses phrase queries on such a table), so a term of four
characters or more is looked up as its trigrams, each anywhere in the
document, and confirmed with ``instr`` on each lead's document: the same
leads as a phrase query found, the index still narrowing the search. See
:mod:`cockpit_tui.store.search_index` for how the index is kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def match_clause(terms: Sequence[str], *, sqlite: bool) -> tuple[str, list[Any]]:
    """SQL (over ``l``, the lead) true for leads whose document holds every term.

    Terms are already folded (see :func:`cockpit_tui.domain.filters.search_terms`).
    On SQLite, terms of three characters or more use the trigram index, and
    those of four or more, like shorter ones, are then checked on each found
    lead's document (terms all shorter than three: every document is read).
    """
    if sqlite:
        return _sqlite_clause(terms, walk=False)
    conditions = ["doc LIKE ? ESCAPE '!'" for _ in terms]
    params = [
        "%" + term.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%" for term in terms
    ]
    return f"l.id IN (SELECT lead_id FROM lead_search WHERE {' AND '.join(conditions)})", params


def trigram_query(terms: Sequence[str]) -> str:
    """The FTS5 query asking for every trigram of ``terms`` (each at least three characters).

    Each trigram is a quoted string of its own (one token: no phrase, which
    ``detail=none`` refuses), a double quote in it doubled; a trigram two terms
    share, or one term repeats, is asked once.
    """
    trigrams = dict.fromkeys(
        term[start : start + 3] for term in terms for start in range(len(term) - 2)
    )
    return " AND ".join('"' + trigram.replace('"', '""') + '"' for trigram in trigrams)


def _document_check(count: int) -> str:
    """SQL true when lead ``l``'s document holds ``count`` terms (given as parameters).

    The document is read from the table where FTS5 stores it (``lead_search``'s
    ``_content``, column ``c0``, keyed by the rowid): a plain primary-key look-up
    costs half what going through the virtual table does, and a broad search
    makes thousands.
    """
    conditions = " AND ".join("instr(s.c0, ?) > 0" for _ in range(count))
    return f"EXISTS (SELECT 1 FROM lead_search_content s WHERE s.id = l.id AND {conditions})"


def walk_clause(terms: Sequence[str]) -> tuple[str, list[Any]] | None:
    """SQLite: :func:`match_clause`'s condition written for a walk of the board's index.

    A broad match (a common term, one or two letters) reads each column's
    first page by walking the board's index and checking each lead, which
    stops after a page, where the list form finds every match first. Terms
    shorter than three characters are checked on each lead's document; with
    a longer term, the index's look-up is listed once and each lead of the
    column is checked against that list (the ``+`` keeps SQLite from reading
    the leads through the list instead), then the document confirms the
    terms the look-up cannot. None when there is no term.
    """
    return _sqlite_clause(terms, walk=True) if terms else None


def _sqlite_clause(terms: Sequence[str], *, walk: bool) -> tuple[str, list[Any]]:
    long_terms = [term for term in terms if len(term) >= 3]
    if not long_terms:
        if walk:
            return _document_check(len(terms)), list(terms)
        where = " AND ".join("instr(doc, ?) > 0" for _ in terms)
        return f"l.id IN (SELECT rowid FROM lead_search WHERE {where})", list(terms)
    # A three-character term is one trigram: the look-up alone answers it.
    checked = [term for term in terms if len(term) != 3]
    sql = f"{'+' if walk else ''}l.id IN (SELECT rowid FROM lead_search WHERE lead_search MATCH ?)"
    if checked:
        sql += f" AND {_document_check(len(checked))}"
    return sql, [trigram_query(long_terms), *checked]
