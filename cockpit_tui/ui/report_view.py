"""The report's sections as Rich renderables: bar charts with their numbers, and tables.

Bars are drawn with Rich text (block characters, eighths for the last cell)
rather than Textual's ``Sparkline``: a sparkline has no room for a number
next to each bar, no labels, and one row of height; a bar per line keeps the
day, the bar and its figures on the same line, reads at 100 columns, and
takes the theme's colours. Lead data (sources, salespeople) goes into
``Text`` objects, never into markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from cockpit_tui.domain.reports import GroupFigures, Report
from cockpit_tui.domain.statuses import status_label
from cockpit_tui.i18n.format import format_money
from cockpit_tui.i18n.report_format import (
    format_count,
    format_day,
    format_minutes,
    format_share,
    format_short_money,
    group_cells,
)
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.ui.report_fit import columns_that_fit, pack_sentence

_EIGHTHS = " ▏▎▍▌▋▊▉"

#: The widest a name (source, salesperson) is shown in a table; longer ones end in "…".
_NAME_WIDTH = 22


@dataclass(frozen=True, slots=True)
class Palette:
    """The theme's colours the charts use."""

    bar: str
    good: str
    bad: str
    muted: str


def bar(value: float, largest: float, width: int) -> str:
    """A horizontal bar of ``value`` out of ``largest`` in ``width`` cells (eighths at the end)."""
    if largest <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value / largest * width * 8))
    full, rest = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[rest] if rest else "")


def bar_rows(
    rows: list[tuple[str, float, str]], palette: Palette, *, width: int, colour: str | None = None
) -> Text:
    """One line per row: label, bar, then the row's figures (``(label, value, figures)``)."""
    largest = max((value for _, value, _ in rows), default=0)
    label_width = min(22, max((len(label) for label, _, _ in rows), default=1))
    text = Text()
    for index, (label, value, figures) in enumerate(rows):
        if index:
            text.append("\n")
        text.append(f"{label[:label_width]:<{label_width}} ")
        drawn = bar(value, largest, width)
        # The padding shares the bar's segment, so the figures start on one column
        # in every renderer (an SVG drops the leading blanks of a plain segment).
        text.append(drawn + " " * (width - len(drawn) + 1), style=colour or palette.bar)
        text.append(figures)
    return text


def title(text: str, palette: Palette) -> Text:
    """A section's title line."""
    return Text(text, style=f"bold {palette.bar}")


def summary(report: Report, t: Translator, *, width: int = 200) -> Text:
    """The period, the rule it counts by, and the headline figures (broken between figures
    to fit ``width``)."""
    lang = t.lang
    response = report.first_response
    first = format_day(report.period.first, lang, year=True)
    last = format_day(report.period.last, lang, year=True)
    return Text(
        "\n".join(
            pack_sentence(sentence, width)
            for sentence in [
                t("report.period_line", first=first, last=last)
                + " · "
                + t("report.counted_by_arrival"),
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
            ]
        )
    )


def funnel(report: Report, t: Translator, palette: Palette, *, width: int) -> RenderableType:
    """How many of the period's leads reached each status, as bars with count and share."""
    lang = t.lang
    rows = [
        (
            status_label(status, lang),
            float(count),
            f"{format_count(count, lang)} · "
            f"{format_share(count / report.arrived if report.arrived else None, lang)}",
        )
        for status, count in report.reached.items()
    ]
    return Group(title(t("report.funnel"), palette), bar_rows(rows, palette, width=width))


#: The figure columns of the by-source and by-salesperson tables, and the order in
#: which a narrow screen leaves them out (P90 first; the summary has the overall ones).
_GROUP_COLUMNS = (
    "report.col.arrived",
    "report.col.sold",
    "report.col.conversion",
    "report.col.sales",
    "report.col.within_sla",
    "report.col.median",
    "report.col.p90",
)
_GROUP_DROP_ORDER = (7, 5, 3)


def groups_table(
    lines: list[GroupFigures],
    t: Translator,
    palette: Palette,
    *,
    heading: str,
    empty: str,
    width: int = 200,
) -> RenderableType:
    """By source or by salesperson: one row per group, figures right-aligned, never cut
    (on a narrow ``width`` the least needed columns are left out)."""
    headings = [t("report.col.name"), *(t(key) for key in _GROUP_COLUMNS)]
    rows = [group_cells(line, t, empty=empty, short_money=True) for line in lines]
    widths = [max(cell_len(row[i]) for row in [headings, *rows]) for i in range(len(headings))]
    widths[0] = min(widths[0], _NAME_WIDTH)
    shown = columns_that_fit(widths, _GROUP_DROP_ORDER, width)
    table = Table(box=None, padding=(0, 1), header_style=f"bold {palette.muted}", expand=False)
    for index in shown:
        if index == 0:
            table.add_column(headings[0], no_wrap=True, max_width=_NAME_WIDTH, overflow="ellipsis")
        else:
            table.add_column(
                headings[index], justify="right", no_wrap=True, min_width=widths[index]
            )
    for row in rows:
        # Lead data (a source, a salesperson) in a Text: never read as markup.
        table.add_row(*(Text(row[index]) for index in shown))
    return Group(title(t(heading), palette), table)


def lost_reasons(report: Report, t: Translator, palette: Palette, *, width: int) -> RenderableType:
    """Each lost reason's share of the period's lost leads, as bars."""
    lang = t.lang
    total = sum(report.lost_reasons.values())
    rows = [
        (
            t(f"lost_reason.{reason}"),
            float(count),
            f"{format_share(count / total, lang)} ({format_count(count, lang)})",
        )
        for reason, count in report.lost_reasons.items()
    ]
    body: RenderableType = (
        bar_rows(rows, palette, width=width, colour=palette.bad)
        if rows
        else Text(t("report.nothing"), style=palette.muted)
    )
    return Group(title(t("report.lost_reasons"), palette), body)


def daily(report: Report, t: Translator, palette: Palette, *, width: int) -> RenderableType:
    """Arrivals per day as bars, with the day's sales and median first response."""
    lang = t.lang
    rows = [
        (
            format_day(day.day, lang),
            float(day.arrived),
            t(
                "report.day_figures",
                arrived=t("report.arrived_count", count=format_count(day.arrived, lang)),
                sold=t("report.sold_count", count=format_count(day.sold, lang)),
                median=format_minutes(day.first_response.median_minutes, lang),
            ),
        )
        for day in report.daily
    ]
    return Group(title(t("report.daily"), palette), bar_rows(rows, palette, width=width))


def pipeline(report: Report, t: Translator, palette: Palette, *, width: int) -> RenderableType:
    """The open columns now: leads as bars, with asking value and stale count."""
    lang = t.lang
    rows = [
        (
            status_label(column.status, lang),
            float(column.leads),
            f"{format_count(column.leads, lang)} · {format_short_money(column.asking_total, lang)}"
            f" · {t('report.stale_count', count=format_count(column.stale, lang))}",
        )
        for column in report.pipeline
        if not column.status.is_closed
    ]
    return Group(title(t("report.pipeline"), palette), bar_rows(rows, palette, width=width))
