"""The demo's histories are coherent with each lead's status (issue 13, defect 9)."""

from __future__ import annotations

import pytest

from cockpit_tui.domain.errors import NothingToUndoError
from cockpit_tui.domain.models import Appointment, Outcome, OutcomeKind, StatusChange
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services, open_services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.demo import seed_demo_store


def test_every_demo_lead_got_to_its_column_through_its_salespersons_moves(
    services: Services, clock: FrozenClock, store_url: str
) -> None:
    seed_demo_store(services.store, clock=clock)
    cards = services.board.leads_in_board_order()
    assert {card.status for card in cards} == set(Status)
    for card in cards:
        detail = services.leads.detail(card.id)
        moves = [e.item for e in detail.history if isinstance(e.item, StatusChange)]
        statuses = [Status.NEW] + [move.to_status for move in moves]
        assert statuses[-1] is card.status, f"#{card.id}: the moves end in its column"
        assert all(m.from_status is s for m, s in zip(moves, statuses, strict=False))
        times = [card.created_at] + [move.at for move in moves] + [clock.now()]
        assert times == sorted(times), f"#{card.id}: after its arrival, in order, in the past"
        assert {move.actor for move in moves} <= {card.assigned_to, "Bianca Lima"}
        assert card.version == 1 + len(moves)
        if card.status in (Status.VISITED, Status.SOLD):
            held = [e.item for e in detail.history if isinstance(e.item, Appointment)]
            assert any(visit.occurred for visit in held), f"#{card.id}: its visit happened"
        if card.status in (Status.SOLD, Status.LOST):
            kinds = [e.item.kind for e in detail.history if isinstance(e.item, Outcome)]
            expected = OutcomeKind.SOLD if card.status is Status.SOLD else OutcomeKind.LOST
            assert kinds == [expected], f"#{card.id}: its sale or its reason"
    # The seed's moves are the salespeople's past, on nobody's undo stack.
    bianca = open_services(store_url, actor="Bianca Lima", clock=clock)
    try:
        with pytest.raises(NothingToUndoError):
            bianca.leads.undo_last()
    finally:
        bianca.close()
