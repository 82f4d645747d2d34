"""The manager's report: the store's aggregates turned into a :class:`Report`.

The days of a period are the store's days (setting ``timezone``): this
service turns each into its UTC bounds, so the database groups by local day
without knowing any zone, and a day that crosses midnight in UTC stays one day.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from cockpit_tui.domain.calendar_values import DEFAULT_TIMEZONE
from cockpit_tui.domain.filters import STALE_DAYS
from cockpit_tui.domain.reports import (
    DayFigures,
    GroupFigures,
    PipelineFigures,
    Report,
    ReportPeriod,
    ResponseFigures,
)
from cockpit_tui.domain.statuses import STATUS_ORDER, Status
from cockpit_tui.services.store_service import StoreService

_DEFAULT_SLA_MINUTES = 5


def _cents(value: Any) -> Decimal:
    return Decimal(int(value or 0)) / 100


def _minutes(seconds: Any) -> float | None:
    return None if seconds is None else round(int(seconds) / 60, 1)


class _Tally:
    """The store's fine-grained groups added up per grouping (all, day, source, owner)."""

    def __init__(self) -> None:
        self.counts: dict[tuple[str, Any], list[int]] = defaultdict(lambda: [0, 0, 0])
        self.sold_arrivals: dict[tuple[str, Any], int] = defaultdict(int)
        self.sales: dict[tuple[str, Any], tuple[int, Decimal]] = {}
        self.percentiles: dict[tuple[str, Any], tuple[float | None, float | None]] = {}
        self.lost = 0

    def add_arrivals(
        self, day: int, source: Any, owner: Any, status: Status, counts: list[int]
    ) -> None:
        """One (day, source, owner now, status now) group: arrived, answered, within SLA."""
        arrived, answered, within = counts
        sold = arrived if status is Status.SOLD else 0
        self.lost += arrived if status is Status.LOST else 0
        for key in (("all", 0), ("day", day), ("source", source), ("owner", owner)):
            total = self.counts[key]
            total[0] += arrived
            total[1] += answered
            total[2] += within
            self.sold_arrivals[key] += sold

    def add_sales(self, day: int, source: Any, owner: Any, sold: int, value: Decimal) -> None:
        """One (day, source, owner at the sale) group of sales."""
        for key in (("all", 0), ("day", day), ("source", source), ("owner", owner)):
            count, total = self.sales.get(key, (0, Decimal(0)))
            self.sales[key] = (count + sold, total + value)

    def figures(self, grouping: str, group: Any) -> GroupFigures:
        """The line of one group (zeros for a group with no lead)."""
        arrived, answered, within = self.counts.get((grouping, group), [0, 0, 0])
        sold, value = self.sales.get((grouping, group), (0, Decimal(0)))
        median, p90 = self.percentiles.get((grouping, group), (None, None))
        response = ResponseFigures(median, p90, within, answered, arrived - answered)
        return GroupFigures(None if group is None else str(group), arrived, sold, value, response)

    def lines(self, grouping: str) -> list[GroupFigures]:
        """Every group of a grouping, most arrivals first (then most sales, then by name)."""
        groups = {group for name, group in (*self.counts, *self.sales) if name == grouping}
        figures = [self.figures(grouping, group) for group in groups]
        return sorted(figures, key=lambda line: (-line.arrived, -line.sold, line.name or ""))


class ReportService(StoreService):
    """Reads the manager's report of a period."""

    def zone(self) -> ZoneInfo:
        """The store's time zone (setting ``timezone``)."""
        return ZoneInfo(self._store.reader.setting("timezone") or DEFAULT_TIMEZONE)

    def today(self) -> date:
        """Today in the store's time zone."""
        return self._clock.now().astimezone(self.zone()).date()

    def sla_minutes(self) -> int:
        """The first-response target (setting ``sla_minutes``)."""
        stored = self._store.reader.setting("sla_minutes")
        return int(stored) if stored else _DEFAULT_SLA_MINUTES

    def report(self, period: ReportPeriod) -> Report:
        """Every figure of ``period`` (leads counted in the day they arrived)."""
        from cockpit_tui.store import report_sql
        from cockpit_tui.store.codec import to_micros

        zone = self.zone()
        days = period.days()
        bounds = report_sql.ReportBounds(
            [
                (
                    to_micros(datetime.combine(day, time(), zone)),
                    to_micros(datetime.combine(day + timedelta(days=1), time(), zone)),
                )
                for day in days
            ]
        )
        reader = self._store.reader
        sla = self.sla_minutes()
        tally = _Tally()
        reached: Counter[Status] = Counter()
        for day, source, owner, status, *counts in report_sql.cohort_groups(
            reader, bounds, sla_seconds=sla * 60
        ):
            arrived, answered, within = (int(count or 0) for count in counts)
            reached[Status(status)] += arrived
            tally.add_arrivals(int(day), source, owner, Status(status), [arrived, answered, within])
        for status, count in report_sql.reached_before(reader, bounds):
            reached[Status(status)] += int(count)
        for day, source, owner, sold, value in report_sql.sales(reader, bounds):
            tally.add_sales(int(day), source, owner, int(sold), _cents(value))
        for grouping, key, median, p90 in report_sql.percentiles(reader, bounds):
            group = int(key) if grouping in ("all", "day") else key
            tally.percentiles[(str(grouping), group)] = (_minutes(median), _minutes(p90))
        total = tally.figures("all", 0)
        return Report(
            period=period,
            arrived=total.arrived,
            reached={status: reached.get(status, 0) for status in STATUS_ORDER},
            sold=total.sold,
            lost=tally.lost,
            sales_total=total.sales_total,
            first_response=total.first_response,
            by_source=tally.lines("source"),
            by_salesperson=tally.lines("owner"),
            lost_reasons=dict(
                sorted(
                    ((str(row[0]), int(row[1])) for row in report_sql.lost_reasons(reader, bounds)),
                    key=lambda item: (-item[1], item[0]),
                )
            ),
            daily=[
                DayFigures(
                    day, line.arrived, tally.sold_arrivals[("day", index)], line.first_response
                )
                for index, day in enumerate(days)
                for line in (tally.figures("day", index),)
            ],
            pipeline=self.pipeline(),
            sla_minutes=sla,
        )

    def pipeline(self) -> list[PipelineFigures]:
        """Every column now: leads, total asking value and how many are stale."""
        from cockpit_tui.store import report_sql
        from cockpit_tui.store.codec import to_micros

        now = self._clock.now()
        stale_before = {
            status.value: to_micros(now - timedelta(days=days))
            for status, days in STALE_DAYS.items()
        }
        rows = {
            str(row[0]): row
            for row in report_sql.pipeline(self._store.reader, stale_before=stale_before)
        }
        figures = []
        for status in STATUS_ORDER:
            row = rows.get(status.value)
            figures.append(
                PipelineFigures(
                    status,
                    int(row[1]) if row else 0,
                    _cents(row[2]) if row else Decimal(0),
                    int(row[3] or 0) if row else 0,
                )
            )
        return figures
