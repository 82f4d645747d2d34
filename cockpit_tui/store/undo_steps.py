"""The undo stack: every move, assignment and "atendido" a salesperson may undo (migration 20).

Each undoable action appends an ``undo_step`` in the same transaction as the
action; undo takes the actor's newest open step, whatever its kind, and
closes it (undone, or refused because a colleague changed the lead since).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session
from sqlmodel import col, select

from cockpit_tui.domain.models import AttentionState
from cockpit_tui.store.tables import AssignmentRow, HandledRow, StatusChangeRow, UndoStepRow

#: ``undo_step.kind`` values.
MOVE, ASSIGN, HANDLED = "move", "assign", "handled"


@dataclass(frozen=True, slots=True)
class ClockState:
    """A lead's response clock (issue 15) as stored on it."""

    waiting_since: datetime | None
    due_soon_at: datetime | None
    due_at: datetime | None
    first_response_at: datetime | None
    first_response_seconds: int | None


def push_step(
    session: Session, *, lead_id: int, actor: str, at: datetime, kind: str, ref_id: int
) -> None:
    """Put an action on its actor's undo stack."""
    session.add(UndoStepRow(lead_id=lead_id, actor=actor, at=at, kind=kind, ref_id=ref_id))
    session.flush()


def last_open_step(session: Session, *, actor: str) -> UndoStepRow | None:
    """The actor's newest action not undone nor refused yet."""
    return session.scalars(
        select(UndoStepRow)
        .where(col(UndoStepRow.actor) == actor, col(UndoStepRow.closed_at).is_(None))
        .order_by(col(UndoStepRow.id).desc())
        .limit(1)
    ).first()


def close_step(row: UndoStepRow, *, at: datetime) -> None:
    """The step leaves the stack (undone, or no longer possible to undo)."""
    row.closed_at = at


def move_of(session: Session, step: UndoStepRow) -> StatusChangeRow | None:
    """The move a ``move`` step records."""
    return session.get(StatusChangeRow, step.ref_id)


def assignment_of(session: Session, step: UndoStepRow) -> AssignmentRow | None:
    """The assignment an ``assign`` step records."""
    return session.get(AssignmentRow, step.ref_id)


def handled_of(session: Session, step: UndoStepRow) -> HandledRow | None:
    """The "atendido" a ``handled`` step records."""
    return session.get(HandledRow, step.ref_id)


def insert_handled(
    session: Session,
    *,
    lead_id: int,
    actor: str,
    at: datetime,
    before: AttentionState,
    clock: ClockState,
) -> HandledRow:
    """Record an "atendido" with the attention and clock it is about to change."""
    row = HandledRow(
        lead_id=lead_id,
        actor=actor,
        at=at,
        before_attention_at=before.attention_at,
        before_unread_count=before.unread_count,
        before_last_activity_at=before.last_activity_at,
        before_waiting_since=clock.waiting_since,
        before_response_due_soon_at=clock.due_soon_at,
        before_response_due_at=clock.due_at,
        before_first_response_at=clock.first_response_at,
        before_first_response_seconds=clock.first_response_seconds,
    )
    session.add(row)
    session.flush()
    return row


def handled_before(row: HandledRow) -> tuple[AttentionState, ClockState]:
    """The attention and clock a lead had just before ``row``."""
    return (
        AttentionState(
            row.before_attention_at, row.before_unread_count, row.before_last_activity_at
        ),
        ClockState(
            row.before_waiting_since,
            row.before_response_due_soon_at,
            row.before_response_due_at,
            row.before_first_response_at,
            row.before_first_response_seconds,
        ),
    )


def handled_rows(session: Session, *, lead_id: int) -> list[HandledRow]:
    """A lead's "atendido" records, oldest first (its history)."""
    return list(
        session.scalars(
            select(HandledRow)
            .where(col(HandledRow.lead_id) == lead_id)
            .order_by(col(HandledRow.id))
        ).all()
    )
