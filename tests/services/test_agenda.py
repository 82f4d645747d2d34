"""The day's agenda: the store's time zone, overdue first, mine or the whole store's."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from cockpit_tui.domain.models import AppointmentKind
from cockpit_tui.domain.plans import Plan
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from tests.conftest import NOW

VISIT, CALL, VIDEO = AppointmentKind.VISIT, AppointmentKind.CALL_BACK, AppointmentKind.VIDEO_CALL
TODAY = date(2026, 11, 27)  # NOW is 09:00 in São Paulo
SAO_PAULO = ZoneInfo("America/Sao_Paulo")


def sp(day: int, hour: int, minute: int = 0) -> datetime:
    """An instant given in São Paulo time."""
    return datetime(2026, 11, day, hour, minute, tzinfo=SAO_PAULO).astimezone(UTC)


def build_day(services: Services, clock: FrozenClock) -> dict[str, int]:
    """Appointments around today, scheduled two days ago so some are now past."""
    clock.at = NOW - timedelta(days=2)
    services.team.add("Bruno")
    carlos = services.leads.add(name="Carlos Pereira", phone="11987654321")
    maria = services.leads.add(name="Maria Souza", phone="11912345678")
    services.leads.assign(carlos.id, "Ana")
    services.leads.assign(maria.id, "Bruno")
    schedule = services.appointments.schedule
    ids = {
        "yesterday": schedule(carlos.id, CALL, sp(26, 16), plan=Plan.SMART_PLUS).id,
        "early": schedule(carlos.id, VISIT, sp(27, 8), plan=Plan.SMART_PLUS).id,
        "late": schedule(carlos.id, VIDEO, sp(27, 23, 30), plan=Plan.SMART_PLUS).id,
        "eleven": schedule(carlos.id, VISIT, sp(27, 11), plan=Plan.SMART_PLUS).id,
        "bruno": schedule(maria.id, VISIT, sp(27, 10), plan=Plan.SMART_PLUS).id,
        "tomorrow": schedule(carlos.id, CALL, sp(28, 10), plan=Plan.SMART_PLUS).id,
        "cancelled": schedule(carlos.id, CALL, sp(27, 15), plan=Plan.SMART_PLUS).id,
    }
    services.appointment_changes.cancel(ids["cancelled"])
    clock.at = NOW
    return ids


def test_my_day_starts_with_what_is_overdue_then_goes_by_time(
    services: Services, clock: FrozenClock
) -> None:
    ids = build_day(services, clock)
    agenda = services.agenda.day()
    assert agenda.day == TODAY
    assert not agenda.everyone
    assert [item.appointment_id for item in agenda.items] == [
        ids["yesterday"],
        ids["early"],
        ids["eleven"],
        ids["late"],
    ]
    assert [item.overdue for item in agenda.items] == [True, True, False, False]
    first = agenda.items[0]
    assert (first.customer, first.kind, first.assigned_to, first.status) == (
        "Carlos Pereira",
        CALL,
        "Ana",
        Status.NEW,
    )


def test_the_whole_store_and_other_days(services: Services, clock: FrozenClock) -> None:
    ids = build_day(services, clock)
    everyone = services.agenda.day(everyone=True)
    assert ids["bruno"] in [item.appointment_id for item in everyone.items]
    tomorrow = services.agenda.next_day(everyone, 1)
    assert tomorrow.day == date(2026, 11, 28)
    assert tomorrow.everyone
    assert [item.appointment_id for item in tomorrow.items] == [ids["tomorrow"]]
    assert not tomorrow.items[0].overdue
    yesterday = services.agenda.day(TODAY - timedelta(days=1))
    assert [(i.appointment_id, i.overdue) for i in yesterday.items] == [(ids["yesterday"], True)]


def test_a_resolved_appointment_stays_on_its_day_without_the_overdue_flag(
    services: Services, clock: FrozenClock
) -> None:
    ids = build_day(services, clock)
    services.appointments.resolve(ids["early"], occurred=False)
    items = {item.appointment_id: item for item in services.agenda.day().items}
    assert (items[ids["early"]].occurred, items[ids["early"]].overdue) == (False, False)


def test_days_follow_the_stores_time_zone(services: Services, clock: FrozenClock) -> None:
    ids = build_day(services, clock)
    services.settings.set_value("timezone", "Asia/Tokyo")  # 27/11 09:00 SP = 27/11 21:00 Tokyo
    agenda = services.agenda.day()
    assert agenda.day == TODAY
    # 23:30 in São Paulo is 11:30 of the 28th in Tokyo: no longer on the 27th.
    assert ids["late"] not in [item.appointment_id for item in agenda.items]
    assert ids["late"] in [i.appointment_id for i in services.agenda.day(date(2026, 11, 28)).items]
