"""The store's reply templates: keyword-only functions taking a session; none commits."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func
from sqlalchemy.orm import Session
from sqlmodel import col, select

from cockpit_tui.store.tables import ReplyTemplateRow


def all_templates(session: Session) -> Sequence[ReplyTemplateRow]:
    """Every template, by name (case aside)."""
    return session.scalars(
        select(ReplyTemplateRow).order_by(
            func.lower(ReplyTemplateRow.name), col(ReplyTemplateRow.id)
        )
    ).all()


def template_named(session: Session, *, name: str) -> ReplyTemplateRow | None:
    """The template of that name, case aside."""
    return session.scalars(
        select(ReplyTemplateRow)
        .where(func.lower(ReplyTemplateRow.name) == name.lower())
        .order_by(col(ReplyTemplateRow.id))
        .limit(1)
    ).first()


def save_template(
    session: Session,
    *,
    name: str,
    body: str,
    marketing: bool,
    whatsapp_template: str | None,
    whatsapp_language: str | None,
    actor: str,
    at: datetime,
) -> tuple[ReplyTemplateRow, bool]:
    """Create the template, or replace the text and flags of the one of that name.

    Returns:
        The row and whether it was created.
    """
    row = template_named(session, name=name)
    created = row is None
    if row is None:
        row = ReplyTemplateRow(name=name, body=body, updated_by=actor, updated_at=at)
        session.add(row)
    row.name, row.body, row.marketing = name, body, marketing
    row.whatsapp_template, row.whatsapp_language = whatsapp_template, whatsapp_language
    row.updated_by, row.updated_at = actor, at
    session.flush()
    return row, created


def link_whatsapp_template(
    session: Session,
    *,
    name: str,
    whatsapp_template: str | None,
    whatsapp_language: str | None,
    actor: str,
    at: datetime,
) -> ReplyTemplateRow | None:
    """Set (or clear, with None) the approved WhatsApp template of the template ``name``.

    Returns:
        The row, or None when no template has that name.
    """
    row = template_named(session, name=name)
    if row is None:
        return None
    row.whatsapp_template, row.whatsapp_language = whatsapp_template, whatsapp_language
    row.updated_by, row.updated_at = actor, at
    session.flush()
    return row


def delete_template(session: Session, *, name: str) -> bool:
    """Remove the template of that name; False when there is none."""
    row = template_named(session, name=name)
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True
