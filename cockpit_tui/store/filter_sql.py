"""The SQL condition of a :class:`LeadFilter`: search text and quick filters over ``l``.

Plain strings, no SQLAlchemy (the board imports this on the first filter).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from cockpit_tui.domain.filters import STALE_DAYS, LeadFilter, QuickFilter, search_terms
from cockpit_tui.domain.statuses import CLOSED_STATUSES
from cockpit_tui.store.codec import to_micros
from cockpit_tui.store.reader import Clause
from cockpit_tui.store.search_sql import match_clause, walk_clause

#: Sold and not sold, as SQL (a closed lead has no overdue appointment).
_CLOSED_STATUSES = ", ".join(f"'{status.value}'" for status in CLOSED_STATUSES)

#: The condition of each quick filter that takes no value but the present.
_QUICK_SQL: dict[QuickFilter, str] = {
    QuickFilter.UNASSIGNED: "l.assigned_to IS NULL",
    QuickFilter.ATTENTION: "l.needs_attention = 1",
    QuickFilter.UNREAD: "l.unread_count > 0",
}


def filter_clause(
    lead_filter: LeadFilter,
    *,
    actor: str,
    now: datetime,
    sqlite: bool,
    source_spellings: Sequence[str] = (),
) -> Clause | None:
    """The SQL condition (over ``l``, the lead) for ``lead_filter``; None when nothing is filtered.

    Args:
        lead_filter: The search and quick filters.
        actor: The user ("only mine").
        now: The present (overdue appointments, stale leads).
        sqlite: Whether the store is SQLite (the search index differs).
        source_spellings: Every stored spelling of the filter's source ("Telefone",
            "telefone"); none: the source as the filter names it.
    """
    parts: list[str] = []
    params: list[object] = []
    terms = search_terms(lead_filter.search)
    walk = walk_clause(terms) if sqlite else None
    if terms:
        sql, values = match_clause(terms, sqlite=sqlite)
        parts.append(sql)
        params += values
    quick = lead_filter.quick
    if QuickFilter.MINE in quick:
        parts.append("l.assigned_to = ?")
        params.append(actor)
    parts += [sql for chosen, sql in _QUICK_SQL.items() if chosen in quick]
    if QuickFilter.OVERDUE in quick:
        # A sold or lost lead's pending visit is moot, not late.
        parts.append(
            "l.next_appointment_at IS NOT NULL AND l.next_appointment_at < ?"
            f" AND l.status NOT IN ({_CLOSED_STATUSES})"
        )
        params.append(to_micros(now))
    if QuickFilter.STALE in quick:
        cases = " ".join(f"WHEN '{status.value}' THEN ?" for status in STALE_DAYS)
        parts.append(f"l.last_activity_at < CASE l.status {cases} END")
        params += [to_micros(now - timedelta(days=days)) for days in STALE_DAYS.values()]
    if lead_filter.source:
        spellings = list(source_spellings) or [lead_filter.source]
        parts.append(f"l.source IN ({', '.join('?' for _ in spellings)})")
        params += spellings
    if lead_filter.salesperson:
        parts.append("l.assigned_to = ?")
        params.append(lead_filter.salesperson)
    if not parts:
        return None
    walk_sql = None
    if walk is not None:
        # The same parameters in the same order: only the search's own part differs.
        walk_sql = " AND ".join(f"({part})" for part in [walk[0], *parts[1:]])
    return Clause(
        " AND ".join(f"({part})" for part in parts),
        tuple(params),
        walk_sql=walk_sql,
        scans=walk is not None and all(len(term) < 3 for term in terms),
    )
