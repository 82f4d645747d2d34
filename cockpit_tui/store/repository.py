"""Write-side data access: keyword-only functions that take a session.

Every function here runs inside a transaction opened by the caller
(:func:`cockpit_tui.store.engine.write_session`); none commits.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import CursorResult, update
from sqlalchemy.orm import Session
from sqlmodel import col, select

from cockpit_tui.domain import attention
from cockpit_tui.domain.models import AttentionState
from cockpit_tui.store.tables import (
    AppointmentRow,
    AssignmentRow,
    ChangeLogRow,
    CustomerRow,
    LeadRow,
    MessageRow,
    NoteRow,
    OutcomeRow,
    StatusChangeRow,
    StoreSettingRow,
    TeamMemberRow,
)


def append_change(
    session: Session, *, kind: str, lead_id: int | None, actor: str, at: datetime
) -> int:
    """Record a change in the change log; returns its id."""
    row = ChangeLogRow(kind=kind, lead_id=lead_id, actor=actor, at=at)
    session.add(row)
    session.flush()
    assert row.id is not None
    return row.id


def get_lead(session: Session, *, lead_id: int) -> LeadRow | None:
    """A lead row by id."""
    return session.get(LeadRow, lead_id)


def compare_and_set_status(
    session: Session,
    *,
    lead_id: int,
    seen_version: int,
    to_status: str,
    state: AttentionState,
) -> bool:
    """Move a lead only if it is still at the version the user saw.

    One ``UPDATE … WHERE id = :id AND version = :seen``; a row count of 0
    means somebody changed the lead first.

    Returns:
        True when the lead was moved (its version is now ``seen_version + 1``).
    """
    result = cast(
        CursorResult[Any],
        session.execute(
            update(LeadRow)
            .where(col(LeadRow.id) == lead_id, col(LeadRow.version) == seen_version)
            .values(
                status=to_status,
                version=seen_version + 1,
                attention_at=state.attention_at,
                unread_count=state.unread_count,
                last_activity_at=state.last_activity_at,
                needs_attention=1 if state.attention_at is not None else 0,
                sort_at=attention.sort_at(state),
            )
            .execution_options(synchronize_session=False)
        ),
    )
    return result.rowcount == 1


def insert_status_change(
    session: Session,
    *,
    lead_id: int,
    from_status: str,
    to_status: str,
    actor: str,
    at: datetime,
    version_after: int,
    undo_of: int | None = None,
    before: AttentionState | None = None,
) -> StatusChangeRow:
    """Record a move in the lead's history (``before``: its attention state before the move)."""
    row = StatusChangeRow(
        lead_id=lead_id,
        from_status=from_status,
        to_status=to_status,
        actor=actor,
        at=at,
        version_after=version_after,
        undo_of=undo_of,
    )
    if before is not None:
        row.before_attention_at = before.attention_at
        row.before_unread_count = before.unread_count
        row.before_last_activity_at = before.last_activity_at
    session.add(row)
    session.flush()
    return row


def last_undoable_move(session: Session, *, actor: str) -> StatusChangeRow | None:
    """The actor's most recent move that is not an undo, not undone and not superseded."""
    return session.scalars(
        select(StatusChangeRow)
        .where(
            col(StatusChangeRow.actor) == actor,
            col(StatusChangeRow.undo_of).is_(None),
            col(StatusChangeRow.undone_at).is_(None),
            col(StatusChangeRow.superseded_at).is_(None),
        )
        .order_by(col(StatusChangeRow.id).desc())
        .limit(1)
    ).first()


def mark_move_undone(row: StatusChangeRow, *, at: datetime) -> None:
    """The move was undone (it leaves its actor's undo stack)."""
    row.undone_at = at


def attention_before(row: StatusChangeRow) -> AttentionState | None:
    """The lead's attention state just before the move (None: recorded before version 15)."""
    if row.before_last_activity_at is None or row.before_unread_count is None:
        return None
    return AttentionState(
        row.before_attention_at, row.before_unread_count, row.before_last_activity_at
    )


def undo_follow_ups(
    session: Session, *, lead_id: int, actor: str, since: datetime, at: datetime
) -> None:
    """Mark undone the sale or loss, and the pending appointments, ``actor`` recorded since a move.

    An undone appointment also counts as resolved, so it leaves the card and the agenda.
    """
    session.execute(
        update(OutcomeRow)
        .where(
            col(OutcomeRow.lead_id) == lead_id,
            col(OutcomeRow.actor) == actor,
            col(OutcomeRow.at) >= since,
            col(OutcomeRow.undone_at).is_(None),
        )
        .values(undone_at=at)
        .execution_options(synchronize_session=False)
    )
    session.execute(
        update(AppointmentRow)
        .where(
            col(AppointmentRow.lead_id) == lead_id,
            col(AppointmentRow.created_by) == actor,
            col(AppointmentRow.created_at) >= since,
            col(AppointmentRow.resolved_at).is_(None),
        )
        .values(undone_at=at, resolved_at=at, resolved_by=actor)
        .execution_options(synchronize_session=False)
    )


def mark_move_superseded(row: StatusChangeRow, *, at: datetime) -> None:
    """Somebody moved the lead since: the move can no longer be undone."""
    row.superseded_at = at


def last_move_of_lead(session: Session, *, lead_id: int) -> StatusChangeRow | None:
    """The newest recorded move of a lead."""
    return session.scalars(
        select(StatusChangeRow)
        .where(col(StatusChangeRow.lead_id) == lead_id)
        .order_by(col(StatusChangeRow.id).desc())
        .limit(1)
    ).first()


def insert_message(
    session: Session,
    *,
    lead_id: int,
    direction: str,
    body: str,
    at: datetime,
    author: str | None,
    read_at: datetime | None = None,
) -> MessageRow:
    """Add a message to a lead's conversation."""
    row = MessageRow(
        lead_id=lead_id, direction=direction, body=body, at=at, author=author, read_at=read_at
    )
    session.add(row)
    session.flush()
    return row


def get_message(session: Session, *, message_id: int) -> MessageRow | None:
    """A message row by id."""
    return session.get(MessageRow, message_id)


def mark_delivered(row: MessageRow, *, at: datetime) -> None:
    """A delivery connector sent the outbound message."""
    row.delivered_at = at


def mark_messages_read(session: Session, *, lead_id: int, at: datetime) -> int:
    """Mark every unread inbound message of a lead read; returns how many."""
    result = cast(
        CursorResult[Any],
        session.execute(
            update(MessageRow)
            .where(
                col(MessageRow.lead_id) == lead_id,
                col(MessageRow.direction) == "in",
                col(MessageRow.read_at).is_(None),
            )
            .values(read_at=at)
            .execution_options(synchronize_session=False)
        ),
    )
    return result.rowcount


def outbox(session: Session) -> Sequence[tuple[MessageRow, CustomerRow]]:
    """Outbound messages not yet delivered, with their customer, oldest first."""
    rows = session.execute(
        select(MessageRow, CustomerRow)
        .join(LeadRow, col(LeadRow.id) == col(MessageRow.lead_id))
        .join(CustomerRow, col(CustomerRow.id) == col(LeadRow.customer_id))
        .where(
            col(MessageRow.direction) == "out",
            col(MessageRow.delivered_at).is_(None),
        )
        .order_by(col(MessageRow.id))
    )
    return [(message, customer) for message, customer in rows]


def get_setting(session: Session, *, key: str) -> str | None:
    """A store setting's value."""
    row = session.get(StoreSettingRow, key)
    return row.value if row else None


def delete_setting(session: Session, *, key: str) -> None:
    """Remove a store setting (it goes back to its default)."""
    row = session.get(StoreSettingRow, key)
    if row is not None:
        session.delete(row)
        session.flush()


def set_setting(session: Session, *, key: str, value: str) -> None:
    """Create or replace a store setting."""
    row = session.get(StoreSettingRow, key)
    if row is None:
        session.add(StoreSettingRow(key=key, value=value))
    else:
        row.value = value
    session.flush()


def insert_note(session: Session, *, lead_id: int, body: str, actor: str, at: datetime) -> NoteRow:
    """Add a note to a lead."""
    row = NoteRow(lead_id=lead_id, body=body, actor=actor, at=at)
    session.add(row)
    session.flush()
    return row


def insert_assignment(
    session: Session, *, lead_id: int, assigned_to: str | None, actor: str, at: datetime
) -> AssignmentRow:
    """Record a change of salesperson in the lead's history."""
    row = AssignmentRow(lead_id=lead_id, assigned_to=assigned_to, actor=actor, at=at)
    session.add(row)
    session.flush()
    return row


def insert_appointment(
    session: Session, *, lead_id: int, kind: str, at: datetime, actor: str, now: datetime
) -> AppointmentRow:
    """Schedule an appointment."""
    row = AppointmentRow(lead_id=lead_id, kind=kind, at=at, created_by=actor, created_at=now)
    session.add(row)
    session.flush()
    return row


def get_appointment(session: Session, *, appointment_id: int) -> AppointmentRow | None:
    """An appointment by id."""
    return session.get(AppointmentRow, appointment_id)


def resolve_appointment(
    session: Session, row: AppointmentRow, *, occurred: bool, actor: str, at: datetime
) -> None:
    """Record whether an appointment happened, who said so and when."""
    row.occurred, row.resolved_at, row.resolved_by = occurred, at, actor
    session.flush()


def next_pending_appointment_at(session: Session, *, lead_id: int) -> datetime | None:
    """The earliest appointment of a lead nobody has resolved (overdue ones included)."""
    return session.scalars(
        select(AppointmentRow.at)
        .where(
            col(AppointmentRow.lead_id) == lead_id,
            col(AppointmentRow.resolved_at).is_(None),
        )
        .order_by(col(AppointmentRow.at))
        .limit(1)
    ).first()


def insert_outcome(
    session: Session,
    *,
    lead_id: int,
    kind: str,
    price: Decimal | None,
    payment_method: str | None,
    trade_in: str | None,
    lost_reason: str | None,
    note: str | None,
    actor: str,
    at: datetime,
) -> OutcomeRow:
    """Record how a negotiation ended."""
    row = OutcomeRow(
        lead_id=lead_id,
        kind=kind,
        price=price,
        payment_method=payment_method,
        trade_in=trade_in,
        lost_reason=lost_reason,
        note=note,
        actor=actor,
        at=at,
    )
    session.add(row)
    session.flush()
    return row


def team_members(session: Session) -> Sequence[TeamMemberRow]:
    """The store's salespeople, by name."""
    return session.scalars(select(TeamMemberRow).order_by(col(TeamMemberRow.name))).all()


def get_team_member(session: Session, *, name: str) -> TeamMemberRow | None:
    """A salesperson of the store by exact name."""
    return session.get(TeamMemberRow, name)


def delete_team_member(session: Session, row: TeamMemberRow) -> None:
    """Take a salesperson off the team."""
    session.delete(row)


def insert_team_member(session: Session, *, name: str, at: datetime) -> TeamMemberRow:
    """Add a salesperson to the store's team."""
    row = TeamMemberRow(name=name, added_at=at)
    session.add(row)
    session.flush()
    return row
