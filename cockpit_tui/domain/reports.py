"""The manager's report: its period and the figures it holds (no I/O).

A lead counts in the period it *arrived* in: every figure of a report
(reached, sold, lost, first response, by source, by salesperson, per day)
is about the leads created between the period's first and last day, in the
store's time zone, whatever happened to them since. Only the open pipeline
is a picture of now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from cockpit_tui.domain.statuses import Status

#: The lost reason of a lost lead nobody recorded an outcome for.
UNRECORDED_REASON = "unrecorded"


class PeriodName(StrEnum):
    """The periods a report can be asked for by name."""

    TODAY = "today"
    DAYS_7 = "7d"
    DAYS_30 = "30d"
    MONTH = "month"
    LAST_MONTH = "last-month"


@dataclass(frozen=True, slots=True)
class ReportPeriod:
    """The days a report covers, first and last included, in the store's time zone."""

    first: date
    last: date

    def days(self) -> list[date]:
        """Every day of the period, in order."""
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]


#: The longest period a report covers (a daily table of more than a year is no use on screen).
MAX_PERIOD_DAYS = 366


def named_period(name: PeriodName, today: date) -> ReportPeriod:
    """The period a name means on ``today`` (a local date).

    ``7d`` and ``30d`` end today and include it; ``month`` is this month up to
    today; ``last-month`` the whole previous calendar month.
    """
    if name is PeriodName.TODAY:
        return ReportPeriod(today, today)
    if name is PeriodName.DAYS_7:
        return ReportPeriod(today - timedelta(days=6), today)
    if name is PeriodName.DAYS_30:
        return ReportPeriod(today - timedelta(days=29), today)
    if name is PeriodName.MONTH:
        return ReportPeriod(today.replace(day=1), today)
    last_of_previous = today.replace(day=1) - timedelta(days=1)
    return ReportPeriod(last_of_previous.replace(day=1), last_of_previous)


def typed_period(first: date, last: date) -> ReportPeriod | None:
    """A typed range, or None when it ends before it starts or is longer than a year."""
    if last < first or (last - first).days + 1 > MAX_PERIOD_DAYS:
        return None
    return ReportPeriod(first, last)


@dataclass(frozen=True, slots=True)
class ResponseFigures:
    """How fast the leads of a group got their first response.

    Attributes:
        median_minutes: Median first response, business minutes (None: nobody answered).
        p90_minutes: 90th percentile (nearest rank), business minutes.
        within_sla: Leads answered within the SLA (``sla_minutes``).
        answered: Leads that got a first response.
        unanswered: Leads still without one.
    """

    median_minutes: float | None
    p90_minutes: float | None
    within_sla: int
    answered: int
    unanswered: int

    @property
    def within_sla_share(self) -> float | None:
        """Share of the group's leads answered within the SLA (None for no leads)."""
        total = self.answered + self.unanswered
        return self.within_sla / total if total else None


NO_RESPONSES = ResponseFigures(None, None, 0, 0, 0)


@dataclass(frozen=True, slots=True)
class GroupFigures:
    """One source's or one salesperson's line.

    Attributes:
        name: The source or salesperson (None: leads without one).
        arrived: Leads of the period in the group.
        sold: Sales among them (for a salesperson: the ones they owned when sold).
        sales_total: What those sales were worth, in reais.
        first_response: The group's first-response figures.
    """

    name: str | None
    arrived: int
    sold: int
    sales_total: Decimal
    first_response: ResponseFigures

    @property
    def conversion(self) -> float | None:
        """Sold over arrived (None when nothing arrived)."""
        return self.sold / self.arrived if self.arrived else None


@dataclass(frozen=True, slots=True)
class DayFigures:
    """One day of the period: arrivals, their sales and their response time."""

    day: date
    arrived: int
    sold: int
    first_response: ResponseFigures


@dataclass(frozen=True, slots=True)
class PipelineFigures:
    """One board column now: how many leads, their asking value, how many are stale."""

    status: Status
    leads: int
    asking_total: Decimal
    stale: int


@dataclass(frozen=True, slots=True)
class Report:
    """Everything the reports screen and ``cockpit report`` show for one period.

    Attributes:
        period: The days covered.
        arrived: Leads created in the period.
        reached: How many of them reached each status (undone moves not counted).
        sold: How many of them are sold now.
        lost: How many of them are lost now.
        sales_total: Value of those sales, in reais.
        first_response: First-response figures of all of them.
        by_source: One line per source, most arrivals first.
        by_salesperson: One line per salesperson, most arrivals first.
        lost_reasons: Reason code → lost leads of the period.
        daily: One line per day of the period.
        pipeline: The open columns now (not only the period's leads).
        sla_minutes: The SLA the within-SLA figures used.
    """

    period: ReportPeriod
    arrived: int
    reached: dict[Status, int]
    sold: int
    lost: int
    sales_total: Decimal
    first_response: ResponseFigures
    by_source: list[GroupFigures]
    by_salesperson: list[GroupFigures]
    lost_reasons: dict[str, int]
    daily: list[DayFigures]
    pipeline: list[PipelineFigures]
    sla_minutes: int

    @property
    def conversion(self) -> float | None:
        """Sold over arrived (None when nothing arrived)."""
        return self.sold / self.arrived if self.arrived else None


def parse_day(text: str) -> date | None:
    """A typed day: ISO ``2026-11-27`` or Brazilian ``27/11/2026`` (None: not a date)."""
    cleaned = text.strip()
    try:
        if "/" in cleaned:
            day, month, year = (int(part) for part in cleaned.split("/"))
            return date(year, month, day)
        return date.fromisoformat(cleaned)
    except ValueError:
        return None
