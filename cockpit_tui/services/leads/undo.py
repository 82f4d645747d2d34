"""Undo, one stack across kinds: the user's last move, assignment or "atendido" first.

Every undoable action pushes a step (``store/undo_steps.py``) in its own
transaction; ``u`` takes the newest open step of this user and puts the lead
back exactly as it was before that action: its column and attention for a
move (:mod:`.moves`), its salesperson for an assignment, its attention and
response clock for an "atendido". A colleague's change since makes the step
impossible to undo: it is refused, and leaves the stack (the next ``u`` goes
further back).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cockpit_tui.domain import attention
from cockpit_tui.domain.errors import CockpitError, InvalidInputError, NothingToUndoError
from cockpit_tui.domain.models import ASSIGNMENT_UNDONE, LeadCard, MoveResult
from cockpit_tui.domain.sanitize import clean_text
from cockpit_tui.services.leads.base import LeadServiceBase
from cockpit_tui.services.leads.moves import undo_move

if TYPE_CHECKING:
    from cockpit_tui.store.lead_write import LeadWrite
    from cockpit_tui.store.tables import UndoStepRow


@dataclass(frozen=True, slots=True)
class UndoResult:
    """What an undo put back.

    Attributes:
        card: The lead as it is now.
        move: The reverse move, when a move was undone (else None).
        kind: ``move``, ``assign`` or ``handled``.
        owner: For an assignment: the salesperson the lead is back with (None: nobody).
    """

    card: LeadCard
    move: MoveResult | None
    kind: str
    owner: str | None = None


class UndoActions(LeadServiceBase):
    """The undo part of :class:`~cockpit_tui.services.leads.LeadService`."""

    def undo_last(self) -> UndoResult:
        """Undo this user's most recent move, assignment or "atendido" not undone yet.

        Raises:
            NothingToUndoError: nothing left to undo.
            MoveConflictError: a move the lead had was overtaken by a colleague's.
            InvalidInputError: a colleague reassigned or worked the lead since.
        """
        from cockpit_tui.store import repository, undo_steps

        refused: CockpitError | None = None
        with self._write() as write:
            step = undo_steps.last_open_step(write.session, actor=self.actor)
            if step is None or step.kind == undo_steps.MOVE:
                original = (
                    undo_steps.move_of(write.session, step)
                    if step is not None
                    else repository.last_undoable_move(write.session, actor=self.actor)
                )
                if original is None:
                    raise NothingToUndoError()
                done = undo_move(write, original)
                lead_id, refused = original.lead_id, done.refused
            elif step.kind == undo_steps.ASSIGN:
                lead_id, owner, refused = _undo_assignment(write, step)
            else:
                lead_id, refused = _undo_handled(write, step)
            if step is not None:
                undo_steps.close_step(step, at=write.now)
        if refused is not None:
            raise refused
        card = self._card(lead_id)
        if step is None or step.kind == undo_steps.MOVE:
            move = MoveResult(card, done.from_status, done.to_status, write.change_ids[-1])
            return UndoResult(card, move, undo_steps.MOVE)
        if step.kind == undo_steps.ASSIGN:
            return UndoResult(card, None, undo_steps.ASSIGN, owner)
        return UndoResult(card, None, undo_steps.HANDLED)


def _undo_assignment(
    write: LeadWrite, step: UndoStepRow
) -> tuple[int, str | None, CockpitError | None]:
    """Give the lead back to whoever had it; refused if it was reassigned since."""
    from cockpit_tui.store import repository, undo_steps

    given = undo_steps.assignment_of(write.session, step)
    assert given is not None  # a step's row is never deleted
    lead = write.lead(given.lead_id)
    if lead.assigned_to != given.assigned_to:
        return lead.id, None, InvalidInputError("undo.reassigned_since")
    back_to = given.before_assigned_to
    lead.set_assigned_to(back_to)
    given.undone_at = write.now
    # The way back is no event of its own: the history marks the assignment "desfeito".
    repository.insert_assignment(
        write.session, lead_id=lead.id, assigned_to=back_to, actor=write.actor, at=write.now
    ).reason = ASSIGNMENT_UNDONE
    write.log("lead.assigned", lead.id)
    return lead.id, clean_text(back_to) if back_to else None, None


def _undo_handled(write: LeadWrite, step: UndoStepRow) -> tuple[int, CockpitError | None]:
    """The lead needs attention again, its response clock running as before.

    A customer's message since stays (and keeps the lead on top); the clock
    goes back only if the "atendido" is what stopped it.
    """
    from cockpit_tui.store import undo_steps

    handled = undo_steps.handled_of(write.session, step)
    assert handled is not None
    lead = write.lead(handled.lead_id)
    now_state = lead.attention
    if now_state.attention_at is None and now_state.last_activity_at > handled.at:
        # Somebody replied, noted or moved it since: the "atendido" is history now.
        return lead.id, InvalidInputError("undo.worked_since")
    before_state, before_clock = undo_steps.handled_before(handled)
    lead.set_attention(attention.on_undo(before_state, now_state))
    clock = lead.clock()
    if clock.first_response_at == handled.at or clock.waiting_since is None:
        lead.restore_clock(before_clock)
    handled.undone_at = write.now
    write.log("lead.handled", lead.id)
    return lead.id, None
