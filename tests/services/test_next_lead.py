"""``space``'s order on a constructed board with a frozen clock, and the reason it gives."""

from __future__ import annotations

from datetime import timedelta

from cockpit_tui.domain.models import AppointmentKind
from cockpit_tui.domain.plans import DEFAULT_PLAN
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.next_lead import NextKind, NextReason
from cockpit_tui.ui.board.next_notice import next_notice
from tests.conftest import NOW

# NOW is Friday 27/11/2026 09:00 in São Paulo; the SLA is 5 business minutes.


def _lead_at(services: Services, clock: FrozenClock, name: str, minutes_ago: float) -> int:
    clock.at = NOW - timedelta(minutes=minutes_ago)
    phone = f"(11) 9{sum(map(ord, name)) % 10000:04d}-{int(minutes_ago) % 10000:04d}"
    lead_id = services.leads.add(name=name, phone=phone).id
    clock.at = NOW
    return lead_id


def test_space_takes_leads_in_time_then_breached_then_appointments_then_the_rest(
    services: Services, clock: FrozenClock
) -> None:
    # A reply that has waited 16 days (the demo's case that used to come first).
    stale = _lead_at(services, clock, "Cliente antigo", 20 * 24 * 60)
    services.leads.reply(stale, "Olá")
    services.leads.record_inbound(stale, "Ainda tem?", at=NOW - timedelta(days=16))
    fresh = _lead_at(services, clock, "Recém chegado", 1)  # due in 4 min
    nearer = _lead_at(services, clock, "Quase vencendo", 3)  # due in 2 min
    late = _lead_at(services, clock, "Atrasado", 15)  # breached 10 min ago
    visit = _lead_at(services, clock, "Visita hoje", 60)
    services.leads.add_note(visit, "Marcou visita")
    services.appointments.schedule(
        visit, AppointmentKind.VISIT, NOW + timedelta(hours=2), plan=DEFAULT_PLAN
    )
    quiet = _lead_at(services, clock, "Respondido", 120)
    services.leads.reply(quiet, "Olá")
    order = [card.id for card in services.board.urgent_leads(NOW)]
    assert order == [nearer, fresh, late, stale, visit, quiet]
    board = services.board
    cards = {card.id: card for card in board.urgent_leads(NOW)}
    assert board.why_next(cards[nearer], NOW) == NextReason(NextKind.DUE_IN, 2)
    assert board.why_next(cards[late], NOW) == NextReason(NextKind.BREACHED, 10)
    assert board.why_next(cards[visit], NOW) == NextReason(NextKind.APPOINTMENT)
    assert board.breached_count(NOW) == 2
    t = Translator("pt")
    assert next_notice(cards[nearer], board.why_next(cards[nearer], NOW), t) == (
        "Quase vencendo: vence em 2 min"
    )
    assert next_notice(cards[late], board.why_next(cards[late], NOW), t) == (
        "Atrasado: fora do prazo há 10 min"
    )
    # The 16-day-old reply: business time only (16 days hold 12 business days here).
    stale_reason = board.why_next(cards[stale], NOW)
    assert stale_reason.kind is NextKind.BREACHED
    assert "fora do prazo há " in next_notice(cards[stale], stale_reason, t)
    assert next_notice(cards[late], board.why_next(cards[late], NOW), Translator("en")) == (
        "Atrasado: past the deadline by 10 min"
    )


def test_a_filter_keeps_the_order_inside_what_it_shows(
    services: Services, clock: FrozenClock
) -> None:
    from cockpit_tui.domain.filters import LeadFilter

    first = _lead_at(services, clock, "Maria Souza", 1)
    _lead_at(services, clock, "João Lima", 3)
    scope = services.board.scope(LeadFilter(search="Maria"))
    assert [card.id for card in services.board.urgent_leads(NOW, where=scope)] == [first]
