"""What a search or quick filter keeps, as a value the UI holds and hands back to services.

The UI builds a :class:`~cockpit_tui.domain.filters.LeadFilter`, asks
:meth:`BoardService.scope <cockpit_tui.services.board.BoardService.scope>` for
its :class:`LeadScope` once, and passes that scope to every board and list
query. What the scope holds (the store's SQL condition) stays opaque above
the services.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from cockpit_tui.domain.filters import LeadFilter
from cockpit_tui.domain.records import Record, set_field
from cockpit_tui.store.reader import Clause


class LeadScope(Record):
    """The leads a filter keeps, fixed at the moment it was built.

    Attributes:
        lead_filter: The search and quick filters it was built from.
        clause: The store's condition for them (for services only).
    """

    __slots__ = ("clause", "lead_filter")
    lead_filter: LeadFilter
    clause: Clause

    def __init__(self, lead_filter: LeadFilter, clause: Clause) -> None:
        set_field(self, "lead_filter", lead_filter)
        set_field(self, "clause", clause)


#: What narrows a board or list query: a scope, or None for every lead.
Where = LeadScope | None


def build_scope(
    lead_filter: LeadFilter,
    *,
    actor: str,
    now: datetime,
    sqlite: bool,
    source_spellings: Sequence[str] = (),
) -> LeadScope | None:
    """The scope of ``lead_filter``; None when it keeps every lead.

    Args:
        lead_filter: The search and quick filters.
        actor: The user ("only mine").
        now: The present (overdue appointments, stale leads).
        sqlite: Whether the store is SQLite (the search index differs).
        source_spellings: Every stored spelling of the filter's source (none: as typed).
    """
    from cockpit_tui.store.filter_sql import filter_clause  # lazy: the first filter pays

    clause = filter_clause(
        lead_filter, actor=actor, now=now, sqlite=sqlite, source_spellings=source_spellings
    )
    return None if clause is None else LeadScope(lead_filter, clause)


def clause_of(where: Where) -> Clause | None:
    """The store's condition of a scope, None for every lead."""
    return None if where is None else where.clause
