"""The "sem lead" queue: feed messages that named no known lead, kept until one claims them.

Keyword-only functions on a connection or session inside the caller's
transaction (plain SQL, like the rest of intake).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from cockpit_tui.store.codec import from_micros, to_micros

if TYPE_CHECKING:
    from sqlalchemy import Connection


@dataclass(frozen=True, slots=True)
class UnmatchedMessage:
    """A queued message.

    Attributes:
        id: Its place in the queue.
        event_id: The feed's id of the event that carried it.
        at: When the customer sent it.
        received_at: When the feed delivered it.
        lead_ref: The lead id it named, if it named one.
        external_id: The sender's lead id it named (cleaned as stored leads' are).
        phone: The phone it named (E.164 when valid, else as written).
        body: The message.
    """

    id: int
    event_id: str
    at: datetime
    received_at: datetime
    lead_ref: int | None
    external_id: str | None
    phone: str | None
    body: str


_COLUMNS = "id, event_id, at, received_at, lead_ref, external_id, phone, body"


def keep(connection: Connection, message: UnmatchedMessage) -> None:
    """Queue a message (its ``id`` is chosen by the database)."""
    connection.execute(
        text(
            "INSERT INTO unmatched_message "
            "(event_id, at, received_at, lead_ref, external_id, phone, body) "
            "VALUES (:event_id, :at, :received_at, :lead_ref, :external_id, :phone, :body)"
        ),
        {
            "event_id": message.event_id,
            "at": to_micros(message.at),
            "received_at": to_micros(message.received_at),
            "lead_ref": message.lead_ref,
            "external_id": message.external_id,
            "phone": message.phone,
            "body": message.body,
        },
    )


def listed(connection: Connection) -> list[UnmatchedMessage]:
    """The whole queue, oldest first."""
    rows = connection.execute(text(f"SELECT {_COLUMNS} FROM unmatched_message ORDER BY id"))
    return [_message(row) for row in rows]


def any_waiting(connection: Connection) -> bool:
    """Whether any message waits in the queue (most of the time none does)."""
    return connection.scalar(text("SELECT 1 FROM unmatched_message LIMIT 1")) is not None


def claim(
    connection: Connection, *, external_id: str | None, phone: str | None
) -> list[UnmatchedMessage]:
    """Take out of the queue the messages that named this external id or phone, oldest first."""
    if not external_id and not phone:
        return []
    params = {"ext": external_id or "", "phone": phone or ""}
    where = "(external_id = :ext AND :ext <> '') OR (phone = :phone AND :phone <> '')"
    rows = connection.execute(
        text(f"SELECT {_COLUMNS} FROM unmatched_message WHERE {where} ORDER BY at, id"), params
    )
    found = [_message(row) for row in rows]
    if found:
        connection.execute(text(f"DELETE FROM unmatched_message WHERE {where}"), params)
    return found


def _message(row: Any) -> UnmatchedMessage:
    (id_, event_id, at, received_at, lead_ref, external_id, phone, body) = row
    return UnmatchedMessage(
        id=int(id_),
        event_id=str(event_id),
        at=from_micros(int(at)),
        received_at=from_micros(int(received_at)),
        lead_ref=None if lead_ref is None else int(lead_ref),
        external_id=None if external_id is None else str(external_id),
        phone=None if phone is None else str(phone),
        body=str(body),
    )
