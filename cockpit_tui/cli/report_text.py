"""``cockpit report`` without ``--json``/``--csv``: the figures as lines of text."""

from __future__ import annotations

from cockpit_tui.domain.reports import GroupFigures, Report
from cockpit_tui.domain.statuses import status_label
from cockpit_tui.i18n.format import format_money
from cockpit_tui.i18n.report_format import (
    format_count,
    format_day,
    format_minutes,
    format_share,
    group_cells,
)
from cockpit_tui.i18n.translate import Translator


def _group_line(line: GroupFigures, t: Translator, empty: str) -> str:
    return "  " + "\t".join(group_cells(line, t, empty=empty))


def report_lines(report: Report, t: Translator) -> list[str]:
    """The report as text, section after section, in the translator's language."""
    lang = t.lang
    first = format_day(report.period.first, lang, year=True)
    last = format_day(report.period.last, lang, year=True)
    response = report.first_response
    lines = [
        t("report.period_line", first=first, last=last),
        t("report.counted_by_arrival"),
        "",
        t(
            "report.summary_line",
            arrived=format_count(report.arrived, lang),
            sold=format_count(report.sold, lang),
            lost=format_count(report.lost, lang),
            conversion=format_share(report.conversion, lang),
            total=format_money(report.sales_total, lang),
        ),
        t(
            "report.response_line",
            median=format_minutes(response.median_minutes, lang),
            p90=format_minutes(response.p90_minutes, lang),
            share=format_share(response.within_sla_share, lang),
            sla=report.sla_minutes,
            unanswered=format_count(response.unanswered, lang),
        ),
        "",
        t("report.funnel"),
    ]
    for status, count in report.reached.items():
        lines.append(f"  {status_label(status, lang)}\t{format_count(count, lang)}")
    header = "  " + "\t".join(t(key) for key in _GROUP_HEADERS)
    lines += ["", t("report.by_source"), header]
    lines += [_group_line(line, t, "report.no_source") for line in report.by_source]
    lines += ["", t("report.by_salesperson"), header]
    lines += [_group_line(line, t, "report.unassigned") for line in report.by_salesperson]
    lines += ["", t("report.lost_reasons")]
    lost = sum(report.lost_reasons.values())
    for reason, count in report.lost_reasons.items():
        share = format_share(count / lost if lost else None, lang)
        lines.append(f"  {t(f'lost_reason.{reason}')}\t{format_count(count, lang)}\t{share}")
    lines += ["", t("report.daily")]
    for day in report.daily:
        median = format_minutes(day.first_response.median_minutes, lang)
        lines.append(
            f"  {format_day(day.day, lang)}\t{format_count(day.arrived, lang)}"
            f"\t{format_count(day.sold, lang)}\t{median}"
        )
    lines += ["", t("report.pipeline")]
    for column in report.pipeline:
        if column.status.is_closed:
            continue
        lines.append(
            f"  {status_label(column.status, lang)}\t{format_count(column.leads, lang)}"
            f"\t{format_money(column.asking_total, lang)}"
            f"\t{t('report.stale_count', count=format_count(column.stale, lang))}"
        )
    return lines


_GROUP_HEADERS = (
    "report.col.name",
    "report.col.arrived",
    "report.col.sold",
    "report.col.conversion",
    "report.col.sales",
    "report.col.within_sla",
    "report.col.median",
    "report.col.p90",
)
