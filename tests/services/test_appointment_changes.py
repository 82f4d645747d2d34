"""Rescheduling and cancelling appointments; every pending one of a lead listed."""

from __future__ import annotations

from datetime import timedelta

import pytest

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.models import Appointment, AppointmentEnd, AppointmentKind, HistoryKind
from cockpit_tui.domain.plans import Plan
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from tests.conftest import NOW, tick

VISIT = AppointmentKind.VISIT


@pytest.fixture
def lead(services: Services) -> int:
    return services.leads.add(name="Carlos Pereira", phone="11987654321").id


def test_a_rescheduled_visit_keeps_the_old_time_in_the_history(
    services: Services, lead: int, clock: FrozenClock
) -> None:
    tomorrow_10 = NOW + timedelta(days=1, hours=1)
    visit = services.appointments.schedule(lead, VISIT, tomorrow_10, plan=Plan.CRM)
    tick(clock)
    moved = services.appointment_changes.reschedule(
        visit.id, tomorrow_10 + timedelta(hours=1), plan=Plan.CRM
    )
    assert (moved.kind, moved.at, moved.replaces_id) == (
        VISIT,
        tomorrow_10 + timedelta(hours=1),
        visit.id,
    )
    assert services.leads.get(lead).next_appointment_at == moved.at
    assert [a.id for a in services.appointment_changes.pending(lead)] == [moved.id]
    detail = services.leads.detail(lead)
    kinds = [entry.kind for entry in detail.history]
    assert kinds == [
        HistoryKind.CREATED,
        HistoryKind.SCHEDULED,
        HistoryKind.RESCHEDULED,
        HistoryKind.SCHEDULED,
    ]
    old = detail.history[2].item
    assert isinstance(old, Appointment)
    assert old.at == tomorrow_10
    assert old.ended is AppointmentEnd.RESCHEDULED
    assert not old.is_pending
    assert detail.pending_appointment == moved


def test_rescheduling_refuses_the_past_the_same_time_and_what_is_no_longer_pending(
    services: Services, lead: int
) -> None:
    at = NOW + timedelta(hours=3)
    visit = services.appointments.schedule(lead, VISIT, at, plan=Plan.CRM)
    changes = services.appointment_changes
    for when, reason in (
        (NOW - timedelta(minutes=1), "form.past_datetime"),
        (at, "appointment.same_time"),
    ):
        with pytest.raises(InvalidInputError) as refused:
            changes.reschedule(visit.id, when, plan=Plan.CRM)
        assert refused.value.message_id == reason
    with pytest.raises(InvalidInputError) as video:
        changes.reschedule(visit.id, at, plan=Plan.CRM, kind=AppointmentKind.VIDEO_CALL)
    assert video.value.message_id == "form.video_needs_plan"
    changes.cancel(visit.id)
    with pytest.raises(InvalidInputError) as gone:
        changes.reschedule(visit.id, at + timedelta(hours=1), plan=Plan.CRM)
    assert gone.value.message_id == "form.appointment_resolved"
    with pytest.raises(InvalidInputError):
        changes.cancel(9999)


def test_a_cancelled_appointment_leaves_the_card_and_keeps_its_reason(
    services: Services, lead: int, clock: FrozenClock
) -> None:
    call = services.appointments.schedule(
        lead, AppointmentKind.CALL_BACK, NOW + timedelta(hours=2), plan=Plan.CRM
    )
    later = services.appointments.schedule(lead, VISIT, NOW + timedelta(days=2), plan=Plan.CRM)
    assert [a.id for a in services.appointment_changes.pending(lead)] == [call.id, later.id]
    tick(clock)
    cancelled = services.appointment_changes.cancel(call.id, reason="  Cliente viajou\x1b[31m ")
    assert cancelled.ended is AppointmentEnd.CANCELLED
    assert cancelled.end_reason == "Cliente viajou"
    assert services.leads.get(lead).next_appointment_at == later.at
    assert [a.id for a in services.appointment_changes.pending(lead)] == [later.id]
    last = services.leads.detail(lead).history[-1]
    assert (last.kind, last.actor) == (HistoryKind.CANCELLED, "Ana")
    with pytest.raises(InvalidInputError) as resolved:
        services.appointments.resolve(call.id, occurred=True)
    assert resolved.value.message_id == "form.appointment_resolved"
