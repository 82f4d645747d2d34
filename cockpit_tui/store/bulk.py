"""Fast insertion of many leads with their history (demo seeding, benchmarks).

Core ``executemany`` in chunks, one transaction per chunk, with ids chosen
up front so messages and appointments can point at their lead without a
round trip per row. The change log gets one row per lead, like a live add.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from itertools import islice
from typing import Any

from sqlalchemy import Engine, Table, func, insert, select
from sqlmodel import SQLModel, col

from cockpit_tui.domain import attention
from cockpit_tui.domain.models import LeadCreate
from cockpit_tui.domain.phones import normalize_phone
from cockpit_tui.domain.sanitize import clean_message, clean_optional, clean_text
from cockpit_tui.store.engine import sync_serial_ids, write_session
from cockpit_tui.store.response_clock import ResponsePolicy, response_policy
from cockpit_tui.store.search_index import refresh_search
from cockpit_tui.store.tables import CustomerRow, LeadRow

CHUNK_SIZE = 5000


def _chunks(items: Iterable[LeadCreate], size: int) -> Iterator[list[LeadCreate]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _table(name: str) -> Table:
    return SQLModel.metadata.tables[name]


def _clock_columns(
    spec: LeadCreate, waiting_since: datetime | None, policy: ResponsePolicy
) -> dict[str, Any]:
    """The response clock of a lead with history (see :mod:`.response_clock`).

    The first response is the earliest reply or the salesperson's action; an
    open lead still on top for attention waits since it came on top.
    """
    responses = [m.at for m in spec.messages if m.direction.value == "out"]
    responses += [spec.acted_at] if spec.acted_at is not None else []
    first = min(responses, default=None)
    if spec.status.is_closed:
        waiting_since = None
    marks = policy.marks(waiting_since) if waiting_since is not None else None
    return {
        "waiting_since": waiting_since,
        "response_due_soon_at": marks.due_soon_at if marks else None,
        "response_due_at": marks.due_at if marks else None,
        "first_response_at": first,
        "first_response_seconds": policy.seconds(spec.created_at, first) if first else None,
    }


def insert_leads(
    engine: Engine,
    specs: Iterable[LeadCreate],
    *,
    actor: str,
    now: datetime,
    on_chunk: Callable[[int], None] | None = None,
) -> int:
    """Insert leads (each with a new customer) and their messages and appointments.

    Text is sanitised and phones normalised here as on every other write path.

    Args:
        engine: The store's engine.
        specs: The leads to create.
        actor: Recorded in the change log.
        now: Instant of the change-log rows.
        on_chunk: Called with the number of leads just committed.

    Returns:
        How many leads were inserted.
    """
    inserted = 0
    policy: ResponsePolicy | None = None
    for chunk in _chunks(specs, CHUNK_SIZE):
        with write_session(engine) as session:
            if policy is None:
                policy = response_policy(session.connection())
            next_customer = int(session.scalar(select(func.max(col(CustomerRow.id)))) or 0) + 1
            next_lead = int(session.scalar(select(func.max(col(LeadRow.id)))) or 0) + 1
            customers: list[dict[str, Any]] = []
            leads: list[dict[str, Any]] = []
            messages: list[dict[str, Any]] = []
            appointments: list[dict[str, Any]] = []
            changes: list[dict[str, Any]] = []
            for offset, spec in enumerate(chunk):
                customer_id, lead_id = next_customer + offset, next_lead + offset
                created = spec.created_at
                customers.append(
                    {
                        "id": customer_id,
                        "name": clean_text(spec.name) or "?",
                        "phone": normalize_phone(spec.phone) if spec.phone else None,
                        "email": (clean_optional(spec.email) or "").lower() or None,
                        "created_at": created,
                    }
                )
                state = attention.replay(
                    spec.created_at,
                    [(m.at, m.direction.value, m.read) for m in spec.messages],
                    acted_at=spec.acted_at,
                )
                appointment_at = spec.next_appointment[1] if spec.next_appointment else None
                leads.append(
                    {
                        "id": lead_id,
                        "customer_id": customer_id,
                        "status": spec.status.value,
                        "version": 1,
                        "assigned_to": clean_optional(spec.assigned_to, max_length=100),
                        "vehicle": clean_optional(spec.vehicle),
                        "price": spec.price,
                        "source": clean_optional(spec.source),
                        "external_id": clean_optional(spec.external_id),
                        "created_at": created,
                        "last_activity_at": state.last_activity_at,
                        "attention_at": state.attention_at,
                        "unread_count": state.unread_count,
                        "needs_attention": 1 if state.attention_at is not None else 0,
                        "sort_at": attention.sort_at(state),
                        "next_appointment_at": appointment_at,
                        **_clock_columns(spec, state.attention_at, policy),
                    }
                )
                for message in spec.messages:
                    is_reply = message.direction.value == "in" and message.at > spec.created_at
                    messages.append(
                        {
                            "lead_id": lead_id,
                            "direction": message.direction.value,
                            "body": clean_message(message.body),
                            "at": message.at,
                            "author": clean_optional(message.author, max_length=100),
                            "read_at": None if is_reply and not message.read else message.at,
                            "delivered_at": message.at
                            if message.direction.value == "out"
                            else None,
                        }
                    )
                if spec.next_appointment is not None:
                    kind, at = spec.next_appointment
                    appointments.append(
                        {
                            "lead_id": lead_id,
                            "kind": kind.value,
                            "at": at,
                            "occurred": None,
                            "created_by": clean_optional(spec.assigned_to) or actor,
                            "created_at": created,
                        }
                    )
                changes.append(
                    {"at": now, "kind": "lead.created", "lead_id": lead_id, "actor": actor}
                )
            connection = session.connection()
            connection.execute(insert(_table("customer")), customers)
            connection.execute(insert(_table("lead")), leads)
            if messages:
                connection.execute(insert(_table("message")), messages)
            if appointments:
                connection.execute(insert(_table("appointment")), appointments)
            connection.execute(insert(_table("change_log")), changes)
            sync_serial_ids(connection, ("customer", "lead"))
            refresh_search(connection, [lead["id"] for lead in leads])
        inserted += len(chunk)
        if on_chunk is not None:
            on_chunk(len(chunk))
    return inserted
