"""The report's figures recomputed in plain Python from the stored rows (the tests' oracle).

Reads the tables with plain ``SELECT`` (no aggregate, no join) and applies
the report's rules one lead at a time, written independently of the SQL in
``store/report_sql.py``: if both agree on a generated store, the SQL is right.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from cockpit_tui.domain.filters import STALE_DAYS
from cockpit_tui.domain.statuses import STATUS_ORDER
from cockpit_tui.services import Services


def _instant(micros: int) -> datetime:
    return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=int(micros))


def _nearest_rank(values: list[int], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[math.ceil(share * len(ordered)) - 1] / 60, 1)


def _response(seconds: list[int | None], sla_seconds: int) -> dict[str, Any]:
    answered = [value for value in seconds if value is not None]
    within = sum(1 for value in answered if value <= sla_seconds)
    return {
        "median_minutes": _nearest_rank(answered, 0.5),
        "p90_minutes": _nearest_rank(answered, 0.9),
        "within_sla_share": round(within / len(seconds), 4) if seconds else None,
        "within_sla": within,
        "answered": len(answered),
        "unanswered": len(seconds) - len(answered),
    }


def _money(cents: int) -> str:
    return str((Decimal(cents) / 100).quantize(Decimal("0.01")))


def expected_document(
    services: Services, first: date, last: date, *, now: datetime, sla_minutes: int = 5
) -> dict[str, Any]:
    """What ``cockpit report --json`` must say for ``first``..``last``."""
    reader = services.store.reader
    zone = ZoneInfo(reader.setting("timezone") or "America/Sao_Paulo")
    sla = sla_minutes * 60
    leads = reader.fetchall(
        "SELECT id, created_at, status, source, assigned_to, price, first_response_seconds,"
        " last_activity_at FROM lead"
    )
    moves: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for row in reader.fetchall(
        "SELECT id, lead_id, from_status, to_status, at, undo_of, undone_at FROM status_change"
    ):
        moves[int(row[1])].append(row)
    assignments: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for row in reader.fetchall("SELECT id, lead_id, assigned_to, at FROM assignment"):
        assignments[int(row[1])].append(row)
    outcomes: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for row in reader.fetchall("SELECT id, lead_id, kind, price, lost_reason FROM outcome"):
        outcomes[int(row[1])].append(row)

    cohort = []
    for lead in leads:
        day = _instant(lead[1]).astimezone(zone).date()
        if first <= day <= last:
            cohort.append((day, lead))

    reached: Counter[str] = Counter()
    groups: dict[str, dict[Any, dict[str, Any]]] = {"source": {}, "owner": {}}
    lost_reasons: Counter[str] = Counter()
    everyone: list[int | None] = []
    total_sales = [0, 0]

    def group(kind: str, key: Any) -> dict[str, Any]:
        return groups[kind].setdefault(key, {"arrived": 0, "sold": 0, "cents": 0, "secs": []})

    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    per_day: dict[date, dict[str, Any]] = {
        day: {"arrived": 0, "sold": 0, "secs": []} for day in days
    }
    for day, (lead_id, created, status, source, owner, price, secs, _activity) in cohort:
        legit = [m for m in moves[int(lead_id)] if m[5] is None and m[6] is None]
        been = {status} | {m[2] for m in legit} | {m[3] for m in legit}
        reached.update(been)
        everyone.append(secs)
        per_day[day]["arrived"] += 1
        per_day[day]["secs"].append(secs)
        for kind, key in (("source", source), ("owner", owner)):
            line = group(kind, key)
            line["arrived"] += 1
            line["secs"].append(secs)
        if status == "sold":
            per_day[day]["sold"] += 1
            to_sold = [int(m[4]) for m in legit if m[3] == "sold"]
            sold_at = max(to_sold) if to_sold else int(created)
            before = sorted(
                (a for a in assignments[int(lead_id)] if int(a[3]) <= sold_at),
                key=lambda a: (int(a[3]), int(a[0])),
            )
            seller = before[-1][2] if before else owner
            prices = sorted(
                (o for o in outcomes[int(lead_id)] if o[2] == "sold" and o[3] is not None),
                key=lambda o: int(o[0]),
            )
            cents = int(prices[-1][3]) if prices else int(price or 0)
            total_sales[0] += 1
            total_sales[1] += cents
            for kind, key in (("source", source), ("owner", seller)):
                line = group(kind, key)
                line["sold"] += 1
                line["cents"] += cents
        if status == "lost":
            reasons = sorted(
                (o for o in outcomes[int(lead_id)] if o[2] == "lost" and o[4] is not None),
                key=lambda o: int(o[0]),
            )
            lost_reasons[reasons[-1][4] if reasons else "unrecorded"] += 1

    def lines(kind: str) -> list[dict[str, Any]]:
        result = [
            {
                "name": key,
                "arrived": line["arrived"],
                "sold": line["sold"],
                "conversion": round(line["sold"] / line["arrived"], 4) if line["arrived"] else None,
                "sales_total": _money(line["cents"]),
                "first_response": _response(line["secs"], sla),
            }
            for key, line in groups[kind].items()
        ]
        return sorted(result, key=lambda x: (-x["arrived"], -x["sold"], x["name"] or ""))

    arrived = len(cohort)
    sold = sum(1 for _, lead in cohort if lead[2] == "sold")
    lost_total = sum(lost_reasons.values())
    pipeline = []
    for status in STATUS_ORDER:
        rows = [lead for lead in leads if lead[2] == status.value]
        cutoff = now - timedelta(days=STALE_DAYS[status])
        pipeline.append(
            {
                "status": status.value,
                "leads": len(rows),
                "asking_total": _money(sum(int(lead[5] or 0) for lead in rows)),
                "stale": sum(1 for lead in rows if _instant(lead[7]) < cutoff),
            }
        )
    ordered_reasons = sorted(lost_reasons.items(), key=lambda item: (-item[1], item[0]))
    return {
        "from": first.isoformat(),
        "to": last.isoformat(),
        "timezone": zone.key,
        "counted_by": "arrival",
        "arrived": arrived,
        "reached": {status.value: reached.get(status.value, 0) for status in STATUS_ORDER},
        "sold": sold,
        "lost": sum(1 for _, lead in cohort if lead[2] == "lost"),
        "conversion": round(sold / arrived, 4) if arrived else None,
        "sales_total": _money(total_sales[1]),
        "sla_minutes": sla_minutes,
        "first_response": _response(everyone, sla),
        "by_source": lines("source"),
        "by_salesperson": lines("owner"),
        "lost_reasons": dict(ordered_reasons),
        "lost_reason_shares": {
            reason: round(count / lost_total, 4) for reason, count in ordered_reasons
        },
        "daily": [
            {
                "date": day.isoformat(),
                "arrived": per_day[day]["arrived"],
                "sold": per_day[day]["sold"],
                "first_response": _response(per_day[day]["secs"], sla),
            }
            for day in days
        ],
        "pipeline": pipeline,
    }
