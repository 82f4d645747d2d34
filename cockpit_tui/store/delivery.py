"""The ``whatsapp_delivery`` and ``server_lease`` tables: the outbox on its way out.

A reply's row walks ``queued → sending → sent → delivered → read``, with
``retry`` after a transient error and ``failed`` at the end of the road.
``sending`` is the claim: it is committed before the request leaves, so a
server killed mid-send finds it on restart (see services/delivery.py for how
such a claim is reconciled). Every function runs inside the caller's
transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, text

from cockpit_tui.domain.templates import TemplateSend
from cockpit_tui.store.codec import from_micros, to_micros
from cockpit_tui.store.template_replies import template_send

#: Later states win over earlier ones when status webhooks arrive out of order.
STATE_RANK = {
    "queued": 0,
    "retry": 1,
    "sending": 1,
    "sent": 2,
    "delivered": 3,
    "read": 4,
    "failed": 5,
}
#: States a delivery is still in progress in.
PENDING_STATES = ("queued", "retry", "sending")


@dataclass(frozen=True, slots=True)
class DueReply:
    """A reply due for a send attempt (``template``: sent as that approved template)."""

    message_id: int
    lead_id: int
    phone: str | None
    body: str
    attempts: int
    first_attempt_at: datetime | None
    template: TemplateSend | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """A send attempt committed but not concluded."""

    message_id: int
    token: str
    claimed_at: datetime


@dataclass(frozen=True, slots=True)
class DeliveryRow:
    """Where one reply's delivery stands."""

    message_id: int
    state: str
    state_at: datetime
    error: str | None


def enqueue_new_replies(connection: Connection, *, now: datetime) -> int:
    """Give every undelivered outbound reply without a delivery row a ``queued`` one."""
    result = connection.execute(
        text(
            "INSERT INTO whatsapp_delivery (message_id, state, state_at, attempts) "
            "SELECT m.id, 'queued', :now, 0 FROM message m "
            "LEFT JOIN whatsapp_delivery d ON d.message_id = m.id "
            "WHERE m.direction = 'out' AND m.delivered_at IS NULL AND d.message_id IS NULL"
        ),
        {"now": to_micros(now)},
    )
    return int(result.rowcount or 0)


def due_replies(connection: Connection, *, now: datetime, limit: int) -> list[DueReply]:
    """Replies whose next attempt is due, oldest first."""
    rows = connection.execute(
        text(
            "SELECT m.id, m.lead_id, c.phone, m.body, d.attempts, d.first_attempt_at, "
            "t.template_name, t.language, t.parameters "
            "FROM whatsapp_delivery d JOIN message m ON m.id = d.message_id "
            "JOIN lead l ON l.id = m.lead_id JOIN customer c ON c.id = l.customer_id "
            "LEFT JOIN whatsapp_template_reply t ON t.message_id = m.id "
            "WHERE d.state IN ('queued', 'retry') AND m.delivered_at IS NULL "
            "AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= :now) "
            "ORDER BY m.id LIMIT :limit"
        ),
        {"now": to_micros(now), "limit": limit},
    )
    return [
        DueReply(
            message_id=int(message_id),
            lead_id=int(lead_id),
            phone=phone,
            body=str(body),
            attempts=int(attempts),
            first_attempt_at=None if first is None else from_micros(int(first)),
            template=template_send(name, language, parameters),
        )
        for message_id, lead_id, phone, body, attempts, first, name, language, parameters in rows
    ]


def next_due_at(connection: Connection) -> datetime | None:
    """When the earliest scheduled retry is due (None: nothing scheduled)."""
    found = connection.scalar(
        text("SELECT MIN(next_attempt_at) FROM whatsapp_delivery WHERE state = 'retry'")
    )
    return None if found is None else from_micros(int(found))


def claim(
    connection: Connection, *, message_id: int, token: str, holder: str, now: datetime
) -> bool:
    """Mark a due reply ``sending`` under ``token``, if ``holder`` still holds the lease."""
    if not holds_lease(connection, name="delivery", holder=holder, now=now):
        return False
    result = connection.execute(
        text(
            "UPDATE whatsapp_delivery SET state = 'sending', state_at = :now, "
            "claim_token = :token, claimed_by = :holder, claimed_at = :now, "
            "attempts = attempts + 1, first_attempt_at = COALESCE(first_attempt_at, :now) "
            "WHERE message_id = :id AND state IN ('queued', 'retry')"
        ),
        {"id": message_id, "token": token, "holder": holder, "now": to_micros(now)},
    )
    return bool(result.rowcount)


def open_claims(connection: Connection) -> list[Claim]:
    """Send attempts committed and never concluded (a crash, a timeout)."""
    rows = connection.execute(
        text(
            "SELECT message_id, claim_token, claimed_at FROM whatsapp_delivery "
            "WHERE state = 'sending' ORDER BY message_id"
        )
    )
    return [Claim(int(mid), str(token), from_micros(int(at))) for mid, token, at in rows]


def conclude(
    connection: Connection,
    *,
    message_id: int,
    token: str,
    state: str,
    now: datetime,
    wa_message_id: str | None = None,
    next_attempt_at: datetime | None = None,
    error: str | None = None,
) -> int | None:
    """End the send attempt ``token``: ``sent``, ``retry`` or ``failed``.

    Returns:
        The reply's lead id, or None when the claim is no longer current (a
        status webhook or another server concluded it first): nothing changed.
    """
    params = {
        "id": message_id,
        "token": token,
        "state": state,
        "now": to_micros(now),
        "wa": wa_message_id,
        "next": None if next_attempt_at is None else to_micros(next_attempt_at),
        "error": error,
    }
    result = connection.execute(
        text(
            "UPDATE whatsapp_delivery SET state = :state, state_at = :now, "
            "wa_message_id = COALESCE(:wa, wa_message_id), next_attempt_at = :next, "
            "error = :error, claim_token = NULL "
            "WHERE message_id = :id AND claim_token = :token AND state = 'sending'"
        ),
        params,
    )
    if not result.rowcount:
        return None
    if state == "sent":
        _mark_message_delivered(connection, message_id=message_id, now=now)
    return _lead_of(connection, message_id)


def apply_status(
    connection: Connection,
    *,
    wa_message_id: str,
    claim_token: str | None,
    state: str,
    at: datetime,
    error: str | None,
) -> int | None:
    """A status webhook: move the reply it names forward.

    The reply is found by WhatsApp's id, or, for a send whose answer never
    reached us (a crash, a timeout), by the claim token we passed as
    ``biz_opaque_callback_data``: that proves the API accepted the send.

    Returns:
        The reply's lead id when something changed, else None.
    """
    row = connection.execute(
        text("SELECT message_id, state FROM whatsapp_delivery WHERE wa_message_id = :wa"),
        {"wa": wa_message_id},
    ).first()
    if row is None and claim_token:
        row = connection.execute(
            text(
                "SELECT message_id, state FROM whatsapp_delivery "
                "WHERE claim_token = :token AND state IN ('sending', 'retry', 'queued')"
            ),
            {"token": claim_token},
        ).first()
    if row is None:
        return None
    message_id, current = int(row[0]), str(row[1])
    if STATE_RANK[state] <= STATE_RANK[current] and current != "sending":
        return None
    connection.execute(
        text(
            "UPDATE whatsapp_delivery SET state = :state, state_at = :at, wa_message_id = :wa, "
            "claim_token = NULL, next_attempt_at = NULL, error = :error WHERE message_id = :id"
        ),
        {
            "state": state,
            "at": to_micros(at),
            "wa": wa_message_id,
            "error": error,
            "id": message_id,
        },
    )
    if state == "failed":
        connection.execute(
            text("UPDATE message SET delivered_at = NULL WHERE id = :id"), {"id": message_id}
        )
    else:
        _mark_message_delivered(connection, message_id=message_id, now=at)
    return _lead_of(connection, message_id)


def requeue(connection: Connection, *, message_id: int, now: datetime) -> int | None:
    """Put a failed reply back in the queue (the user asked); returns its lead id."""
    result = connection.execute(
        text(
            "UPDATE whatsapp_delivery SET state = 'queued', state_at = :now, attempts = 0, "
            "first_attempt_at = NULL, next_attempt_at = NULL, error = NULL, "
            "wa_message_id = NULL WHERE message_id = :id AND state = 'failed'"
        ),
        {"id": message_id, "now": to_micros(now)},
    )
    return _lead_of(connection, message_id) if result.rowcount else None


def requeue_failed_of_lead(connection: Connection, *, lead_id: int, now: datetime) -> int:
    """Put every failed reply of a lead back in the queue (the user asked); how many."""
    result = connection.execute(
        text(
            "UPDATE whatsapp_delivery SET state = 'queued', state_at = :now, attempts = 0, "
            "first_attempt_at = NULL, next_attempt_at = NULL, error = NULL, "
            "wa_message_id = NULL WHERE state = 'failed' AND message_id IN "
            "(SELECT id FROM message WHERE lead_id = :lead)"
        ),
        {"lead": lead_id, "now": to_micros(now)},
    )
    return int(result.rowcount or 0)


def deliveries_of_lead(connection: Connection, *, lead_id: int) -> list[DeliveryRow]:
    """The delivery state of each of a lead's replies that the server handled."""
    rows = connection.execute(
        text(
            "SELECT d.message_id, d.state, d.state_at, d.error FROM whatsapp_delivery d "
            "JOIN message m ON m.id = d.message_id WHERE m.lead_id = :lead ORDER BY d.message_id"
        ),
        {"lead": lead_id},
    )
    return [DeliveryRow(int(mid), str(s), from_micros(int(at)), e) for mid, s, at, e in rows]


def in_flight_for_customer(connection: Connection, *, customer_id: int) -> bool:
    """Whether a reply to this customer is queued, being sent or waiting for a retry."""
    found = connection.scalar(
        text(
            "SELECT 1 FROM message m JOIN lead l ON l.id = m.lead_id "
            "LEFT JOIN whatsapp_delivery d ON d.message_id = m.id "
            "WHERE l.customer_id = :customer AND m.direction = 'out' "
            "AND m.delivered_at IS NULL "
            "AND (d.message_id IS NULL OR d.state IN ('queued', 'retry', 'sending')) LIMIT 1"
        ),
        {"customer": customer_id},
    )
    return found is not None


def last_inbound_at(connection: Connection, *, lead_id: int) -> datetime | None:
    """When the lead's customer last wrote, on this lead or another of theirs (None: never).

    WhatsApp's window belongs to the conversation with the person, not to one
    negotiation: a message on a closed lead opens it for the new one too.
    """
    found = connection.scalar(
        text(
            "SELECT MAX(m.at) FROM message m JOIN lead l ON l.id = m.lead_id "
            "WHERE m.direction = 'in' AND l.customer_id = "
            "(SELECT customer_id FROM lead WHERE id = :lead)"
        ),
        {"lead": lead_id},
    )
    return None if found is None else from_micros(int(found))


# -- the lease ---------------------------------------------------------------


def take_lease(
    connection: Connection,
    *,
    name: str,
    holder: str,
    now: datetime,
    until: datetime,
    holder_gone: Callable[[str], bool],
) -> bool:
    """Take or renew lease ``name`` until ``until``; False while another live holder has it."""
    row = connection.execute(
        text("SELECT holder, expires_at FROM server_lease WHERE name = :name"), {"name": name}
    ).first()
    params = {"name": name, "holder": holder, "until": to_micros(until)}
    if row is None:
        connection.execute(
            text(
                "INSERT INTO server_lease (name, holder, expires_at) "
                "VALUES (:name, :holder, :until)"
            ),
            params,
        )
        return True
    current, expires_at = str(row[0]), int(row[1])
    if current != holder and expires_at > to_micros(now) and not holder_gone(current):
        return False
    connection.execute(
        text("UPDATE server_lease SET holder = :holder, expires_at = :until WHERE name = :name"),
        params,
    )
    return True


def holds_lease(connection: Connection, *, name: str, holder: str, now: datetime) -> bool:
    """Whether ``holder`` holds lease ``name`` now."""
    found = connection.scalar(
        text(
            "SELECT 1 FROM server_lease WHERE name = :name AND holder = :holder "
            "AND expires_at > :now"
        ),
        {"name": name, "holder": holder, "now": to_micros(now)},
    )
    return found is not None


def release_lease(connection: Connection, *, name: str, holder: str) -> None:
    """Give lease ``name`` up (a clean shutdown), so another server takes over at once."""
    connection.execute(
        text("DELETE FROM server_lease WHERE name = :name AND holder = :holder"),
        {"name": name, "holder": holder},
    )


def _mark_message_delivered(connection: Connection, *, message_id: int, now: datetime) -> None:
    connection.execute(
        text("UPDATE message SET delivered_at = :now WHERE id = :id AND delivered_at IS NULL"),
        {"id": message_id, "now": to_micros(now)},
    )


def _lead_of(connection: Connection, message_id: int) -> int:
    return int(
        connection.scalar(text("SELECT lead_id FROM message WHERE id = :id"), {"id": message_id})
    )


def log_delivery_change(connection: Connection, *, lead_id: int, actor: str, at: datetime) -> None:
    """Tell open boards and lead screens that a reply's delivery state changed."""
    connection.execute(
        text("INSERT INTO change_log (at, kind, lead_id, actor) VALUES (:at, :kind, :lead, :by)"),
        {"at": to_micros(at), "kind": "message.delivery", "lead": lead_id, "by": actor},
    )
