"""The store's business calendar, built from its settings.

``business_hours``, ``timezone``, ``holidays`` and ``extra_holidays`` make a
:class:`~cockpit_tui.domain.business_time.BusinessCalendar` (see
:mod:`cockpit_tui.domain.calendar_values`).
"""

from __future__ import annotations

from cockpit_tui.domain.business_time import BusinessCalendar
from cockpit_tui.domain.calendar_values import calendar_from_values, region_holidays
from cockpit_tui.services.settings import SettingsService

__all__ = ["calendar_from_values", "region_holidays", "store_calendar"]


def store_calendar(settings: SettingsService) -> BusinessCalendar:
    """The calendar of the store whose settings these are."""
    return calendar_from_values(
        business_hours=settings.value("business_hours"),
        timezone=settings.value("timezone"),
        holidays=settings.value("holidays"),
        extra_holidays=settings.value("extra_holidays"),
    )
