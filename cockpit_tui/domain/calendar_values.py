"""A business calendar from the settings' stored values (no settings service needed).

The store's write path builds the calendar from the ``store_setting`` rows
it reads in its own transaction; the services build it from
:class:`~cockpit_tui.services.settings.SettingsService`. A region's holidays
come from the ``holidays`` package, imported on the first year a calendar
needs and cached per (region, year) for the whole process (an import primes
that cache from the copy kept on disk: :mod:`cockpit_tui.store.holiday_cache`);
a calendar is cached per set of values, so its per-year tables are computed once.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from zoneinfo import ZoneInfo

from cockpit_tui.domain.business_hours import DEFAULT_BUSINESS_HOURS, parse_business_hours
from cockpit_tui.domain.business_time import BusinessCalendar, HolidaySource
from cockpit_tui.domain.holiday_rules import parse_extra_dates, split_region

#: The store's time zone when ``timezone`` was never set.
DEFAULT_TIMEZONE = "America/Sao_Paulo"
#: The settings a calendar is built from (changing one moves waiting leads' deadlines).
CALENDAR_KEYS = ("business_hours", "timezone", "holidays", "extra_holidays", "sla_minutes")


#: The holidays known in this process by (region, year): computed, or primed by
#: :func:`remember_holidays`.
_KNOWN: dict[tuple[str, int], frozenset[date]] = {}


def region_holidays(region: str, year: int) -> frozenset[date]:
    """The public holidays of ``region`` (``BR``, ``BR-SP``) in ``year``."""
    known = _KNOWN.get((region, year))
    if known is None:
        import holidays  # lazy: ~0.15 s (every country is loaded), only when first needed

        country, subdivision = split_region(region)
        found = holidays.country_holidays(country, subdiv=subdivision, years=year)
        known = _KNOWN[region, year] = frozenset(found)
    return known


def known_holidays() -> dict[tuple[str, int], frozenset[date]]:
    """Every region's holidays known in this process, by (region, year)."""
    return dict(_KNOWN)


def remember_holidays(known: dict[tuple[str, int], frozenset[date]]) -> None:
    """Take these as the regions' holidays (computed by the same package version earlier)."""
    _KNOWN.update(known)


def holiday_source(region: str | None, extra: frozenset[date]) -> HolidaySource:
    """The closed dates of a year: the region's holidays plus the store's own."""

    def closed(year: int) -> frozenset[date]:
        own = frozenset(day for day in extra if day.year == year)
        return own if region is None else region_holidays(region, year) | own

    return closed


@lru_cache(maxsize=16)
def calendar_from_values(
    *,
    business_hours: str | None,
    timezone: str | None,
    holidays: str | None,
    extra_holidays: str | None,
) -> BusinessCalendar:
    """A calendar from the settings' canonical values (None: the setting's default)."""
    extra = parse_extra_dates(extra_holidays) if extra_holidays else frozenset()
    return BusinessCalendar(
        parse_business_hours(business_hours or DEFAULT_BUSINESS_HOURS),
        ZoneInfo(timezone or DEFAULT_TIMEZONE),
        holiday_source(holidays, extra),
    )
