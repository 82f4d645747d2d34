"""Undo puts a lead back exactly as it was before the move (issue 13, defect 1)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from cockpit_tui.domain.models import AppointmentKind, HistoryKind, PaymentMethod
from cockpit_tui.domain.plans import Plan
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from tests.conftest import tick


def column_ids(services: Services, status: Status) -> list[int]:
    return [card.id for card in services.board.column_page(status, limit=100).cards]


def five_leads(services: Services, clock: FrozenClock) -> list[int]:
    """Five leads in Nova proposta; the older three acted on, the newest two still NOVO."""
    ids = []
    for name in ("Ana Lima", "Bia Costa", "Caio Reis", "Davi Melo", "Eva Rocha"):
        tick(clock)
        ids.append(services.leads.add(name=name).id)
    for lead in ids[:3]:
        tick(clock)
        services.leads.mark_handled(lead)
    return ids


def test_undo_puts_a_new_lead_back_in_its_place_with_novo(
    services: Services, clock: FrozenClock
) -> None:
    ids = five_leads(services, clock)
    before = column_ids(services, Status.NEW)
    counts = services.board.counts()
    attention = services.board.attention_count()
    davi = ids[3]
    assert services.leads.get(davi).needs_attention
    tick(clock)
    services.leads.move(davi, Status.NEGOTIATING)
    tick(clock)
    services.leads.undo_last_move()
    card = services.leads.get(davi)
    assert card.needs_attention, "NOVO is back"
    assert column_ids(services, Status.NEW) == before, "the same place in the column"
    assert services.board.counts() == counts
    assert services.board.attention_count() == attention


def test_undo_puts_an_unread_reply_back_on_top_and_bold(
    services: Services, clock: FrozenClock
) -> None:
    ids = five_leads(services, clock)
    bia = ids[1]
    tick(clock)
    services.leads.record_inbound(bia, "Ainda está disponível?")
    before = column_ids(services, Status.NEW)
    assert before[0] == bia
    tick(clock)
    services.leads.move(bia, Status.NEGOTIATING)
    tick(clock)
    services.leads.undo_last_move()
    card = services.leads.get(bia)
    assert card.has_unread_reply
    assert card.needs_attention
    assert column_ids(services, Status.NEW) == before


def test_undoing_a_sale_marks_the_sale_undone_and_the_history_has_one_entry(
    services: Services, clock: FrozenClock
) -> None:
    lead = services.leads.add(name="Renata Nunes", price=Decimal("116500")).id
    tick(clock)
    services.leads.move(lead, Status.SOLD)
    services.outcomes.record_sale(
        lead, price=Decimal("115000"), payment_method=PaymentMethod.CASH, trade_in=None
    )
    tick(clock)
    services.leads.undo_last_move()
    history = services.leads.detail(lead).history
    moves = [entry for entry in history if entry.kind is HistoryKind.MOVED]
    assert len(moves) == 1, "one entry for the undone move, not a move and a reverse move"
    assert getattr(moves[0].item, "undone", False)
    outcomes = [entry.item for entry in history if entry.kind is HistoryKind.OUTCOME]
    assert [getattr(item, "undone", False) for item in outcomes] == [True]


def test_undoing_a_move_to_awaiting_visit_cancels_the_visit_scheduled_with_it(
    services: Services, clock: FrozenClock
) -> None:
    lead = services.leads.add(name="Renata Nunes").id
    tick(clock)
    services.leads.move(lead, Status.AWAITING_VISIT)
    services.appointments.schedule(
        lead, AppointmentKind.VISIT, clock.now() + timedelta(days=2), plan=Plan.SMART_PLUS
    )
    assert services.leads.get(lead).next_appointment_at is not None
    tick(clock)
    services.leads.undo_last_move()
    card = services.leads.get(lead)
    assert card.status is Status.NEW
    assert card.next_appointment_at is None, "the visit left the card"
    assert card.needs_attention, "scheduling with the move is undone too: NOVO again"
    detail = services.leads.detail(lead)
    assert [a.undone for a in detail.appointments] == [True]
