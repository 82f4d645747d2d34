"""The manager's report as SQL aggregates (SQLite and PostgreSQL alike).

Every query starts from the same *cohort*: the leads created in the
period, found on ``ix_lead_created`` (migration 16), a day at a time through
UTC bounds the caller computed in the store's time zone (so a day is the
store's day, whatever the database's zone, and SQLite needs no zone rules).

SQLite sorts for every GROUP BY and window, and sorting 100,000 leads is most
of a report's time budget, so the queries avoid it where the leads are many:
the counts per day are read one index range per day; the counts per source
and per salesperson come grouped from indexes in that order (migration 18);
percentiles are nearest-rank, each the k-th entry of an index walk
(:func:`ranked_response`), so medians too come out of the database without a
window over every lead.

Rules the queries hold (the tests recompute each in plain Python):

- a lead *reached* a status if it is in it now, or a move that was neither
  undone nor itself an undo went to or from it;
- a sale is a cohort lead in ``sold`` now; it happened at its last such move
  to ``sold`` (its arrival when it has none) and counts for whoever owned the
  lead then: the last assignment at or before that instant, or, with none,
  the owner it has now; its value is the last recorded sale price, else the
  lead's asking price;
- a lost lead's reason is its last recorded one (``unrecorded`` without one).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cockpit_tui.domain.reports import UNRECORDED_REASON
from cockpit_tui.domain.statuses import STATUS_ORDER
from cockpit_tui.store.reader import Row, StoreReader

_LEGIT_MOVE = "sc.undone_at IS NULL AND sc.undo_of IS NULL"
_SALE_AT = (
    "COALESCE((SELECT MAX(sc.at) FROM status_change sc WHERE sc.lead_id = c.id"
    f" AND sc.to_status = 'sold' AND {_LEGIT_MOVE}), c.created_at)"
)
_SALES = (
    "sale_at AS (SELECT c.*, " + _SALE_AT + " AS sold_at FROM cohort c WHERE c.status = 'sold'),"
    " sales AS (SELECT s.id, s.everyone, s.day_index, s.source,"
    " CASE WHEN EXISTS (SELECT 1 FROM assignment a WHERE a.lead_id = s.id AND a.at <= s.sold_at)"
    " THEN (SELECT a.assigned_to FROM assignment a WHERE a.lead_id = s.id AND a.at <= s.sold_at"
    " ORDER BY a.at DESC, a.id DESC LIMIT 1) ELSE s.assigned_to END AS owner,"
    " COALESCE((SELECT o.price FROM outcome o WHERE o.lead_id = s.id AND o.kind = 'sold'"
    " AND o.price IS NOT NULL ORDER BY o.id DESC LIMIT 1), s.price, 0) AS value"
    " FROM sale_at s)"
)

#: The lead columns the report groups by (besides the day), as the service names them.
GROUP_COLUMNS = {"source": "source", "owner": "assigned_to"}
_ARRIVALS = (
    "COUNT(*), COUNT(first_response_seconds), COUNT(*) FILTER (WHERE first_response_seconds <= ?)"
)


@dataclass(frozen=True, slots=True)
class ReportBounds:
    """The period as UTC microseconds: one ``(lo, hi)`` per local day, in order."""

    days: Sequence[tuple[int, int]]

    def cohort_sql(self) -> tuple[str, list[Any]]:
        """``WITH days …, cohort …`` and its parameters."""
        values = ", ".join("(?, ?, ?)" for _ in self.days)
        params: list[Any] = []
        for index, (lo, hi) in enumerate(self.days):
            params += [index, lo, hi]
        sql = (
            f"WITH days (day_index, lo, hi) AS (VALUES {values}),"
            " cohort AS (SELECT l.id, 0 AS everyone, d.day_index, l.source, l.status,"
            " l.assigned_to, l.price, l.created_at, l.first_response_seconds"
            " FROM days d JOIN lead l ON l.created_at >= d.lo AND l.created_at < d.hi)"
        )
        return sql, params


def daily_counts(reader: StoreReader, bounds: ReportBounds, *, sla_seconds: int) -> list[Row]:
    """``(day, arrived, answered, within SLA, leads in each status now…)`` for every day.

    One index range per day (``ix_lead_created``), counted as it is read: no
    GROUP BY, so nothing is sorted. The statuses come in :data:`STATUS_ORDER`.
    """
    statuses = [status.value for status in STATUS_ORDER]
    per_status = ", ".join("COUNT(*) FILTER (WHERE status = ?)" for _ in statuses)
    parts, params = [], []
    for index, (lo, hi) in enumerate(bounds.days):
        parts.append(
            f"SELECT {int(index)} AS day_index, {_ARRIVALS}, {per_status} FROM lead"
            " WHERE created_at >= ? AND created_at < ?"
        )
        params += [sla_seconds, *statuses, lo, hi]
    return reader.fetchall(" UNION ALL ".join(parts), params)


def group_counts(
    reader: StoreReader, bounds: ReportBounds, *, grouping: str, sla_seconds: int, walk: bool
) -> list[Row]:
    """``(group, arrived, answered, within SLA)`` per source or per salesperson now.

    With ``walk``, read in the order of ``ix_lead_report_source`` /
    ``ix_lead_report_owner`` (migration 18): the groups come out without a
    sort, but every lead of the store is looked at (see :func:`ranked_response`).
    """
    column = GROUP_COLUMNS[grouping]
    plus = "+" if walk else ""
    return reader.fetchall(
        f"SELECT {column}, {_ARRIVALS} FROM lead"
        f" WHERE {plus}created_at >= ? AND {plus}created_at < ? GROUP BY {column}",
        [sla_seconds, bounds.days[0][0], bounds.days[-1][1]],
    )


def ranked_response(
    reader: StoreReader,
    period: tuple[int, int],
    *,
    rank: int,
    from_slowest: bool = False,
    group: tuple[str, Any] | None = None,
    walk: bool = True,
) -> int | None:
    """The ``rank``-th fastest first response (1: the fastest) of the leads of ``period``.

    Args:
        reader: The store's reader.
        period: UTC bounds (µs) of the arrivals counted: the report's, or one day's.
        rank: Which answer, from the fastest (or, with ``from_slowest``, the slowest).
        from_slowest: Count from the slowest: the 90th percentile is then a short walk.
        group: ``(grouping, value)`` to count one source or salesperson only (None: all);
            a tuple of values counts them together (a source's spellings).
        walk: Walk the answers in order on ``ix_lead_report_response`` (or the grouping's
            index), skipping those of other periods: quick when the period holds a
            good share of the store's leads. Otherwise (a day, a short period in a
            big store) the period's answers are read on ``ix_lead_created`` and sorted.

    Returns:
        The seconds, or None when there are fewer answers than ``rank``.

    The unary ``+`` on ``created_at`` keeps SQLite's planner off
    ``ix_lead_created`` for a walk (it would read the period and sort it);
    PostgreSQL reads it as the same comparison.
    """
    params: list[Any] = [period[0], period[1]]
    where = ""
    if group is not None:
        column = GROUP_COLUMNS[group[0]]
        if group[1] is None:
            where = f" AND {column} IS NULL"
        elif isinstance(group[1], tuple):
            where = f" AND {column} IN ({', '.join('?' for _ in group[1])})"
            params += group[1]
        else:
            where = f" AND {column} = ?"
            params.append(group[1])
    plus = "+" if walk else ""
    row = reader.fetchone(
        "SELECT first_response_seconds FROM lead WHERE first_response_seconds IS NOT NULL"
        f" AND {plus}created_at >= ? AND {plus}created_at < ?{where}"
        f" ORDER BY first_response_seconds {'DESC' if from_slowest else 'ASC'}"
        " LIMIT 1 OFFSET ?",
        [*params, rank - 1],
    )
    return None if row is None else int(row[0])


def sales(reader: StoreReader, bounds: ReportBounds) -> list[Row]:
    """``(day, source, owner at the sale, sales, value in cents)`` of the period's sales."""
    cohort, params = bounds.cohort_sql()
    return reader.fetchall(
        f"{cohort}, {_SALES} SELECT day_index, source, owner, COUNT(*), SUM(value)"
        " FROM sales GROUP BY day_index, source, owner",
        params,
    )


def reached_before(reader: StoreReader, bounds: ReportBounds) -> list[Row]:
    """``(status, leads)``: cohort leads that were in a status *other than their current one*.

    Read from the moves (neither undone nor an undo) of the period's leads; with
    the current statuses (from :func:`cohort_groups`) this gives who reached what.
    """
    lo, hi = bounds.days[0][0], bounds.days[-1][1]
    moved = (
        "SELECT sc.lead_id, sc.{end} AS status FROM status_change sc"
        " JOIN lead l ON l.id = sc.lead_id"
        f" WHERE l.created_at >= ? AND l.created_at < ? AND {_LEGIT_MOVE}"
        " AND sc.{end} <> l.status"
    )
    return reader.fetchall(
        f"SELECT status, COUNT(*) FROM ({moved.format(end='to_status')}"
        f" UNION {moved.format(end='from_status')}) AS been GROUP BY status",
        [lo, hi, lo, hi],
    )


def lost_reasons(reader: StoreReader, bounds: ReportBounds) -> list[Row]:
    """``(reason, leads)`` over the cohort's lost leads (their last recorded reason)."""
    cohort, params = bounds.cohort_sql()
    return reader.fetchall(
        f"{cohort}, reasons AS (SELECT COALESCE((SELECT o.lost_reason FROM outcome o"
        " WHERE o.lead_id = c.id AND o.kind = 'lost' AND o.lost_reason IS NOT NULL"
        " ORDER BY o.id DESC LIMIT 1), ?) AS reason FROM cohort c WHERE c.status = 'lost')"
        " SELECT reason, COUNT(*) FROM reasons GROUP BY reason",
        [*params, UNRECORDED_REASON],
    )


def lead_id_high_mark(reader: StoreReader) -> int:
    """The highest lead id: about how many leads the store has ever had (read at once)."""
    row = reader.fetchone("SELECT MAX(id) FROM lead")
    return int(row[0]) if row and row[0] is not None else 0


def pipeline(reader: StoreReader, *, stale_before: dict[str, int]) -> list[Row]:
    """``(status, leads, asking value in cents, stale)`` of every lead now, per status.

    Args:
        reader: The store's reader.
        stale_before: Status → the instant (UTC µs) before which its leads are stale.
    """
    parts, params = [], []
    for status, cutoff in stale_before.items():
        parts.append(
            "SELECT ?, COUNT(*), COALESCE(SUM(price), 0),"
            " COUNT(*) FILTER (WHERE last_activity_at < ?) FROM lead WHERE status = ?"
        )
        params += [status, cutoff, status]
    return reader.fetchall(" UNION ALL ".join(parts), params)
