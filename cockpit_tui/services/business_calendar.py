"""The store's business calendar, built from its settings.

``business_hours``, ``timezone``, ``holidays`` and ``extra_holidays`` make a
:class:`~cockpit_tui.domain.business_time.BusinessCalendar`. A region's
holidays come from the ``holidays`` package, imported on the first year a
calendar needs and cached per (region, year) for the whole process.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from zoneinfo import ZoneInfo

from cockpit_tui.domain.business_hours import DEFAULT_BUSINESS_HOURS, parse_business_hours
from cockpit_tui.domain.business_time import BusinessCalendar, HolidaySource
from cockpit_tui.domain.holiday_rules import parse_extra_dates, split_region
from cockpit_tui.services.settings import SettingsService


@lru_cache(maxsize=64)
def region_holidays(region: str, year: int) -> frozenset[date]:
    """The public holidays of ``region`` (``BR``, ``BR-SP``) in ``year``."""
    import holidays  # lazy: ~0.4 s, only when a clock is first computed

    country, subdivision = split_region(region)
    return frozenset(holidays.country_holidays(country, subdiv=subdivision, years=year))


def holiday_source(region: str | None, extra: frozenset[date]) -> HolidaySource:
    """The closed dates of a year: the region's holidays plus the store's own."""

    def closed(year: int) -> frozenset[date]:
        own = frozenset(day for day in extra if day.year == year)
        return own if region is None else region_holidays(region, year) | own

    return closed


def calendar_from_values(
    *, business_hours: str, timezone: str, holidays: str | None, extra_holidays: str | None
) -> BusinessCalendar:
    """A calendar from the settings' canonical values (as :mod:`store_settings` stores them)."""
    extra = parse_extra_dates(extra_holidays) if extra_holidays else frozenset()
    return BusinessCalendar(
        parse_business_hours(business_hours), ZoneInfo(timezone), holiday_source(holidays, extra)
    )


def store_calendar(settings: SettingsService) -> BusinessCalendar:
    """The calendar of the store whose settings these are."""
    return calendar_from_values(
        business_hours=settings.value("business_hours") or DEFAULT_BUSINESS_HOURS,
        timezone=settings.value("timezone") or "America/Sao_Paulo",
        holidays=settings.value("holidays"),
        extra_holidays=settings.value("extra_holidays"),
    )
