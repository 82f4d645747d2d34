"""A sold or lost lead's pending visit is not late: no overdue mark on its card, in the
agenda, the overdue filter or ``space``'s order. SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

from cockpit_tui.domain.filters import LeadFilter, QuickFilter
from cockpit_tui.domain.models import AppointmentKind
from cockpit_tui.domain.plans import Plan
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.ui.urgency import card_urgency
from tests.conftest import NOW


def _two_visits_two_days_ago(services: Services, clock: FrozenClock) -> tuple[int, int]:
    """A lost lead and an open one, each with a visit two days ago nobody resolved."""
    clock.at = NOW - timedelta(days=2, hours=2)
    lost = services.leads.add(name="Lucas Perdido", phone="11987654321")
    open_lead = services.leads.add(name="Olga Aberta", phone="11912345678")
    for lead, hours in ((lost, 1), (open_lead, 2)):
        services.leads.assign(lead.id, services.actor)
        at = clock.now() + timedelta(hours=hours)
        services.appointments.schedule(lead.id, AppointmentKind.VISIT, at, plan=Plan.SMART_PLUS)
    clock.at = NOW
    services.leads.move(lost.id, Status.LOST)
    return lost.id, open_lead.id


def test_a_lost_lead_s_visit_is_not_overdue_anywhere(
    services: Services, clock: FrozenClock
) -> None:
    lost, open_lead = _two_visits_two_days_ago(services, clock)
    now = clock.now()
    lost_card, open_card = services.leads.get(lost), services.leads.get(open_lead)
    assert lost_card.next_appointment_at is not None, "the visit itself is kept"
    assert not lost_card.appointment_overdue(now)
    assert card_urgency(lost_card, now) is None
    assert open_card.appointment_overdue(now)
    agenda = services.agenda.day()
    assert [item.lead_id for item in agenda.items if item.overdue] == [open_lead]
    assert lost not in {item.lead_id for item in agenda.items}
    where = services.board.scope(LeadFilter(quick=frozenset({QuickFilter.OVERDUE})))
    kept = {
        card.id
        for status in Status
        for card in services.board.cards_at(status, offset=0, limit=100, where=where)
    }
    assert kept == {open_lead}
    order = [card.id for card in services.board.urgent_leads(now)]
    assert order.index(open_lead) < order.index(lost), "the lost lead's visit is not due"


def test_the_visit_is_late_again_when_the_lead_is_reopened_by_undo(
    services: Services, clock: FrozenClock
) -> None:
    lost, _ = _two_visits_two_days_ago(services, clock)
    services.leads.undo_last()
    assert services.leads.get(lost).appointment_overdue(clock.now())
