"""Business time: how long a lead waited while the store was open, and its deadline.

A :class:`BusinessCalendar` knows the store's weekly hours, its time zone and
its holidays. Time is counted on the local wall clock: a period such as
08:00-18:00 is ten hours on every open day (daylight-saving changes happen
at night, outside opening hours, in the zones this is made for).

The arithmetic is by day, never by minute: for each year the calendar keeps
the business seconds open before every day of that year (built once per
year, ~366 steps), so the business time between two instants is two table
lookups plus the part of each end's own day, whatever the interval's length.
Pure Python, no I/O: the holidays come in as a function of the year.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum

from cockpit_tui.domain.business_hours import WeeklyHours
from cockpit_tui.domain.records import Record, set_field

#: The holidays of one year (dates on which the store is closed all day).
HolidaySource = Callable[[int], frozenset[date]]

#: Share of the SLA after which a waiting lead is "due soon" (its last 40 %).
DUE_SOON_FROM = 0.6

_DAY = 24 * 3600


class SlaState(StrEnum):
    """Where a waiting lead stands against its response target."""

    OK = "ok"
    DUE_SOON = "due_soon"
    BREACHED = "breached"


class SlaMarks(Record):
    """The two instants a waiting lead changes SLA state, computed once when it starts waiting.

    Stored with the lead, they let the board and ``space`` read the state of
    any number of leads with two comparisons each (or an index range in SQL),
    with no calendar arithmetic at read time.

    Attributes:
        due_soon_at: When the last 40 % of the target begins.
        due_at: When the target is breached.
    """

    __slots__ = ("due_at", "due_soon_at")
    due_soon_at: datetime
    due_at: datetime

    def __init__(self, due_soon_at: datetime, due_at: datetime) -> None:
        set_field(self, "due_soon_at", due_soon_at)
        set_field(self, "due_at", due_at)

    def state(self, now: datetime) -> SlaState:
        """The SLA state at ``now``."""
        if now >= self.due_at:
            return SlaState.BREACHED
        if now >= self.due_soon_at:
            return SlaState.DUE_SOON
        return SlaState.OK


class _Year:
    """The business seconds open before each day of one year."""

    __slots__ = ("before", "first", "total")

    def __init__(self, year: int, hours: WeeklyHours, closed: frozenset[date]) -> None:
        self.first = date(year, 1, 1)
        days = (date(year + 1, 1, 1) - self.first).days
        open_by_weekday = [hours.seconds_on(weekday) for weekday in range(7)]
        before = [0] * (days + 1)
        running = 0
        weekday = self.first.weekday()
        for index in range(days):
            before[index] = running
            if open_by_weekday[weekday] and (self.first + timedelta(days=index)) not in closed:
                running += open_by_weekday[weekday]
            weekday = (weekday + 1) % 7
        before[days] = running
        #: ``before[i]``: business seconds from 1 January to the start of day ``i``.
        self.before = before
        self.total = running


class BusinessCalendar:
    """The store's open time: weekly hours, time zone and holidays.

    Args:
        hours: The weekly opening hours.
        zone: The store's time zone.
        holidays: The closed dates of a year (called once per year, then cached).
    """

    def __init__(self, hours: WeeklyHours, zone: tzinfo, holidays: HolidaySource) -> None:
        self.hours = hours
        self.zone = zone
        self._holidays = holidays
        self._years: dict[int, _Year] = {}

    def _year(self, year: int) -> _Year:
        table = self._years.get(year)
        if table is None:
            table = self._years[year] = _Year(year, self.hours, self._holidays(year))
        return table

    def is_open_day(self, day: date) -> bool:
        """Whether the store opens at all on ``day`` (a working weekday, no holiday)."""
        table = self._year(day.year)
        index = (day - table.first).days
        return table.before[index + 1] > table.before[index]

    def _position(self, instant: datetime) -> tuple[int, float]:
        """(year, business seconds from that year's 1 January to ``instant``)."""
        local = instant.astimezone(self.zone)
        day = local.date()
        table = self._year(day.year)
        index = (day - table.first).days
        done: float = table.before[index]
        if table.before[index + 1] > done:
            clock = local.hour * 3600 + local.minute * 60 + local.second
            fraction = local.microsecond / 1_000_000
            for start, end in self.hours.days[day.weekday()]:
                if clock >= end:
                    done += end - start
                elif clock >= start:  # inside this period
                    return day.year, done + (clock - start) + fraction
                else:
                    break
        return day.year, done

    def seconds_between(self, start: datetime, end: datetime) -> float:
        """Business seconds from ``start`` to ``end`` (0 when ``end`` is not later).

        Args:
            start: Timezone-aware instant.
            end: Timezone-aware instant.
        """
        if end <= start:
            return 0.0
        start_year, start_done = self._position(start)
        end_year, end_done = self._position(end)
        if start_year == end_year:
            return float(end_done - start_done)
        middle = sum(self._year(year).total for year in range(start_year + 1, end_year))
        return float(self._year(start_year).total - start_done + middle + end_done)

    def add_seconds(self, start: datetime, seconds: float) -> datetime:
        """The instant when ``seconds`` of business time have passed since ``start``.

        With ``seconds`` 0 the answer is ``start`` itself; otherwise it is the
        earliest instant inside opening hours at which the count is reached
        (a 5-minute SLA for a lead that arrived at 17:58 ends at 08:03 of the
        next open day).

        Returns:
            An aware datetime in the store's time zone.
        """
        if seconds <= 0:
            return start.astimezone(self.zone)
        return self._advance(*self._position(start), seconds)

    def _advance(self, year: int, done: float, seconds: float) -> datetime:
        """The instant ``seconds`` of business time after the position ``(year, done)``."""
        goal = done + seconds
        table = self._year(year)
        first_year = year
        while goal > table.total:
            goal -= table.total
            year += 1
            table = self._year(year)
            if year > first_year + 50:  # pragma: no cover - a store closed for decades
                raise ValueError("no business time ahead")
        # The day whose open time reaches the goal: before[index] < goal <= before[index + 1].
        index = bisect_left(table.before, goal) - 1
        day = table.first + timedelta(days=index)
        left = goal - table.before[index]
        for period_start, period_end in self.hours.days[day.weekday()]:
            length = period_end - period_start
            if left <= length:
                midnight = datetime(day.year, day.month, day.day, tzinfo=self.zone)
                return midnight + timedelta(seconds=period_start + left)
            left -= length
        raise AssertionError("the year table and the weekly hours disagree")  # pragma: no cover

    def subtract_seconds(self, end: datetime, seconds: float) -> datetime:
        """An instant ``seconds`` of business time before ``end`` (inside opening hours).

        With ``seconds`` 0 the answer is ``end`` itself.

        Returns:
            An aware datetime in the store's time zone.
        """
        if seconds <= 0:
            return end.astimezone(self.zone)
        year, done = self._position(end)
        goal = done - seconds
        table = self._year(year)
        while goal < 0:
            year -= 1
            table = self._year(year)
            goal += table.total
            if year < end.year - 50:  # pragma: no cover - a store closed for decades
                raise ValueError("no business time behind")
        # The open day holding the goal: before[index] <= goal < before[index + 1].
        index = bisect_right(table.before, goal) - 1
        day = table.first + timedelta(days=index)
        left = goal - table.before[index]
        for period_start, period_end in self.hours.days[day.weekday()]:
            length = period_end - period_start
            if left < length:
                midnight = datetime(day.year, day.month, day.day, tzinfo=self.zone)
                return midnight + timedelta(seconds=period_start + left)
            left -= length
        raise AssertionError("the year table and the weekly hours disagree")  # pragma: no cover

    def deadline(self, start: datetime, minutes: int) -> datetime:
        """The instant ``minutes`` business minutes after ``start``."""
        return self.add_seconds(start, minutes * 60)

    def sla_state(self, start: datetime, now: datetime, *, minutes: int) -> SlaState:
        """Where a lead waiting since ``start`` stands at ``now`` against a ``minutes`` target.

        ``due_soon`` covers the last 40 % of the target; ``breached`` starts
        when the whole target has passed.
        """
        return self.at(now).sla_state(start, minutes=minutes)

    def sla_marks(self, start: datetime, *, minutes: int) -> SlaMarks:
        """When a lead waiting since ``start`` becomes due soon and breached."""
        if minutes <= 0:
            return SlaMarks(
                due_soon_at=start.astimezone(self.zone), due_at=start.astimezone(self.zone)
            )
        year, done = self._position(start)  # once for both marks (a settings change: every lead)
        return SlaMarks(
            due_soon_at=self._advance(year, done, minutes * 60 * DUE_SOON_FROM),
            due_at=self._advance(year, done, minutes * 60),
        )

    def at(self, now: datetime) -> CalendarNow:
        """The calendar seen from ``now``: for many leads' clocks at one instant."""
        return CalendarNow(self, now)


class CalendarNow:
    """Business time up to one fixed instant (its position computed once).

    Args:
        calendar: The store's calendar.
        now: The instant the clocks are read at.
    """

    __slots__ = ("_calendar", "_done", "_year", "now")

    def __init__(self, calendar: BusinessCalendar, now: datetime) -> None:
        self._calendar = calendar
        self.now = now
        self._year, self._done = calendar._position(now)

    def waited(self, start: datetime) -> float:
        """Business seconds from ``start`` to now (0 when ``start`` is not earlier)."""
        if start >= self.now:
            return 0.0
        year, done = self._calendar._position(start)
        if year == self._year:
            return float(self._done - done)
        calendar = self._calendar
        middle = sum(calendar._year(between).total for between in range(year + 1, self._year))
        return float(calendar._year(year).total - done + middle + self._done)

    def sla_state(self, start: datetime, *, minutes: int) -> SlaState:
        """Where a lead waiting since ``start`` stands against a ``minutes`` target."""
        waited = self.waited(start)
        target = minutes * 60
        if waited >= target:
            return SlaState.BREACHED
        if waited >= target * DUE_SOON_FROM:
            return SlaState.DUE_SOON
        return SlaState.OK
