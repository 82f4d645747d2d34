"""The manager's report as SQL aggregates (SQLite and PostgreSQL alike).

Every query starts from the same *cohort*: the leads created in the
period, found on ``ix_lead_created`` (migration 16) and tagged with their
local day through a ``days`` table of UTC bounds the caller computed in the
store's time zone (so a day is the store's day, whatever the database's
zone, and SQLite needs no zone rules). Percentiles are nearest-rank, read
with window functions, so medians too come out of the database.

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

#: The groupings of the first-response percentiles, and the cohort column each groups by.
GROUPINGS = {"all": "everyone", "day": "day_index", "source": "source", "owner": "assigned_to"}


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


def cohort_groups(reader: StoreReader, bounds: ReportBounds, *, sla_seconds: int) -> list[Row]:
    """``(day, source, owner now, status now, arrived, answered, within SLA)``.

    One pass over the period's leads, grouped as finely as any section needs;
    the service adds the groups up per day, per source, per salesperson.
    """
    cohort, params = bounds.cohort_sql()
    return reader.fetchall(
        f"{cohort} SELECT day_index, source, assigned_to, status, COUNT(*),"
        " COUNT(first_response_seconds),"
        " SUM(CASE WHEN first_response_seconds <= ? THEN 1 ELSE 0 END)"
        " FROM cohort GROUP BY day_index, source, assigned_to, status",
        [*params, sla_seconds],
    )


def sales(reader: StoreReader, bounds: ReportBounds) -> list[Row]:
    """``(day, source, owner at the sale, sales, value in cents)`` of the period's sales."""
    cohort, params = bounds.cohort_sql()
    return reader.fetchall(
        f"{cohort}, {_SALES} SELECT day_index, source, owner, COUNT(*), SUM(value)"
        " FROM sales GROUP BY day_index, source, owner",
        params,
    )


def percentiles(reader: StoreReader, bounds: ReportBounds) -> list[Row]:
    """``(grouping, group, median s, p90 s)`` of the first responses, for every grouping.

    Nearest rank: the k-th smallest of n with k = ceil(p·n), read with window functions.
    """
    cohort, params = bounds.cohort_sql()
    parts = [
        f"SELECT '{name}' AS grouping_name, CAST({column} AS TEXT) AS grp,"
        " first_response_seconds AS secs,"
        f" ROW_NUMBER() OVER (PARTITION BY {column} ORDER BY first_response_seconds) AS rn,"
        f" COUNT(*) OVER (PARTITION BY {column}) AS n"
        " FROM answered"
        for name, column in GROUPINGS.items()
    ]
    return reader.fetchall(
        f"{cohort}, answered AS MATERIALIZED (SELECT * FROM cohort"
        f" WHERE first_response_seconds IS NOT NULL), ranked AS ({' UNION ALL '.join(parts)})"
        " SELECT grouping_name, grp, MAX(CASE WHEN rn = (n * 50 + 99) / 100 THEN secs END),"
        " MAX(CASE WHEN rn = (n * 90 + 99) / 100 THEN secs END)"
        " FROM ranked WHERE rn = (n * 50 + 99) / 100 OR rn = (n * 90 + 99) / 100"
        " GROUP BY grouping_name, grp",
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


def pipeline(reader: StoreReader, *, stale_before: dict[str, int]) -> list[Row]:
    """``(status, leads, asking value in cents, stale)`` of every lead now, per status.

    Args:
        reader: The store's reader.
        stale_before: Status → the instant (UTC µs) before which its leads are stale.
    """
    cases = " ".join("WHEN ? THEN ?" for _ in stale_before)
    params: list[Any] = []
    for status, cutoff in stale_before.items():
        params += [status, cutoff]
    return reader.fetchall(
        "SELECT status, COUNT(*), COALESCE(SUM(price), 0),"
        f" SUM(CASE WHEN last_activity_at < (CASE status {cases} END) THEN 1 ELSE 0 END)"
        " FROM lead GROUP BY status",
        params,
    )
