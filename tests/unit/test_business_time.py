"""Business time: the day-level arithmetic against a minute-by-minute count."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cockpit_tui.domain.business_hours import (
    DEFAULT_BUSINESS_HOURS,
    WeeklyHours,
    parse_business_hours,
)
from cockpit_tui.domain.business_time import BusinessCalendar, SlaState
from cockpit_tui.domain.errors import InvalidSettingError

SAO_PAULO = ZoneInfo("America/Sao_Paulo")
DEFAULT_HOURS = parse_business_hours(DEFAULT_BUSINESS_HOURS)
#: Proclamação da República and Consciência Negra fall in the suite's week.
HOLIDAYS = frozenset({date(2026, 11, 20), date(2026, 12, 25), date(2027, 1, 1)})


def calendar(
    hours: WeeklyHours = DEFAULT_HOURS, holidays: frozenset[date] = HOLIDAYS
) -> BusinessCalendar:
    return BusinessCalendar(hours, SAO_PAULO, lambda year: holidays)


def local(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=SAO_PAULO)  # type: ignore[misc,arg-type]


def brute_force_minutes(
    hours: WeeklyHours, holidays: frozenset[date], start: datetime, end: datetime
) -> int:
    """Count, one minute at a time, the minutes whose start is open (start, end minute-aligned)."""
    count = 0
    instant = start
    while instant < end:
        wall = instant.astimezone(SAO_PAULO)
        second = wall.hour * 3600 + wall.minute * 60
        if wall.date() not in holidays and any(
            begin <= second < finish for begin, finish in hours.days[wall.weekday()]
        ):
            count += 1
        instant += timedelta(minutes=1)
    return count


# -- parsing -------------------------------------------------------------------


def test_the_default_reads_back_as_itself() -> None:
    assert DEFAULT_HOURS.canonical() == DEFAULT_BUSINESS_HOURS
    assert DEFAULT_HOURS.week_seconds == (5 * 10 + 5) * 3600
    assert DEFAULT_HOURS.days[6] == ()


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("mon-fri 08:00-18:00; sat 08:00-13:00", DEFAULT_BUSINESS_HOURS),
        ("Segunda-Sexta 8h-18h; Sábado 8h-13h", DEFAULT_BUSINESS_HOURS),
        ("seg-sex 8:00-12:00 13:00-18:00", "seg-sex 08:00-12:00 13:00-18:00"),
        ("seg-sex 08:00-12:00 12:00-18:00", "seg-sex 08:00-18:00"),
        ("seg,qua,sex 9h30-17h", "seg 09:30-17:00; qua 09:30-17:00; sex 09:30-17:00"),
        ("sex-seg 10:00-24:00", "seg 10:00-24:00; sex-dom 10:00-24:00"),
        ("seg 08:00-12:00; seg 14:00-18:00", "seg 08:00-12:00 14:00-18:00"),
        ("ter , qui 08:00 - 10:00", "ter 08:00-10:00; qui 08:00-10:00"),
    ],
)
def test_days_times_and_languages_are_read(typed: str, canonical: str) -> None:
    assert parse_business_hours(typed).canonical() == canonical


@pytest.mark.parametrize(
    ("typed", "message_id"),
    [
        ("xyz 08:00-18:00", "error.setting.hours_day"),
        ("seg-sex 08:00-25:00", "error.setting.hours_time"),
        ("seg-sex 8:61-9:00", "error.setting.hours_time"),
        ("seg-sex 18:00-08:00", "error.setting.hours_order"),
        ("seg 08:00-12:00 11:00-13:00", "error.setting.hours_overlap"),
        ("seg-sex", "error.setting.hours_format"),
        ("seg-sex 08:00", "error.setting.hours_format"),
        ("", "error.setting.hours_empty"),
        ("seg,,ter 08:00-09:00", "error.setting.hours_format"),
    ],
)
def test_bad_hours_say_what_is_wrong(typed: str, message_id: str) -> None:
    with pytest.raises(InvalidSettingError) as raised:
        parse_business_hours(typed)
    assert raised.value.message_id == message_id


# -- arithmetic on known cases ----------------------------------------------------


def test_a_lead_arriving_just_before_closing_is_due_next_open_morning() -> None:
    friday_evening = local(2026, 11, 27, 17, 58)
    assert calendar().deadline(friday_evening, 5) == local(2026, 11, 28, 8, 3)
    saturday_noon = local(2026, 11, 28, 12, 58)
    assert calendar().deadline(saturday_noon, 5) == local(2026, 11, 30, 8, 3)


def test_holidays_stop_the_clock() -> None:
    thursday_evening = local(2026, 11, 19, 17, 58)
    assert calendar().deadline(thursday_evening, 5) == local(2026, 11, 21, 8, 3)
    assert calendar().seconds_between(local(2026, 11, 20, 9), local(2026, 11, 20, 17)) == 0


def test_waits_across_the_new_year() -> None:
    before = local(2026, 12, 31, 17, 0)
    after = local(2027, 1, 2, 9, 0)  # 1 January is a holiday, the 2nd a Saturday
    assert calendar().seconds_between(before, after) == 2 * 3600
    assert calendar().add_seconds(before, 2 * 3600) == after


def test_sla_states_follow_the_last_forty_percent() -> None:
    start = local(2026, 11, 27, 9, 0)
    clocks = calendar()
    assert clocks.sla_state(start, start + timedelta(minutes=2), minutes=5) is SlaState.OK
    assert clocks.sla_state(start, start + timedelta(minutes=3), minutes=5) is SlaState.DUE_SOON
    assert clocks.sla_state(start, start + timedelta(minutes=5), minutes=5) is SlaState.BREACHED
    # Arrived at 17:58: after a whole night it has waited two minutes only.
    evening = local(2026, 11, 27, 17, 58)
    assert clocks.sla_state(evening, local(2026, 11, 28, 7, 0), minutes=5) is SlaState.OK


def test_instants_in_other_zones_are_the_same_instants() -> None:
    start = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)  # 09:00 in São Paulo
    assert calendar().seconds_between(start, local(2026, 11, 27, 9, 30)) == 1800


# -- properties against the minute-by-minute count --------------------------------

_periods = st.lists(
    st.tuples(st.integers(0, 47), st.integers(1, 8)).map(
        lambda pair: (pair[0] * 1800, min(24 * 3600, pair[0] * 1800 + pair[1] * 1800))
    ),
    max_size=2,
)


def _week(days: list[list[tuple[int, int]]]) -> WeeklyHours | None:
    merged = []
    for periods in days:
        ordered = sorted(set(periods))
        kept: list[tuple[int, int]] = []
        for start, end in ordered:
            if kept and start <= kept[-1][1]:
                kept[-1] = (kept[-1][0], max(end, kept[-1][1]))
            else:
                kept.append((start, end))
        merged.append(tuple(kept))
    week = WeeklyHours(tuple(merged))
    return week if week.week_seconds else None


weeks = st.lists(_periods, min_size=7, max_size=7).map(_week).filter(lambda week: week is not None)
_ORIGIN = datetime(2026, 12, 20, 0, 0, tzinfo=SAO_PAULO)
holiday_sets = st.frozensets(st.integers(0, 25).map(lambda n: (_ORIGIN + timedelta(days=n)).date()))


def _interval(max_days: int) -> st.SearchStrategy[tuple[datetime, datetime]]:
    minutes = max_days * 24 * 60
    return st.tuples(st.integers(0, minutes), st.integers(0, minutes)).map(
        lambda pair: (
            _ORIGIN + timedelta(minutes=pair[0]),
            _ORIGIN + timedelta(minutes=pair[0] + pair[1]),
        )
    )


def check_against_brute_force(
    hours: WeeklyHours, holidays: frozenset[date], interval: tuple[datetime, datetime]
) -> None:
    start, end = interval
    clocks = calendar(hours, holidays)
    expected = brute_force_minutes(hours, holidays, start, end)
    assert clocks.seconds_between(start, end) == expected * 60
    assert clocks.at(end).waited(start) == expected * 60
    if expected:
        # The deadline is the earliest instant at which the count is reached.
        reached = clocks.add_seconds(start, expected * 60)
        assert reached <= end
        assert brute_force_minutes(hours, holidays, start, reached) == expected
        assert brute_force_minutes(hours, holidays, start, reached - timedelta(minutes=1)) < (
            expected
        )


@settings(max_examples=40, deadline=None)
@given(hours=weeks, holidays=holiday_sets, interval=_interval(6))
def test_business_seconds_match_a_minute_by_minute_count(
    hours: WeeklyHours, holidays: frozenset[date], interval: tuple[datetime, datetime]
) -> None:
    check_against_brute_force(hours, holidays, interval)


@pytest.mark.slow
@settings(max_examples=400, deadline=None)
@given(hours=weeks, holidays=holiday_sets, interval=_interval(20))
def test_business_seconds_match_a_minute_by_minute_count_at_length(
    hours: WeeklyHours, holidays: frozenset[date], interval: tuple[datetime, datetime]
) -> None:
    check_against_brute_force(hours, holidays, interval)


@settings(max_examples=60, deadline=None)
@given(
    holidays=holiday_sets,
    start=_interval(20).map(lambda pair: pair[0]),
    minutes=st.integers(1, 3000),
)
def test_the_deadline_is_exactly_n_business_minutes_away(
    holidays: frozenset[date], start: datetime, minutes: int
) -> None:
    clocks = calendar(DEFAULT_HOURS, holidays)
    due = clocks.deadline(start, minutes)
    assert clocks.seconds_between(start, due) == minutes * 60
    assert clocks.seconds_between(start, due - timedelta(seconds=1)) == minutes * 60 - 1


@settings(max_examples=60, deadline=None)
@given(
    hours=weeks,
    holidays=holiday_sets,
    end=_interval(20).map(lambda pair: pair[1]),
    minutes=st.integers(0, 3000),
)
def test_subtracting_business_time_walks_back_exactly(
    hours: WeeklyHours, holidays: frozenset[date], end: datetime, minutes: int
) -> None:
    clocks = calendar(hours, holidays)
    earlier = clocks.subtract_seconds(end, minutes * 60)
    assert earlier <= end
    assert clocks.seconds_between(earlier, end) == minutes * 60


@settings(max_examples=60, deadline=None)
@given(
    holidays=holiday_sets,
    interval=_interval(10),
    minutes=st.integers(1, 600),
)
def test_stored_sla_marks_give_the_same_state_as_counting(
    holidays: frozenset[date], interval: tuple[datetime, datetime], minutes: int
) -> None:
    start, now = interval
    clocks = calendar(DEFAULT_HOURS, holidays)
    marks = clocks.sla_marks(start, minutes=minutes)
    assert marks.state(now) is clocks.sla_state(start, now, minutes=minutes)
