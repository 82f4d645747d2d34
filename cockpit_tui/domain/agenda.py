"""The day's agenda: which appointments a day shows, in which order, read in the store's zone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.models import AppointmentKind
from cockpit_tui.domain.statuses import Status

_BR_DAY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """One appointment on the agenda.

    Attributes:
        appointment_id: The appointment.
        lead_id: Its lead.
        customer: The customer's name.
        kind: Visit, call back or video call.
        at: When (aware, UTC).
        assigned_to: The lead's salesperson (None: unassigned).
        status: The lead's column.
        occurred: Whether it happened (None: nobody said yet).
        overdue: Still pending and its time has passed.
    """

    appointment_id: int
    lead_id: int
    customer: str
    kind: AppointmentKind
    at: datetime
    assigned_to: str | None
    status: Status
    occurred: bool | None
    overdue: bool


@dataclass(frozen=True, slots=True)
class Agenda:
    """A day's appointments: overdue ones of earlier days first, then the day's by time.

    Attributes:
        day: The day shown, in the store's time zone.
        zone: The store's time zone.
        everyone: The whole store's appointments (False: only the user's).
        items: The appointments in the order shown.
    """

    day: date
    zone: tzinfo
    everyone: bool
    items: tuple[AgendaItem, ...]


def parse_day(text: str) -> date:
    """Read a day typed as "dd/mm/aaaa" or "aaaa-mm-dd".

    Raises:
        InvalidInputError: "agenda.bad_date" when it is neither (or not a real day).
    """
    typed = text.strip()
    br, iso = _BR_DAY.fullmatch(typed), _ISO_DAY.fullmatch(typed)
    try:
        if br is not None:
            day, month, year = (int(part) for part in br.groups())
            return date(year, month, day)
        if iso is not None:
            year, month, day = (int(part) for part in iso.groups())
            return date(year, month, day)
    except ValueError:
        pass
    raise InvalidInputError("agenda.bad_date")


def day_bounds(day: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """The UTC instants where ``day`` starts and the next day starts, in ``zone``.

    Days are 23 or 25 hours long where daylight saving changes; each bound is
    the local midnight of its own day.
    """
    start = datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC)
    return start, end


def local_day(instant: datetime, zone: tzinfo) -> date:
    """The day an instant falls on in ``zone``."""
    return instant.astimezone(zone).date()


def agenda_order(items: list[AgendaItem], *, day_start: datetime) -> tuple[AgendaItem, ...]:
    """Overdue appointments of earlier days first, then the rest; each group by time."""
    return tuple(
        sorted(items, key=lambda item: (item.at >= day_start, item.at, item.appointment_id))
    )
