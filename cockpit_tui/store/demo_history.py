"""Writing the demo's seeded histories (planned in ``domain/demo_history.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import Engine, update
from sqlmodel import col, select

from cockpit_tui.domain.statuses import Status
from cockpit_tui.store import repository
from cockpit_tui.store.engine import write_session
from cockpit_tui.store.tables import AppointmentRow, LeadRow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from cockpit_tui.domain.demo_history import SeededHistory


def record_histories(engine: Engine, histories: Sequence[SeededHistory]) -> None:
    """Write each demo lead's moves, visit and outcome, in one transaction.

    The seeded moves are marked superseded: they are the salespeople's past,
    never on anyone's undo stack (a demo user named Bianca Lima pressing
    ``u`` must not take back a move the seed made for her).
    """
    wanted = {history.external_id: history for history in histories}
    with write_session(engine) as session:
        leads = session.scalars(
            select(LeadRow).where(col(LeadRow.external_id).in_(list(wanted)))
        ).all()
        for lead in leads:
            history = wanted[lead.external_id or ""]
            assert lead.id is not None
            for version, (from_status, to_status, at) in enumerate(history.moves, start=2):
                move = repository.insert_status_change(
                    session,
                    lead_id=lead.id,
                    from_status=from_status.value,
                    to_status=to_status.value,
                    actor=history.actor,
                    at=at,
                    version_after=version,
                )
                repository.mark_move_superseded(move, at=at)
                if to_status is Status.AWAITING_VISIT:
                    # The visit still pending was scheduled with this move, not on arrival.
                    session.execute(
                        update(AppointmentRow)
                        .where(
                            col(AppointmentRow.lead_id) == lead.id,
                            col(AppointmentRow.resolved_at).is_(None),
                        )
                        .values(created_at=at)
                    )
            lead.version = 1 + len(history.moves)
            if history.visit_at is not None:
                _visit(session, lead.id, history)
            if history.outcome is not None:
                kind, price, payment, reason = history.outcome
                repository.insert_outcome(
                    session,
                    lead_id=lead.id,
                    kind=kind.value,
                    price=price,
                    payment_method=payment,
                    trade_in=None,
                    lost_reason=reason,
                    note=None,
                    actor=history.actor,
                    at=history.moves[-1][2],
                )


def _visit(session: Session, lead_id: int, history: SeededHistory) -> None:
    """The visit that happened: scheduled with the move to Aguardando visita, held on the visit."""
    assert history.visit_at is not None
    scheduled = next(at for _, to, at in history.moves if to is Status.AWAITING_VISIT)
    row = repository.insert_appointment(
        session,
        lead_id=lead_id,
        kind="visit",
        at=history.visit_at,
        actor=history.actor,
        now=scheduled,
    )
    repository.resolve_appointment(
        session, row, occurred=True, actor=history.actor, at=history.visit_at
    )
