"""Moving a lead between columns (compare-and-set on the version the user saw) and undoing it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cockpit_tui.domain import attention
from cockpit_tui.domain.errors import InvalidInputError, MoveConflictError, NothingToUndoError
from cockpit_tui.domain.models import MoveResult
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services.leads.base import LeadServiceBase

if TYPE_CHECKING:
    from datetime import datetime

    from cockpit_tui.domain.models import AttentionState
    from cockpit_tui.store.lead_write import LeadWrite, WrittenLead
    from cockpit_tui.store.tables import StatusChangeRow


class MoveActions(LeadServiceBase):
    """The moves part of :class:`~cockpit_tui.services.leads.LeadService`."""

    def move(
        self, lead_id: int, to_status: Status, *, seen_version: int | None = None
    ) -> MoveResult:
        """Move a lead to another column, compare-and-set on the version the user saw.

        Args:
            lead_id: The lead.
            to_status: Where it goes (any status may move to any other).
            seen_version: The version the user saw; None moves whatever is stored now.

        Raises:
            MoveConflictError: the lead is no longer at ``seen_version``.
            InvalidInputError: the lead is already in ``to_status``.
            LeadNotFoundError: no lead has that id.
        """
        with self._write() as write:
            lead = write.lead(lead_id)
            from_status = lead.status
            move_lead(write, lead, to_status, seen_version=seen_version)
        return MoveResult(self._card(lead_id), from_status, to_status, write.change_ids[-1])

    def undo_last_move(self) -> MoveResult:
        """Undo this user's most recent move not yet undone (repeat for more levels).

        Only moves: ``u`` undoes assignments and "atendido" too, through
        :meth:`~cockpit_tui.services.leads.undo.UndoActions.undo_last`. The
        reverse move is itself compare-and-set: if anybody moved the lead
        since, the undo is refused rather than overwrite their move, and that
        move leaves the user's undo stack (the next undo goes further back).

        Raises:
            NothingToUndoError: the user has no move left to undo.
            MoveConflictError: the lead was moved again since.
        """
        from cockpit_tui.store import repository, undo_steps

        with self._write() as write:
            original = repository.last_undoable_move(write.session, actor=self.actor)
            if original is None:
                raise NothingToUndoError()
            done = undo_move(write, original)
            step = undo_steps.last_open_step(write.session, actor=self.actor)
            if step is not None and step.kind == undo_steps.MOVE and step.ref_id == original.id:
                undo_steps.close_step(step, at=write.now)
            lead_id = original.lead_id
        if done.refused is not None:
            raise done.refused
        return MoveResult(
            self._card(lead_id), done.from_status, done.to_status, write.change_ids[-1]
        )


@dataclass(frozen=True, slots=True)
class UndoneMove:
    """What :func:`undo_move` did: the reverse move, or why it was refused."""

    from_status: Status
    to_status: Status
    refused: MoveConflictError | None


def undo_move(write: LeadWrite, original: StatusChangeRow) -> UndoneMove:
    """Move the lead back as it was before ``original``, inside the caller's unit of work.

    Only this user's own moves and undos may stand between the move and now;
    anything else means a colleague moved the lead since: the move is then
    marked superseded (committed with the refusal) and the refusal returned.
    """
    from cockpit_tui.store import repository

    session, now, actor = write.session, write.now, write.actor
    lead = write.lead(original.lead_id)
    latest = repository.last_move_of_lead(session, lead_id=original.lead_id)
    untouched = (
        latest is not None
        and latest.actor == actor
        and (latest.id == original.id or latest.undo_of is not None)
    )
    seen = lead.version
    back_to, from_status = Status(original.from_status), Status(original.to_status)
    if (
        original.undone_at is not None
        or not untouched
        or lead.status is not from_status
        or not write.set_status(
            lead, back_to, seen_version=seen, state=_state_after_undo(original, lead, now)
        )
    ):
        repository.mark_move_superseded(original, at=now)
        return UndoneMove(from_status, back_to, write.conflict(lead, seen))
    repository.mark_move_undone(original, at=now)
    repository.undo_follow_ups(session, lead_id=lead.id, actor=actor, since=original.at, at=now)
    lead.set_next_appointment_at(repository.next_pending_appointment_at(session, lead_id=lead.id))
    repository.insert_status_change(
        session,
        lead_id=original.lead_id,
        from_status=original.to_status,
        to_status=original.from_status,
        actor=actor,
        at=now,
        version_after=seen + 1,
        undo_of=original.id,
    )
    write.log("lead.moved", original.lead_id)
    return UndoneMove(from_status, back_to, None)


def _state_after_undo(
    original: StatusChangeRow, lead: WrittenLead, now: datetime
) -> AttentionState:
    """The attention state the lead had before ``original`` (older moves: acted on now)."""
    from cockpit_tui.store import repository

    before = repository.attention_before(original)
    if before is None:
        return attention.on_action(lead.attention, now)
    return attention.on_undo(before, lead.attention)


def move_lead(
    write: LeadWrite, lead: WrittenLead, to_status: Status, *, seen_version: int | None
) -> None:
    """Move a lead inside the caller's unit of work; the change is logged on commit.

    Compare-and-set on ``seen_version`` (None: whatever is stored now); the
    move is recorded in the lead's history and counts as acting on the lead.

    Raises:
        MoveConflictError: the lead is no longer at ``seen_version``.
        InvalidInputError: the lead is already in ``to_status``.
    """
    from cockpit_tui.store import repository, undo_steps

    expected = lead.version if seen_version is None else seen_version
    if lead.version != expected:
        raise write.conflict(lead, expected)
    from_status = lead.status
    if from_status is to_status:
        raise InvalidInputError("error.already_in_status", status=to_status.value)
    state = attention.on_action(lead.attention, write.now)
    if not write.set_status(lead, to_status, seen_version=expected, state=state):
        write.reload(lead)
        raise write.conflict(lead, expected)
    move = repository.insert_status_change(
        write.session,
        lead_id=lead.id,
        from_status=from_status.value,
        to_status=to_status.value,
        actor=write.actor,
        at=write.now,
        version_after=expected + 1,
        before=lead.attention,
    )
    assert move.id is not None
    undo_steps.push_step(
        write.session,
        lead_id=lead.id,
        actor=write.actor,
        at=write.now,
        kind=undo_steps.MOVE,
        ref_id=move.id,
    )
    # The UPDATE went around the ORM: ``lead`` still holds the old status and version.
    write.log("lead.moved", lead.id)
