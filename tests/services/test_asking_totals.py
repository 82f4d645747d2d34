"""The board's column totals: every status present, no price counts as nothing, a filter narrows."""

from __future__ import annotations

from decimal import Decimal

from cockpit_tui.domain.filters import LeadFilter, QuickFilter
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from tests.conftest import tick


def test_totals_per_column_follow_moves_and_the_filter(
    services: Services, clock: FrozenClock
) -> None:
    cards = []
    for name, price in (("Ana Paula", "80000.50"), ("Bruno", "70000"), ("Sem preço", None)):
        tick(clock)
        cards.append(services.leads.add(name=name, price=None if price is None else Decimal(price)))
    services.leads.move(cards[1].id, Status.NEGOTIATING)
    services.leads.assign(cards[0].id, "Ana")

    totals = services.board.asking_totals()
    assert set(totals) == set(Status)
    assert totals[Status.NEW] == Decimal("80000.50")
    assert totals[Status.NEGOTIATING] == Decimal("70000")
    assert totals[Status.SOLD] == 0

    mine = services.board.scope(LeadFilter(quick=frozenset({QuickFilter.MINE})))
    assert services.board.asking_totals(mine)[Status.NEW] == Decimal("80000.50")
    assert services.board.asking_totals(mine)[Status.NEGOTIATING] == 0
    searched = services.board.scope(LeadFilter(search="Bruno"))
    assert services.board.asking_totals(searched)[Status.NEW] == 0
    assert services.board.asking_totals(searched)[Status.NEGOTIATING] == Decimal("70000")
