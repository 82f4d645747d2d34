"""Report periods (named and typed) and how the report's figures are written per language."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from cockpit_tui.domain.reports import (
    PeriodName,
    ReportPeriod,
    named_period,
    parse_day,
    typed_period,
)
from cockpit_tui.i18n.report_format import (
    format_count,
    format_day,
    format_minutes,
    format_share,
    format_short_money,
)


@pytest.mark.parametrize(
    ("name", "today", "first", "last"),
    [
        (PeriodName.TODAY, date(2026, 11, 27), date(2026, 11, 27), date(2026, 11, 27)),
        (PeriodName.DAYS_7, date(2026, 11, 27), date(2026, 11, 21), date(2026, 11, 27)),
        (PeriodName.DAYS_30, date(2026, 3, 1), date(2026, 1, 31), date(2026, 3, 1)),
        (PeriodName.MONTH, date(2026, 11, 27), date(2026, 11, 1), date(2026, 11, 27)),
        (PeriodName.LAST_MONTH, date(2026, 1, 10), date(2025, 12, 1), date(2025, 12, 31)),
        (PeriodName.LAST_MONTH, date(2024, 3, 31), date(2024, 2, 1), date(2024, 2, 29)),
    ],
)
def test_named_periods(name: PeriodName, today: date, first: date, last: date) -> None:
    period = named_period(name, today)
    assert period == ReportPeriod(first, last)
    assert period.days()[0] == first
    assert period.days()[-1] == last


def test_typed_periods_and_days() -> None:
    assert typed_period(date(2026, 11, 2), date(2026, 11, 1)) is None
    assert typed_period(date(2025, 1, 1), date(2026, 1, 2)) is None  # 367 days
    assert typed_period(date(2025, 1, 1), date(2025, 12, 31)) is not None
    assert parse_day("27/11/2026") == date(2026, 11, 27)
    assert parse_day(" 2026-11-27 ") == date(2026, 11, 27)
    assert parse_day("31/02/2026") is None
    assert parse_day("ontem") is None


def test_figures_in_portuguese_and_english() -> None:
    assert format_count(12345, "pt") == "12.345"
    assert format_count(12345, "en") == "12,345"
    assert format_share(0.2534, "pt") == "25,3 %"
    assert format_share(0.2534, "en") == "25.3%"
    assert format_share(None, "pt") == "—"
    assert format_minutes(971.0, "pt") == "16 h 11 min"
    assert format_minutes(971.0, "en") == "16 h 11 min"
    assert format_minutes(45.4, "pt") == "45 min"
    assert format_minutes(120.2, "en") == "2 h"
    assert format_minutes(0.3, "pt") == "< 1 min"
    assert format_minutes(0.3, "en") == "< 1 min"
    assert format_minutes(None, "pt") == "—"
    assert format_day(date(2026, 11, 27), "pt") == "27/11"
    assert format_day(date(2026, 11, 27), "en") == "2026-11-27"
    assert format_short_money(Decimal("4200000"), "pt") == "R$ 4,2 mi"
    assert format_short_money(Decimal("4200000"), "en") == "R$4.2M"
    assert format_short_money(Decimal("850000"), "pt") == "R$ 850 mil"
    assert format_short_money(Decimal("999"), "en") == "R$999"
