"""The manager's report: the store's aggregates turned into a :class:`Report`.

The days of a period are the store's days (setting ``timezone``): this
service turns each into its UTC bounds, so the database groups by local day
without knowing any zone, and a day that crosses midnight in UTC stays one day.
"""

from __future__ import annotations

import queue
from collections import Counter, defaultdict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar
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

if TYPE_CHECKING:
    from cockpit_tui.store.reader import StoreReader
    from cockpit_tui.store.report_sql import ReportBounds

_Params = ParamSpec("_Params")
_Answer = TypeVar("_Answer")

_DEFAULT_SLA_MINUTES = 5
#: A period holding at least 1/_WALK_SHARE of the store's leads has its groups and
#: percentiles walked on indexes: a walk then looks at most at ~20 index entries per
#: lead of the period it counts (about 0.1 µs each), still less than sorting them.
_WALK_SHARE = 20
#: Connections (and threads) reading one report at once: the machine's cores
#: are few, and each query already runs at full speed on one.
_READERS = 2
_GROUPINGS = ("source", "owner")


def _cents(value: Any) -> Decimal:
    return Decimal(int(value or 0)) / 100


def _rank(count: int, percent: int) -> int:
    """The nearest rank of a percentile among ``count`` values: ceil(percent% of count)."""
    return (count * percent + 99) // 100


def walks_indexes(arrived: int, high_mark: int) -> bool:
    """Whether a period of ``arrived`` leads in a store of about ``high_mark`` is read by
    walking the grouping indexes (see ``report_sql.ranked_response``) rather than sorted."""
    return arrived * _WALK_SHARE >= high_mark


def _minutes(seconds: Any) -> float | None:
    return None if seconds is None else round(int(seconds) / 60, 1)


class _Tally:
    """The store's counts per grouping (all, day, source, owner), with sales and percentiles."""

    def __init__(self) -> None:
        self.counts: dict[tuple[str, Any], list[int]] = defaultdict(lambda: [0, 0, 0])
        self.sold_arrivals: dict[int, int] = defaultdict(int)
        self.sales: dict[tuple[str, Any], tuple[int, Decimal]] = {}
        self.percentiles: dict[tuple[str, Any], tuple[float | None, float | None]] = {}
        self.now_in: Counter[Status] = Counter()

    def add_day(self, day: int, counts: list[int], per_status: list[int]) -> None:
        """One day: arrived, answered, within SLA; its leads per status now (board order)."""
        for key in (("all", 0), ("day", day)):
            total = self.counts[key]
            for position, count in enumerate(counts):
                total[position] += count
        for status, count in zip(STATUS_ORDER, per_status, strict=True):
            self.now_in[status] += count
        self.sold_arrivals[day] += per_status[STATUS_ORDER.index(Status.SOLD)]

    def add_group(self, grouping: str, group: Any, counts: list[int]) -> None:
        """One source's (or one of its spellings') or salesperson's arrived, answered,
        within SLA."""
        total = self.counts[(grouping, group)]
        for position, count in enumerate(counts):
            total[position] += count

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


def _median_and_p90(
    reader: StoreReader,
    scope: tuple[int, int],
    *,
    answered: int,
    group: tuple[str, Any] | None,
    walk: bool,
) -> tuple[float | None, float | None]:
    """The median and 90th percentile (nearest rank, minutes) of ``answered`` answers."""
    from cockpit_tui.store.report_sql import ranked_response

    median = ranked_response(reader, scope, rank=_rank(answered, 50), group=group, walk=walk)
    p90 = ranked_response(
        reader,
        scope,
        rank=answered - _rank(answered, 90) + 1,
        from_slowest=True,
        group=group,
        walk=walk,
    )
    return _minutes(median), _minutes(p90)


class _Readers:
    """One report's connections, each lent to one query at a time on the pool's threads."""

    def __init__(self, readers: list[StoreReader], pool: ThreadPoolExecutor) -> None:
        self.first = readers[0]
        self._free: queue.SimpleQueue[StoreReader] = queue.SimpleQueue()
        for reader in readers:
            self._free.put(reader)
        self._pool = pool

    def run(
        self,
        query: Callable[Concatenate[StoreReader, _Params], _Answer],
        *args: _Params.args,
        **kwargs: _Params.kwargs,
    ) -> Future[_Answer]:
        """Start ``query(reader, *args, **kwargs)`` on a free connection."""

        def lend() -> _Answer:
            reader = self._free.get()  # never waits: as many threads as connections
            try:
                return query(reader, *args, **kwargs)
            finally:
                self._free.put(reader)

        return self._pool.submit(lend)


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
        """Every figure of ``period`` (leads counted in the day they arrived).

        The queries run on :data:`_READERS` connections at once, all reading one
        snapshot of the store (``store/report_snapshot.py``).
        """
        from cockpit_tui.store.report_snapshot import report_snapshot

        with (
            report_snapshot(self._store.reader, connections=_READERS) as readers,
            ThreadPoolExecutor(len(readers), thread_name_prefix="report") as pool,
        ):
            return self._report(period, _Readers(readers, pool))

    def _report(self, period: ReportPeriod, readers: _Readers) -> Report:
        from cockpit_tui.store import report_sql
        from cockpit_tui.store.codec import to_micros
        from cockpit_tui.store.source_reads import spellings_by_source

        zone = ZoneInfo(readers.first.setting("timezone") or DEFAULT_TIMEZONE)
        stored_sla = readers.first.setting("sla_minutes")
        sla = int(stored_sla) if stored_sla else _DEFAULT_SLA_MINUTES
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
        # Submitted longest first: the day counts gate the group counts and percentiles.
        daily = readers.run(report_sql.daily_counts, bounds, sla_seconds=sla * 60)
        high_mark = readers.run(report_sql.lead_id_high_mark)
        sales = readers.run(report_sql.sales, bounds)
        reached_rows = readers.run(report_sql.reached_before, bounds)
        lost_rows = readers.run(report_sql.lost_reasons, bounds)
        pipeline = readers.run(self._pipeline)
        source_spellings = readers.run(spellings_by_source)
        tally = _Tally()
        for day, *counts in daily.result():
            figures = [int(count or 0) for count in counts]
            tally.add_day(int(day), figures[:3], figures[3:])
        # Walking an index in group or answer order looks at every lead of the store
        # but sorts none: worth it when the period holds a good share of them.
        walk = walks_indexes(tally.counts[("all", 0)][0], high_mark.result())
        groups = {
            grouping: readers.run(
                report_sql.group_counts, bounds, grouping=grouping, sla_seconds=sla * 60, walk=walk
            )
            for grouping in report_sql.GROUP_COLUMNS
        }
        percentiles = self._read_percentiles(readers, tally, bounds, walk=walk)
        # "Telefone" and "telefone" are one source, shown as first recorded (domain/sources).
        spellings = source_spellings.result()
        shown_as = {spelling: first for first, every in spellings.items() for spelling in every}
        for grouping, rows in groups.items():
            for group, *counts in rows.result():
                if grouping == "source" and group is not None:
                    group = shown_as.get(str(group), group)
                tally.add_group(grouping, group, [int(count or 0) for count in counts])
        percentiles += self._read_percentiles(
            readers, tally, bounds, walk=walk, grouped=True, spellings=spellings
        )
        reached: Counter[Status] = Counter(tally.now_in)
        for status, count in reached_rows.result():
            reached[Status(status)] += int(count)
        for day, source, owner, sold, value in sales.result():
            shown = shown_as.get(str(source), source) if source is not None else None
            tally.add_sales(int(day), shown, owner, int(sold), _cents(value))
        for key, answer in percentiles:
            tally.percentiles[key] = answer.result()
        total = tally.figures("all", 0)
        return Report(
            period=period,
            arrived=total.arrived,
            reached={status: reached.get(status, 0) for status in STATUS_ORDER},
            sold=total.sold,
            lost=tally.now_in[Status.LOST],
            sales_total=total.sales_total,
            first_response=total.first_response,
            by_source=tally.lines("source"),
            by_salesperson=tally.lines("owner"),
            lost_reasons=dict(
                sorted(
                    ((str(row[0]), int(row[1])) for row in lost_rows.result()),
                    key=lambda item: (-item[1], item[0]),
                )
            ),
            daily=[
                DayFigures(day, line.arrived, tally.sold_arrivals[index], line.first_response)
                for index, day in enumerate(days)
                for line in (tally.figures("day", index),)
            ],
            pipeline=pipeline.result(),
            sla_minutes=sla,
        )

    def _read_percentiles(
        self,
        readers: _Readers,
        tally: _Tally,
        bounds: ReportBounds,
        *,
        walk: bool,
        grouped: bool = False,
        spellings: dict[str, list[str]] | None = None,
    ) -> list[tuple[tuple[str, Any], Future[tuple[float | None, float | None]]]]:
        """Start reading the median and 90th percentile (nearest rank) of every group
        with an answer: overall and per day, or (``grouped``) per source and salesperson
        (a source in all its ``spellings``)."""
        period = (bounds.days[0][0], bounds.days[-1][1])
        started = []
        for (grouping, group), (_, answered, _) in list(tally.counts.items()):
            if not answered or (grouping in _GROUPINGS) != grouped:
                continue
            scope, of_group, walks = period, None, walk
            if grouping == "day":
                scope, walks = bounds.days[group], False
            elif grouping == "source" and group is not None and spellings:
                of_group = (grouping, tuple(spellings.get(group, [group])))
            elif grouping != "all":
                of_group = (grouping, group)
            answer = readers.run(
                _median_and_p90, scope, answered=answered, group=of_group, walk=walks
            )
            started.append(((grouping, group), answer))
        return started

    def pipeline(self) -> list[PipelineFigures]:
        """Every column now: leads, total asking value and how many are stale."""
        return self._pipeline(self._store.reader)

    def _pipeline(self, reader: StoreReader) -> list[PipelineFigures]:
        from cockpit_tui.store import report_sql
        from cockpit_tui.store.codec import to_micros

        now = self._clock.now()
        stale_before = {
            status.value: to_micros(now - timedelta(days=days))
            for status, days in STALE_DAYS.items()
        }
        rows = {str(row[0]): row for row in report_sql.pipeline(reader, stale_before=stale_before)}
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
