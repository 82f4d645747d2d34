"""The store's weekly opening hours: read from text, written back canonically.

The text names days and the periods the store is open on them, groups
separated by ``;``: ``seg-sex 08:00-18:00; sab 08:00-13:00``. Days are
Portuguese or English (``seg``/``mon`` … ``dom``/``sun``, full names and
accents accepted, only the first three letters count), as a range
(``seg-sex``, wrapping ``sex-seg`` too) or a list (``seg,qua,sex``); a day
may have several periods (``seg-sex 08:00-12:00 13:00-18:00``). Times are
``8:00``, ``08:00``, ``8h`` or ``8h30``; ``24:00`` closes at midnight.
Pure Python, no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

from cockpit_tui.domain.errors import InvalidSettingError
from cockpit_tui.domain.records import Record, set_field

#: The default, exactly as the issue states it.
DEFAULT_BUSINESS_HOURS = "seg-sex 08:00-18:00; sab 08:00-13:00"

#: Canonical day names, Monday first (``datetime.weekday()`` order).
DAY_NAMES_PT = ("seg", "ter", "qua", "qui", "sex", "sab", "dom")
DAY_NAMES_EN = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_INDEX = {
    name: index for names in (DAY_NAMES_PT, DAY_NAMES_EN) for index, name in enumerate(names)
}
_TIME = re.compile(r"(\d{1,2})(?::(\d{2})|h(\d{2})?)")

#: One open period of a day, in seconds after local midnight: [start, end).
Period = tuple[int, int]


class WeeklyHours(Record):
    """When the store is open, per weekday.

    Attributes:
        days: Seven tuples (Monday first) of sorted, disjoint open periods.
    """

    __slots__ = ("days",)
    days: tuple[tuple[Period, ...], ...]

    def __init__(self, days: tuple[tuple[Period, ...], ...]) -> None:
        set_field(self, "days", days)

    def seconds_on(self, weekday: int) -> int:
        """Open seconds on a weekday (0 = Monday)."""
        return sum(end - start for start, end in self.days[weekday])

    @property
    def week_seconds(self) -> int:
        """Open seconds in a whole week."""
        return sum(self.seconds_on(weekday) for weekday in range(7))

    def canonical(self) -> str:
        """The text that reads back as these hours (Portuguese day names)."""
        groups: list[str] = []
        weekday = 0
        while weekday < 7:
            periods = self.days[weekday]
            last = weekday
            while last + 1 < 7 and self.days[last + 1] == periods:
                last += 1
            if periods:
                span = DAY_NAMES_PT[weekday]
                if last > weekday:
                    span += ("-" if last > weekday + 1 else ",") + DAY_NAMES_PT[last]
                groups.append(f"{span} {' '.join(_format_period(p) for p in periods)}")
            weekday = last + 1
        return "; ".join(groups)


def _format_time(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"


def _format_period(period: Period) -> str:
    return f"{_format_time(period[0])}-{_format_time(period[1])}"


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _day(token: str) -> int:
    index = _DAY_INDEX.get(_fold(token)[:3])
    if index is None or len(token) < 3:
        raise InvalidSettingError("error.setting.hours_day", day=token[:20])
    return index


def _days(spec: str) -> list[int]:
    found: list[int] = []
    for part in spec.split(","):
        if not part:
            raise InvalidSettingError("error.setting.hours_format")
        if "-" in part:
            first, _, last = part.partition("-")
            start, end = _day(first), _day(last)
            found.extend((start + offset) % 7 for offset in range((end - start) % 7 + 1))
        else:
            found.append(_day(part))
    return found


def _time(token: str) -> int:
    match = _TIME.fullmatch(token)
    hours = int(match.group(1)) if match else 99
    minutes = int(match.group(2) or match.group(3) or 0) if match else 99
    if hours > 24 or minutes > 59 or (hours == 24 and minutes):
        raise InvalidSettingError("error.setting.hours_time", time=token[:20])
    return hours * 3600 + minutes * 60


def _period(token: str) -> Period:
    first, dash, last = token.partition("-")
    if not dash:
        raise InvalidSettingError("error.setting.hours_format")
    start, end = _time(first), _time(last)
    if end <= start:
        raise InvalidSettingError("error.setting.hours_order", period=token[:20])
    return start, end


def parse_business_hours(text: str) -> WeeklyHours:
    """Read the store's weekly hours.

    Raises:
        InvalidSettingError: The text names an unknown day, a bad time, a
            period that ends before it starts, periods that overlap, or no
            open period at all; the message says which.
    """
    per_day: list[list[Period]] = [[] for _ in range(7)]
    for group in text.split(";"):
        tokens = re.sub(r"\s*([,-])\s*", r"\1", group.strip()).split()
        if not tokens:
            continue
        if len(tokens) < 2:
            raise InvalidSettingError("error.setting.hours_format")
        days = _days(tokens[0])
        periods = [_period(token) for token in tokens[1:]]
        for weekday in days:
            per_day[weekday].extend(periods)
    for weekday, periods in enumerate(per_day):
        periods.sort()
        for before, after in pairwise(periods):
            if after[0] < before[1]:
                raise InvalidSettingError("error.setting.hours_overlap", day=DAY_NAMES_PT[weekday])
    hours = WeeklyHours(tuple(_merge(periods) for periods in per_day))
    if hours.week_seconds == 0:
        raise InvalidSettingError("error.setting.hours_empty")
    return hours


def _merge(periods: list[Period]) -> tuple[Period, ...]:
    """Join periods that touch (08:00-12:00 12:00-18:00 is 08:00-18:00)."""
    merged: list[Period] = []
    for start, end in periods:
        if merged and merged[-1][1] == start:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return tuple(merged)


def canonical_business_hours(text: str) -> str:
    """Setting parser: the canonical text of ``text`` (see :func:`parse_business_hours`)."""
    return parse_business_hours(text).canonical()
