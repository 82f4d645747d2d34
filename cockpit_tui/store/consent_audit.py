"""Consent records and the audit table: keyword-only functions inside the caller's transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from cockpit_tui.store.tables import table_named

_consent = table_named("consent")
_audit = table_named("audit")
_customer = table_named("customer")


def customer_exists(session: Session, *, customer_id: int) -> bool:
    """Whether a customer has this id."""
    found = session.scalar(sa.select(_customer.c.id).where(_customer.c.id == customer_id))
    return found is not None


def insert_consent(
    session: Session | Connection,
    *,
    customer_id: int,
    channel: str,
    state: str,
    source: str,
    actor: str,
    at: datetime,
) -> None:
    """Record a change of consent."""
    session.execute(
        sa.insert(_consent).values(
            customer_id=customer_id, channel=channel, state=state, source=source, actor=actor, at=at
        )
    )


def insert_consents(session: Session | Connection, *, rows: list[dict[str, Any]]) -> None:
    """Record many changes of consent in one statement (an import's chunk), in list order.

    Each row has the keyword arguments of :func:`insert_consent`.
    """
    if rows:
        session.execute(sa.insert(_consent), rows)


def consent_rows(session: Session, *, customer_id: int) -> list[dict[str, Any]]:
    """A customer's consent records, in the order they were made."""
    query = sa.select(_consent).where(_consent.c.customer_id == customer_id).order_by(_consent.c.id)
    return [dict(row) for row in session.execute(query).mappings()]


def customer_ids_by_contact(
    session: Session | Connection, *, phones: list[str], emails: list[str]
) -> dict[str, int]:
    """Customer ids by ``phone:…`` / ``email:…`` key (the intake's identity keys)."""
    found: dict[str, int] = {}
    if phones:
        query = sa.select(_customer.c.id, _customer.c.phone).where(_customer.c.phone.in_(phones))
        for customer_id, phone in session.execute(query):
            found.setdefault(f"phone:{phone}", int(customer_id))
    if emails:
        query = sa.select(_customer.c.id, _customer.c.email).where(_customer.c.email.in_(emails))
        for customer_id, email in session.execute(query):
            found.setdefault(f"email:{email}", int(customer_id))
    return found


def insert_audit(
    session: Session,
    *,
    action: str,
    actor: str,
    at: datetime,
    customer_id: int | None = None,
    count: int | None = None,
    detail: str | None = None,
) -> None:
    """Append a record to the audit table."""
    session.execute(
        sa.insert(_audit).values(
            action=action, actor=actor, at=at, customer_id=customer_id, count=count, detail=detail
        )
    )


def audit_rows(
    session: Session, *, since: datetime | None = None, action: str | None = None
) -> list[dict[str, Any]]:
    """Audit records, oldest first, from ``since`` on and of one action when given."""
    query = sa.select(_audit).order_by(_audit.c.id)
    if since is not None:
        query = query.where(_audit.c.at >= since)
    if action is not None:
        query = query.where(_audit.c.action == action)
    return [dict(row) for row in session.execute(query).mappings()]
