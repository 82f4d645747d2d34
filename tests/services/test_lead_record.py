"""What the lead screen records: notes, assignments, appointments, outcomes, the team."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from cockpit_tui.domain.appointments import parse_appointment_time
from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.models import (
    AppointmentKind,
    HistoryKind,
    LostReason,
    PaymentMethod,
    StatusChange,
)
from cockpit_tui.domain.plans import Plan
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from tests.conftest import NOW, tick


@pytest.fixture
def lead(services: Services) -> int:
    return services.leads.add(name="Maria Souza", phone="(11) 98765-4321", source="Webmotors").id


def test_a_note_is_kept_in_the_history_and_takes_the_lead_off_the_top(
    services: Services, lead: int, clock: FrozenClock
) -> None:
    tick(clock)
    with pytest.raises(InvalidInputError) as refused:
        services.leads.add_note(lead, "  \n ")
    assert refused.value.message_id == "form.empty_note"
    card = services.leads.add_note(lead, "Ligou pedindo fotos do porta-malas")
    assert not card.needs_attention
    history = services.leads.detail(lead).history
    assert [entry.kind for entry in history] == [HistoryKind.CREATED, HistoryKind.NOTE]
    assert history[-1].actor == services.actor


def test_assignments_are_recorded_with_who_and_to_whom(
    services: Services, lead: int, clock: FrozenClock
) -> None:
    services.leads.assign(lead, "Bruno")
    tick(clock)
    services.leads.assign(lead, None)
    assert services.leads.get(lead).assigned_to is None
    entries = [e for e in services.leads.detail(lead).history if e.kind is HistoryKind.ASSIGNED]
    assert [getattr(e.item, "assigned_to", "?") for e in entries] == ["Bruno", None]


def test_scheduling_refuses_the_past_and_video_calls_below_smart_plus(
    services: Services, lead: int
) -> None:
    with pytest.raises(InvalidInputError) as past:
        services.appointments.schedule(
            lead, AppointmentKind.VISIT, NOW - timedelta(hours=1), plan=Plan.CRM
        )
    assert past.value.message_id == "form.past_datetime"
    for plan in (Plan.CRM, Plan.SMART):
        with pytest.raises(InvalidInputError) as video:
            services.appointments.schedule(
                lead, AppointmentKind.VIDEO_CALL, NOW + timedelta(days=1), plan=plan
            )
        assert video.value.message_id == "form.video_needs_plan"
    assert services.leads.get(lead).next_appointment_at is None
    services.appointments.schedule(
        lead, AppointmentKind.VIDEO_CALL, NOW + timedelta(days=1), plan=Plan.SMART_PLUS
    )
    assert services.leads.get(lead).next_appointment_at == NOW + timedelta(days=1)


def test_the_card_shows_the_earliest_pending_appointment(services: Services, lead: int) -> None:
    later = services.appointments.schedule(
        lead, AppointmentKind.CALL_BACK, NOW + timedelta(days=2), plan=Plan.CRM
    )
    sooner = services.appointments.schedule(
        lead, AppointmentKind.VISIT, NOW + timedelta(hours=3), plan=Plan.CRM
    )
    card = services.leads.get(lead)
    assert card.next_appointment_at == sooner.at
    assert not card.needs_attention  # scheduling is acting on the lead
    assert services.appointments.resolve(later.id, occurred=False) is None
    assert services.leads.get(lead).next_appointment_at == sooner.at


def test_a_visit_that_occurred_moves_the_lead_to_visita_realizada(
    services: Services, lead: int, clock: FrozenClock
) -> None:
    services.leads.move(lead, Status.AWAITING_VISIT)
    visit = services.appointments.schedule(
        lead, AppointmentKind.VISIT, NOW + timedelta(hours=2), plan=Plan.CRM
    )
    tick(clock, 180)
    result = services.appointments.resolve(visit.id, occurred=True)
    assert result is not None
    assert (result.from_status, result.to_status) == (Status.AWAITING_VISIT, Status.VISITED)
    card = services.leads.get(lead)
    assert card.status is Status.VISITED
    assert card.next_appointment_at is None
    detail = services.leads.detail(lead)
    assert detail.pending_appointment is None
    kinds = [entry.kind for entry in detail.history]
    assert kinds[-2:] == [HistoryKind.RESOLVED, HistoryKind.MOVED]
    with pytest.raises(InvalidInputError) as again:
        services.appointments.resolve(visit.id, occurred=False)
    assert again.value.message_id == "form.appointment_resolved"
    assert services.leads.undo_last_move().to_status is Status.AWAITING_VISIT


def test_a_visit_that_did_not_occur_keeps_the_lead_where_it_is(
    services: Services, lead: int
) -> None:
    services.leads.move(lead, Status.AWAITING_VISIT)
    visit = services.appointments.schedule(
        lead, AppointmentKind.VISIT, NOW + timedelta(hours=2), plan=Plan.CRM
    )
    assert services.appointments.resolve(visit.id, occurred=False) is None
    assert services.leads.get(lead).status is Status.AWAITING_VISIT
    resolved = services.leads.detail(lead).appointments[0]
    assert resolved.occurred is False
    assert resolved.resolved_by == services.actor


def test_a_sale_records_price_method_and_trade_in(services: Services, lead: int) -> None:
    with pytest.raises(InvalidInputError) as not_sold:
        services.outcomes.record_sale(lead, price=None, payment_method=None, trade_in=None)
    assert not_sold.value.message_id == "form.outcome_wrong_status"
    services.leads.move(lead, Status.SOLD)
    with pytest.raises(InvalidInputError) as no_vehicle:
        services.outcomes.record_sale(
            lead, price=None, payment_method=PaymentMethod.TRADE_IN, trade_in="  "
        )
    assert no_vehicle.value.message_id == "form.trade_in_required"
    outcome = services.outcomes.record_sale(
        lead,
        price=Decimal("135000.00"),
        payment_method=PaymentMethod.TRADE_IN,
        trade_in="VW Gol 1.0 2015",
    )
    assert (outcome.price, outcome.trade_in) == (Decimal("135000.00"), "VW Gol 1.0 2015")
    assert services.leads.detail(lead).history[-1].item == outcome


def test_a_loss_needs_a_reason_and_other_needs_words(services: Services, lead: int) -> None:
    services.leads.move(lead, Status.LOST)
    with pytest.raises(InvalidInputError) as silent:
        services.outcomes.record_loss(lead, reason=LostReason.OTHER, note=" ")
    assert silent.value.message_id == "form.lost_other_needs_text"
    outcome = services.outcomes.record_loss(lead, reason=LostReason.PRICE, note=None)
    assert outcome.lost_reason is LostReason.PRICE


def test_a_new_negotiation_is_linked_and_listed_on_both_leads(
    services: Services, lead: int, clock: FrozenClock
) -> None:
    services.leads.move(lead, Status.SOLD)
    tick(clock)
    new = services.leads.new_negotiation(lead)
    detail = services.leads.detail(new.id)
    assert detail.previous_lead_id == lead
    assert [(n.lead_id, n.status) for n in detail.negotiations] == [(lead, Status.SOLD)]
    assert [n.lead_id for n in services.leads.detail(lead).negotiations] == [new.id]


def test_history_is_in_time_order_and_marks_undone_moves(
    services: Services, lead: int, clock: FrozenClock
) -> None:
    tick(clock)
    services.leads.move(lead, Status.NEGOTIATING)
    tick(clock)
    services.leads.undo_last_move()
    history = services.leads.detail(lead).history
    moves = [entry.item for entry in history if isinstance(entry.item, StatusChange)]
    # One entry for the undone move, marked "desfeito"; the reverse move is no event.
    assert [(m.to_status, m.undone) for m in moves] == [(Status.NEGOTIATING, True)]
    assert [entry.at for entry in history] == sorted(entry.at for entry in history)


def test_the_team_is_listed_changed_and_joined(services: Services) -> None:
    assert services.team.members() == []
    services.team.join()
    services.team.join()
    assert services.team.members() == [services.actor]
    assert services.team.add("Bruno Lima") is True
    assert services.team.add(" Bruno Lima ") is False
    services.team.remove("Bruno Lima")
    with pytest.raises(InvalidInputError) as unknown:
        services.team.remove("Bruno Lima")
    assert unknown.value.message_id == "team.not_member"
    with pytest.raises(InvalidInputError):
        services.team.add("\x1b[31m")


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("28/11/2026", "form.bad_datetime"),
        ("28-11-2026 14:30", "form.bad_datetime"),
        ("2026-11-27 08:30", "form.past_datetime"),
        ("31/02/2027 10:00", "form.bad_datetime"),
        ("27/11/2026 08:59", "form.past_datetime"),
        ("26/11/2026 23:00", "form.past_datetime"),
    ],
)
def test_typed_appointment_times_are_checked(typed: str, problem: str) -> None:
    from zoneinfo import ZoneInfo

    with pytest.raises(InvalidInputError) as refused:
        parse_appointment_time(typed, now=NOW, zone=ZoneInfo("America/Sao_Paulo"))
    assert refused.value.message_id == problem


def test_a_typed_time_is_read_in_local_time() -> None:
    from zoneinfo import ZoneInfo

    when = parse_appointment_time(" 28/11/2026 14:30 ", now=NOW, zone=ZoneInfo("America/Sao_Paulo"))
    assert when == datetime(2026, 11, 28, 17, 30, tzinfo=UTC)
