"""A :class:`Report` as data for scripts: one JSON document, or CSV tables.

Codes, not labels: statuses and lost reasons by their stable codes, money as
a decimal string in reais, dates in ISO, shares as fractions (0.25), minutes
as business minutes. The screen shows the same figures in the user's language.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from cockpit_tui.domain.reports import GroupFigures, Report, ResponseFigures


def _share(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _money(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.01")))


def response_document(figures: ResponseFigures) -> dict[str, Any]:
    """The ``first_response`` object."""
    return {
        "median_minutes": figures.median_minutes,
        "p90_minutes": figures.p90_minutes,
        "within_sla_share": _share(figures.within_sla_share),
        "within_sla": figures.within_sla,
        "answered": figures.answered,
        "unanswered": figures.unanswered,
    }


def _group(line: GroupFigures) -> dict[str, Any]:
    return {
        "name": line.name,
        "arrived": line.arrived,
        "sold": line.sold,
        "conversion": _share(line.conversion),
        "sales_total": _money(line.sales_total),
        "first_response": response_document(line.first_response),
    }


def report_document(report: Report, *, timezone: str) -> dict[str, Any]:
    """The JSON document of ``cockpit report --json``."""
    lost_total = sum(report.lost_reasons.values())
    return {
        "from": report.period.first.isoformat(),
        "to": report.period.last.isoformat(),
        "timezone": timezone,
        "counted_by": "arrival",
        "arrived": report.arrived,
        "reached": {status.value: count for status, count in report.reached.items()},
        "sold": report.sold,
        "lost": report.lost,
        "conversion": _share(report.conversion),
        "sales_total": _money(report.sales_total),
        "sla_minutes": report.sla_minutes,
        "first_response": response_document(report.first_response),
        "by_source": [_group(line) for line in report.by_source],
        "by_salesperson": [_group(line) for line in report.by_salesperson],
        "lost_reasons": dict(report.lost_reasons),
        "lost_reason_shares": {
            reason: _share(count / lost_total) for reason, count in report.lost_reasons.items()
        },
        "daily": [
            {
                "date": day.day.isoformat(),
                "arrived": day.arrived,
                "sold": day.sold,
                "first_response": response_document(day.first_response),
            }
            for day in report.daily
        ],
        "pipeline": [
            {
                "status": column.status.value,
                "leads": column.leads,
                "asking_total": _money(column.asking_total),
                "stale": column.stale,
            }
            for column in report.pipeline
        ],
    }


_RESPONSE_COLUMNS = ["median_minutes", "p90_minutes", "within_sla_share", "answered", "unanswered"]
_GROUP_COLUMNS = ["name", "arrived", "sold", "conversion", "sales_total", *_RESPONSE_COLUMNS]


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def report_tables(report: Report, *, timezone: str) -> list[tuple[str, list[str], list[list[str]]]]:
    """The CSV sections: ``(name, header, rows)`` each, in the order written."""
    document = report_document(report, timezone=timezone)

    def flat(line: dict[str, Any]) -> list[str]:
        merged = {**line, **line.get("first_response", {})}
        return [_cell(merged.get(column)) for column in _GROUP_COLUMNS]

    summary_keys = ["from", "to", "timezone", "arrived", "sold", "lost", "conversion"]
    summary = [[key, _cell(document[key])] for key in [*summary_keys, "sales_total"]]
    summary += [[key, _cell(value)] for key, value in document["first_response"].items()]
    return [
        ("summary", ["figure", "value"], summary),
        ("funnel", ["status", "reached"], [[k, str(v)] for k, v in document["reached"].items()]),
        ("by_source", _GROUP_COLUMNS, [flat(line) for line in document["by_source"]]),
        ("by_salesperson", _GROUP_COLUMNS, [flat(line) for line in document["by_salesperson"]]),
        (
            "lost_reasons",
            ["reason", "leads", "share"],
            [
                [reason, str(count), _cell(document["lost_reason_shares"][reason])]
                for reason, count in document["lost_reasons"].items()
            ],
        ),
        (
            "daily",
            ["date", "arrived", "sold", *_RESPONSE_COLUMNS],
            [
                [day["date"], str(day["arrived"]), str(day["sold"])]
                + [_cell(day["first_response"][column]) for column in _RESPONSE_COLUMNS]
                for day in document["daily"]
            ],
        ),
        (
            "pipeline",
            ["status", "leads", "asking_total", "stale"],
            [
                [row["status"], str(row["leads"]), row["asking_total"], str(row["stale"])]
                for row in document["pipeline"]
            ],
        ),
    ]


def report_csv(report: Report, *, timezone: str) -> str:
    """Every table one after the other, a blank line and the section's name between them.

    The caller writes it as UTF-8 with a BOM (``utf-8-sig``) so Excel reads the accents.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for index, (name, header, rows) in enumerate(report_tables(report, timezone=timezone)):
        if index:
            writer.writerow([])
        writer.writerow([f"# {name}"])
        writer.writerow(header)
        writer.writerows(rows)
    return out.getvalue()
