"""The alerts' reads (issue 15), on the board's plain DB-API reader (no ORM).

Both are index ranges: the change log after the board's last seen entry
(its primary key), and the waiting leads whose deadline is still ahead
(``ix_lead_response_due``, a partial index on waiting leads).
"""

from __future__ import annotations

from cockpit_tui.domain.alerts import ALERTING_KINDS, LEAD_ASSIGNED
from cockpit_tui.store.reader import Row, StoreReader

_KINDS = ", ".join(f"'{kind}'" for kind in ALERTING_KINDS)
# The assignment a change-log entry records was written in the same transaction, at the same
# instant (store/distribution.py): its reason and whom the lead was taken from.
_ASSIGNMENT = (
    "(SELECT a.{column} FROM assignment a WHERE a.lead_id = c.lead_id AND a.at = c.at "
    "ORDER BY a.id DESC LIMIT 1)"
)


def alert_event_rows(reader: StoreReader, *, after_id: int, up_to_id: int) -> list[Row]:
    """Change-log entries that may alert, with their lead as it is now, oldest first.

    Returns:
        Rows of (change id, kind, lead id, actor, customer name, source,
        assigned_to, assignment reason, previous salesperson).
    """
    reason = _ASSIGNMENT.format(column="reason")
    previous = _ASSIGNMENT.format(column="previous")
    return reader.fetchall(
        "SELECT c.id, c.kind, c.lead_id, c.actor, cu.name, l.source, l.assigned_to, "
        f"CASE WHEN c.kind = '{LEAD_ASSIGNED}' THEN {reason} END, "
        f"CASE WHEN c.kind = '{LEAD_ASSIGNED}' THEN {previous} END "
        "FROM change_log c JOIN lead l ON l.id = c.lead_id "
        "JOIN customer cu ON cu.id = l.customer_id "
        f"WHERE c.id > ? AND c.id <= ? AND c.kind IN ({_KINDS}) ORDER BY c.id",
        (after_id, up_to_id),
    )


def due_soon_rows(reader: StoreReader, *, since: int, now: int, limit: int) -> list[Row]:
    """Waiting leads that entered the last stretch of their SLA in (``since``, ``now``].

    Args:
        reader: The store's reader.
        since: The previous check (UTC micros).
        now: The present (UTC micros).
        limit: Most rows.

    Returns:
        Rows of (lead id, customer name, source, assigned_to), nearest deadline first.
    """
    return reader.fetchall(
        "SELECT l.id, cu.name, l.source, l.assigned_to FROM lead l "
        "JOIN customer cu ON cu.id = l.customer_id "
        "WHERE l.waiting_since IS NOT NULL AND l.response_due_at > ? "
        "AND l.response_due_soon_at > ? AND l.response_due_soon_at <= ? "
        "ORDER BY l.response_due_at LIMIT ?",
        (now, since, now, limit),
    )
