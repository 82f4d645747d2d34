"""The reports screen ("Indicadores"): opened with i, periods by key, figures as the CLI's."""

from __future__ import annotations

import re
from typing import Any

import pytest
from textual.widgets import Static

from cockpit_tui.domain.reports import PeriodName, ReportPeriod, named_period
from cockpit_tui.i18n.format import format_money
from cockpit_tui.i18n.report_format import format_count, format_minutes, format_short_money
from cockpit_tui.services import Services
from cockpit_tui.services.report_document import report_document
from cockpit_tui.ui.screens.reports import ReportsScreen
from tests.ui.conftest import board_mounted, make_app, notices, wait_until


def _reports(app: Any) -> ReportsScreen:
    screen = app.screen
    assert isinstance(screen, ReportsScreen)
    return screen


def _text(screen: ReportsScreen, selector: str) -> str:
    """The lines a section draws now, as plain text."""
    widget = screen.query_one(selector, Static)
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


async def _opened(pilot: Any) -> ReportsScreen:
    await pilot.press("i")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, ReportsScreen))
    screen = _reports(pilot.app)
    await wait_until(pilot, lambda: screen.report is not None)
    await pilot.pause()
    return screen


async def test_i_opens_the_last_30_days_as_the_service_reads_them(demo_services: Services) -> None:
    app = make_app(demo_services)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _opened(pilot)
        expected = demo_services.reports.report(
            named_period(PeriodName.DAYS_30, demo_services.reports.today())
        )
        assert screen.report == expected
        assert f"Chegaram {expected.arrived}" in _text(screen, "#reports-summary")
        assert "Cada lead conta no período em que chegou" in _text(screen, "#reports-summary")
        funnel = _text(screen, "#reports-funnel")
        assert "Nova proposta" in funnel
        assert "█" in funnel


async def test_period_keys_and_a_typed_range(demo_services: Services) -> None:
    app = make_app(demo_services)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _opened(pilot)
        today = demo_services.reports.today()
        await pilot.press("7")
        week = named_period(PeriodName.DAYS_7, today)
        await wait_until(pilot, lambda: screen.report is not None and screen.report.period == week)
        assert screen.report is not None
        assert len(screen.report.daily) == 7
        await pilot.press("p")
        await pilot.press(*"01/11/2026 15/11/2026", "enter")
        typed = ReportPeriod(today.replace(day=1), today.replace(day=15))
        await wait_until(pilot, lambda: screen.report is not None and screen.report.period == typed)
        assert "Intervalo: 01/11/2026 – 15/11/2026" in _text(screen, "#reports-periods")
        await pilot.press("p")
        await pilot.press(*"15/11/2026 01/11/2026", "enter")
        await wait_until(pilot, lambda: any("Digite dois dias" in n for n in notices(app)))
        assert screen.report is not None
        assert screen.report.period == typed  # nothing shown is lost
        await pilot.press("escape", "escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, ReportsScreen))


async def test_english_money_and_dates(demo_services: Services) -> None:
    app = make_app(demo_services, lang="en")
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await _opened(pilot)
        summary = _text(screen, "#reports-summary")
        assert "Period: 2026-10-29 to 2026-11-27" in summary
        assert "R$ " not in summary
        assert "2026-11-27" in _text(screen, "#reports-daily")


async def test_the_screen_shows_what_the_json_says(demo_services: Services) -> None:
    """Done means: the screen's figures are the report ``cockpit report --json`` prints."""
    app = make_app(demo_services)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await _opened(pilot)
        assert screen.report is not None
        document = report_document(screen.report, timezone="America/Sao_Paulo")
        people = _text(screen, "#reports-people")
        for line in document["by_salesperson"]:
            if line["name"] is not None:
                assert line["name"] in people
        assert f"{document['sold']}" in _text(screen, "#reports-summary")


@pytest.mark.parametrize("size", [(160, 45), (100, 30)])
def test_reports_snapshot(
    snap_compare: Any, demo_services: Services, size: tuple[int, int]
) -> None:
    async def opened(pilot: Any) -> None:
        await board_mounted(pilot)
        await _opened(pilot)

    assert snap_compare(make_app(demo_services), terminal_size=size, run_before=opened)


@pytest.mark.parametrize("lang", ["pt", "en"])
async def test_at_80_columns_no_figure_is_cut_and_times_read_in_hours(
    demo_services: Services, lang: str
) -> None:
    app = make_app(demo_services, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _opened(pilot)
        report = screen.report
        assert report is not None
        summary = _text(screen, "#reports-summary")
        total = format_money(report.sales_total, lang)
        assert any(total in line for line in summary.split("\n")), summary
        assert not re.search(r"\d[,.]\d min", summary), "minutes with a decimal"
        median = format_minutes(report.first_response.median_minutes, lang)
        assert median in summary
        tables = {"#reports-sources": report.by_source, "#reports-people": report.by_salesperson}
        for selector, lines in tables.items():
            table = _text(screen, selector)
            assert max(len(line.rstrip()) for line in table.split("\n")) <= 76
            for line in lines:
                figures = (
                    format_count(line.arrived, lang),
                    format_short_money(line.sales_total, lang),
                    format_minutes(line.first_response.median_minutes, lang),
                )
                for figure in figures:
                    assert figure in table, f"{figure!r} cut in {selector}:\n{table}"
        daily = _text(screen, "#reports-daily")
        if any(day.arrived == 1 for day in report.daily):
            assert ("1 chegou" if lang == "pt" else "1 arrived") in daily
        assert "1 chegaram" not in daily
        assert "1 vendidos" not in daily
