"""Everything the store holds about one customer: find, export rows, anonymise.

Keyword-only functions that take a session opened by the caller (none
commits). The export walks the tables that reference a customer or a lead
(:data:`LEAD_TABLES`, :data:`CUSTOMER_TABLES`); a test compares those with
the schema's foreign keys, so a new table cannot be forgotten silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cockpit_tui.store.codec import print_key
from cockpit_tui.store.search_index import refresh_search
from cockpit_tui.store.tables import table_named
from cockpit_tui.store.template_replies import clear_template_parameters

_customer = table_named("customer")
_lead = table_named("lead")
_message = table_named("message")
_note = table_named("note")

#: Tables with a row per lead event, exported inside each lead (ordered by id).
LEAD_TABLES: tuple[sa.Table, ...] = tuple(
    table_named(name)
    for name in (
        "status_change",
        "message",
        "note",
        "appointment",
        "outcome",
        "assignment",
        "change_log",
        "import_fingerprint",
        "lead_edit",
        "handled",
        "undo_step",
    )
)
#: Tables with a row per customer event, exported beside the customer.
CUSTOMER_TABLES: tuple[sa.Table, ...] = (table_named("consent"), table_named("audit"))


def find_customers(
    session: Session,
    *,
    phone: str | None = None,
    email: str | None = None,
    customer_ids: Sequence[int] | None = None,
) -> list[dict[str, Any]]:
    """Customers with this phone, this e-mail or these ids, by id."""
    query = sa.select(_customer).order_by(_customer.c.id)
    if phone is not None:
        query = query.where(_customer.c.phone == phone)
    if email is not None:
        query = query.where(sa.func.lower(_customer.c.email) == email.lower())
    if customer_ids is not None:
        query = query.where(_customer.c.id.in_(list(customer_ids)))
    return [dict(row) for row in session.execute(query).mappings()]


def customer_names(session: Session) -> list[tuple[int, str]]:
    """Every customer's (id, name), for a search by name folded in Python."""
    rows = session.execute(sa.select(_customer.c.id, _customer.c.name).order_by(_customer.c.id))
    return [(int(customer_id), name) for customer_id, name in rows]


def leads_of(session: Session, *, customer_ids: Sequence[int]) -> list[dict[str, Any]]:
    """The leads of these customers, by id."""
    query = sa.select(_lead).where(_lead.c.customer_id.in_(list(customer_ids))).order_by(_lead.c.id)
    return [dict(row) for row in session.execute(query).mappings()]


def rows_of_lead(session: Session, *, table: sa.Table, lead_id: int) -> list[dict[str, Any]]:
    """Every row of ``table`` about one lead, in the order they were written."""
    order = table.c.id if "id" in table.c else table.c.at
    query = sa.select(table).where(table.c.lead_id == lead_id).order_by(order)
    rows = [dict(row) for row in session.execute(query).mappings()]
    if table.name == "import_fingerprint":
        # Also as the hash it is: the 32 hexadecimal digits the store keeps of it.
        for row in rows:
            key = print_key(row["fingerprint_hi"], row["fingerprint_lo"])
            row["fingerprint"] = f"{key:032x}"

    return rows


def rows_of_customer(
    session: Session, *, table: sa.Table, customer_id: int
) -> list[dict[str, Any]]:
    """Every row of ``table`` about one customer, by id."""
    query = sa.select(table).where(table.c.customer_id == customer_id).order_by(table.c.id)
    return [dict(row) for row in session.execute(query).mappings()]


def count_text(session: Session, *, lead_ids: Sequence[int]) -> tuple[int, int]:
    """How many (messages, notes) the leads hold."""
    counts = []
    for table in (_message, _note):
        found = session.scalar(
            sa.select(sa.func.count()).where(table.c.lead_id.in_(list(lead_ids)))
        )
        counts.append(int(found or 0))
    return counts[0], counts[1]


def deliveries_in_flight(session: Session, *, customer_id: int) -> list[int]:
    """Ids of outbound messages to this customer that a connector may be delivering now.

    A waiting message (``delivered_at`` empty) counts unless ``cockpit serve``
    has given up on it (its delivery failed: nothing is on its way until the
    user retries). Erasing under a message on its way would send a text to a
    person the store no longer knows.
    """
    delivery = sa.table("whatsapp_delivery", sa.column("message_id"), sa.column("state"))
    given_up = sa.exists().where(
        delivery.c.message_id == _message.c.id, delivery.c.state == "failed"
    )
    query = (
        sa.select(_message.c.id)
        .join(_lead, _lead.c.id == _message.c.lead_id)
        .where(
            _lead.c.customer_id == customer_id,
            _message.c.direction == "out",
            _message.c.delivered_at.is_(None),
            ~given_up,
        )
        .order_by(_message.c.id)
    )
    return [int(found) for found in session.scalars(query)]


def anonymise_customer(
    session: Session, *, customer_id: int, name: str, at: datetime, actor: str
) -> list[int]:
    """Clear a customer's personal data in the caller's transaction; return their lead ids.

    The name becomes ``name``; phone, e-mail, external ids, message and note
    texts, trade-in vehicles, loss notes and the values of corrected fields
    are cleared; the fingerprints of imported rows (hashes of the person's
    data) are deleted; the search documents are rebuilt. Leads, statuses,
    times, appointments and outcomes stay, so reports keep their counts. Each
    lead gets a change-log entry so open boards repaint it.
    """
    session.execute(
        sa.update(_customer)
        .where(_customer.c.id == customer_id)
        .values(name=name, phone=None, email=None, erased_at=at)
    )
    lead_ids = [
        int(found)
        for found in session.scalars(
            sa.select(_lead.c.id).where(_lead.c.customer_id == customer_id).order_by(_lead.c.id)
        )
    ]
    if not lead_ids:
        return lead_ids
    outcome = table_named("outcome")
    fingerprint = table_named("import_fingerprint")
    changes = table_named("change_log")
    session.execute(sa.update(_lead).where(_lead.c.id.in_(lead_ids)).values(external_id=None))
    for table in (_message, _note):
        session.execute(sa.update(table).where(table.c.lead_id.in_(lead_ids)).values(body=""))
    clear_template_parameters(session, lead_ids=lead_ids)  # the name, vehicle … sent in them
    session.execute(
        sa.update(outcome).where(outcome.c.lead_id.in_(lead_ids)).values(note=None, trade_in=None)
    )
    session.execute(sa.delete(fingerprint).where(fingerprint.c.lead_id.in_(lead_ids)))
    edits = table_named("lead_edit")  # a corrected name or phone keeps the old one: clear both
    session.execute(
        sa.update(edits).where(edits.c.lead_id.in_(lead_ids)).values(old_value=None, new_value=None)
    )
    refresh_search(session, lead_ids)
    session.execute(
        sa.insert(changes),
        [
            {"at": at, "kind": "customer.erased", "lead_id": lead_id, "actor": actor}
            for lead_id in lead_ids
        ],
    )
    return lead_ids


def retention_candidates(session: Session, *, inactive_before: datetime) -> list[int]:
    """Customers not yet erased whose leads are all closed and idle since before the date."""
    open_leads = sa.select(_lead.c.id).where(
        _lead.c.customer_id == _customer.c.id, _lead.c.status.not_in(("sold", "lost"))
    )
    recent = sa.select(_lead.c.id).where(
        _lead.c.customer_id == _customer.c.id,
        _lead.c.last_activity_at >= inactive_before,
    )
    any_lead = sa.select(_lead.c.id).where(_lead.c.customer_id == _customer.c.id)
    query = (
        sa.select(_customer.c.id)
        .where(
            _customer.c.erased_at.is_(None),
            any_lead.exists(),
            ~open_leads.exists(),
            ~recent.exists(),
        )
        .order_by(_customer.c.id)
    )
    return [int(found) for found in session.scalars(query)]
