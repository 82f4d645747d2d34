"""Round-robin distribution: new unassigned leads go to the salespeople on duty in turn.

Called inside the transaction that creates the leads, so a lead is never
seen unassigned by another process and is distributed exactly once: the
write transaction is serialised (``BEGIN IMMEDIATE`` on SQLite, the store's
write lock plus a row lock on the roster on PostgreSQL), and a lead that
already has a salesperson is left alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Connection, bindparam, text

from cockpit_tui.store.codec import to_micros
from cockpit_tui.store.duty import take_turns

#: ``assignment.reason`` of a lead given by the round-robin.
ROUND_ROBIN = "round-robin"
#: ``assignment.reason`` of a lead taken back by the rescue.
RESCUE = "rescue"


def stored_setting(connection: Connection, key: str) -> str | None:
    """A store setting as stored (None when never set), read in the caller's transaction."""
    found = connection.scalar(
        text("SELECT value FROM store_setting WHERE key = :key"), {"key": key}
    )
    return None if found is None else str(found)


def round_robin_on(connection: Connection) -> bool:
    """Whether the store distributes new leads (``distribution`` = ``round-robin``)."""
    return stored_setting(connection, "distribution") == ROUND_ROBIN


def record_assignment(
    connection: Connection,
    *,
    lead_id: int,
    assigned_to: str | None,
    reason: str,
    actor: str,
    now: datetime,
    previous: str | None = None,
) -> None:
    """Give a lead to ``assigned_to``, with the history line and the change-log entry.

    ``previous`` is whom it was taken from (a rescue alerts both salespeople).
    """
    at = to_micros(now)
    connection.execute(
        text("UPDATE lead SET assigned_to = :name WHERE id = :id"),
        {"name": assigned_to, "id": lead_id},
    )
    connection.execute(
        text(
            "INSERT INTO assignment (lead_id, assigned_to, actor, at, reason, previous) "
            "VALUES (:lead_id, :name, :actor, :at, :reason, :previous)"
        ),
        {
            "lead_id": lead_id,
            "name": assigned_to,
            "actor": actor,
            "at": at,
            "reason": reason,
            "previous": previous,
        },
    )
    connection.execute(
        text(
            "INSERT INTO change_log (at, kind, lead_id, actor) "
            "VALUES (:at, 'lead.assigned', :lead_id, :actor)"
        ),
        {"at": at, "lead_id": lead_id, "actor": actor},
    )


def distribute_new_leads(
    connection: Connection, *, lead_ids: Sequence[int], actor: str, now: datetime
) -> dict[int, str]:
    """Assign the unassigned ``lead_ids`` (just created) to the salespeople on duty, in turn.

    Does nothing unless ``distribution`` is ``round-robin`` and someone is on duty.

    Args:
        connection: Inside the write transaction that created the leads.
        lead_ids: The new leads, in arrival order.
        actor: Who runs the intake (recorded with the assignment).
        now: The present.

    Returns:
        Lead id → the salesperson it went to.
    """
    if not lead_ids or not round_robin_on(connection):
        return {}
    statement = text(
        "SELECT id FROM lead WHERE id IN :ids AND assigned_to IS NULL ORDER BY id"
    ).bindparams(bindparam("ids", expanding=True))
    waiting = [
        int(lead_id) for (lead_id,) in connection.execute(statement, {"ids": list(lead_ids)})
    ]
    names = take_turns(connection, len(waiting))
    given = dict(zip(waiting, names, strict=False))
    _record_assignments(connection, given, reason=ROUND_ROBIN, actor=actor, now=now)
    return given


def _record_assignments(
    connection: Connection, given: dict[int, str], *, reason: str, actor: str, now: datetime
) -> None:
    """:func:`record_assignment` for many leads, one statement of each kind."""
    if not given:
        return
    at = to_micros(now)
    rows = [
        {"lead_id": lead_id, "name": name, "actor": actor, "at": at, "reason": reason}
        for lead_id, name in given.items()
    ]
    connection.execute(text("UPDATE lead SET assigned_to = :name WHERE id = :lead_id"), rows)
    connection.execute(
        text(
            "INSERT INTO assignment (lead_id, assigned_to, actor, at, reason) "
            "VALUES (:lead_id, :name, :actor, :at, :reason)"
        ),
        rows,
    )
    connection.execute(
        text(
            "INSERT INTO change_log (at, kind, lead_id, actor) "
            "VALUES (:at, 'lead.assigned', :lead_id, :actor)"
        ),
        rows,
    )
