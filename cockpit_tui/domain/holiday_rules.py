"""Which days the store is closed besides its weekly hours: a holiday region and extra dates.

The region is a country code of the ``holidays`` package, optionally with a
subdivision: ``BR`` (national holidays) or ``BR-SP`` (national plus São
Paulo's). Extra dates are the store's own closed days (``24/12/2026``
or ``2026-12-24``), kept as ISO dates. The package is imported only here and
in the service that builds the calendar, on first use: it costs ~0.4 s.
"""

from __future__ import annotations

import re
from datetime import date

from cockpit_tui.domain.errors import InvalidSettingError

DEFAULT_HOLIDAY_REGION = "BR"
_OFF_WORDS = ("off", "none", "nenhum", "desligado")
_REGION = re.compile(r"([A-Z]{2,3})(?:-([A-Z0-9]{1,4}))?")
_CODE = re.compile(r"[A-Z0-9]{1,4}")
_BR_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def split_region(region: str) -> tuple[str, str | None]:
    """``"BR-SP"`` → ``("BR", "SP")``; ``"BR"`` → ``("BR", None)``."""
    country, _, subdivision = region.partition("-")
    return country, subdivision or None


def parse_holiday_region(raw: str) -> str | None:
    """Setting parser: the canonical region (``BR``, ``BR-SP``), None for no holidays.

    Raises:
        InvalidSettingError: The country or its subdivision is unknown to the package.
    """
    text = raw.strip().upper()
    if text.casefold() in _OFF_WORDS:
        return None
    match = _REGION.fullmatch(text)
    if match is None:
        raise InvalidSettingError("error.setting.holiday_region")
    import holidays  # lazy: see the module docstring

    supported = holidays.list_supported_countries()
    country, subdivision = match.group(1), match.group(2)
    if country not in supported:
        raise InvalidSettingError("error.setting.holiday_region")
    if subdivision is not None and subdivision not in supported[country]:
        raise InvalidSettingError(
            "error.setting.holiday_subdivision",
            country=country,
            subdivisions=", ".join(code for code in supported[country] if _CODE.fullmatch(code)),
        )
    return text


def _date(token: str) -> date:
    if match := _BR_DATE.fullmatch(token):
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO_DATE.fullmatch(token):
        year, month, day = (int(part) for part in match.groups())
    else:
        raise InvalidSettingError("error.setting.holiday_date", date=token[:20])
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidSettingError("error.setting.holiday_date", date=token[:20]) from None


def parse_extra_dates(raw: str) -> frozenset[date]:
    """The dates of an ``extra_holidays`` text (commas, semicolons or spaces between them)."""
    return frozenset(_date(token) for token in re.split(r"[\s,;]+", raw.strip()) if token)


def canonical_extra_holidays(raw: str) -> str | None:
    """Setting parser: the dates as sorted ISO text, None for none.

    Raises:
        InvalidSettingError: A token is not a real date in dd/mm/aaaa or ISO form.
    """
    dates = sorted(parse_extra_dates(raw))
    return ", ".join(day.isoformat() for day in dates) or None
