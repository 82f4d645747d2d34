"""Queries and writes for leads typed or corrected by hand: contacts, customers, field edits.

Keyword-only functions taking a session; none commits.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import or_
from sqlalchemy.orm import Session
from sqlmodel import col, select

from cockpit_tui.store.tables import CustomerRow, LeadEditRow, LeadRow

#: Columns of negotiations still open (sold and lost ones are closed).
_CLOSED = ("sold", "lost")


def open_leads_with_contact(
    session: Session,
    *,
    phone: str | None,
    email: str | None,
    other_than_customer: int | None = None,
    limit: int = 20,
) -> list[int]:
    """Ids of open leads whose customer has ``phone`` or ``email``, newest first.

    Args:
        session: An open session.
        phone: E.164 phone to match (None: not matched).
        email: Lower-case e-mail to match (None: not matched).
        other_than_customer: Leave out this customer's own leads.
        limit: At most this many ids.
    """
    conditions = []
    if phone:
        conditions.append(col(CustomerRow.phone) == phone)
    if email:
        conditions.append(col(CustomerRow.email) == email)
    if not conditions:
        return []
    query = (
        select(LeadRow.id)
        .join(CustomerRow, col(CustomerRow.id) == col(LeadRow.customer_id))
        .where(or_(*conditions), col(LeadRow.status).not_in(_CLOSED))
    )
    if other_than_customer is not None:
        query = query.where(col(CustomerRow.id) != other_than_customer)
    query = query.order_by(col(LeadRow.created_at).desc(), col(LeadRow.id).desc()).limit(limit)
    return [int(lead_id) for lead_id in session.scalars(query) if lead_id is not None]


def customers_with_contact(
    session: Session, *, phone: str | None, email: str | None
) -> Sequence[CustomerRow]:
    """Customers with that phone or e-mail, oldest first."""
    conditions = []
    if phone:
        conditions.append(col(CustomerRow.phone) == phone)
    if email:
        conditions.append(col(CustomerRow.email) == email)
    if not conditions:
        return []
    return session.scalars(
        select(CustomerRow).where(or_(*conditions)).order_by(col(CustomerRow.id))
    ).all()


def get_customer(session: Session, *, customer_id: int) -> CustomerRow | None:
    """A customer by id."""
    return session.get(CustomerRow, customer_id)


def lead_ids_of_customer(session: Session, *, customer_id: int) -> list[int]:
    """Every negotiation of a customer (their search documents share the customer's fields)."""
    return [
        int(lead_id)
        for lead_id in session.scalars(
            select(LeadRow.id).where(col(LeadRow.customer_id) == customer_id)
        )
        if lead_id is not None
    ]


def insert_lead_edit(
    session: Session,
    *,
    lead_id: int,
    field: str,
    old_value: str | None,
    new_value: str | None,
    actor: str,
    at: datetime,
) -> LeadEditRow:
    """Record a corrected field in the lead's history."""
    row = LeadEditRow(
        lead_id=lead_id,
        field=field,
        old_value=old_value,
        new_value=new_value,
        actor=actor,
        at=at,
    )
    session.add(row)
    session.flush()
    return row


def edits_of_lead(session: Session, *, lead_id: int) -> Sequence[LeadEditRow]:
    """A lead's corrected fields, oldest first."""
    return session.scalars(
        select(LeadEditRow).where(col(LeadEditRow.lead_id) == lead_id).order_by(col(LeadEditRow.id))
    ).all()
