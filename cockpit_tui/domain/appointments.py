"""Rules for appointments: the date a salesperson types, and what each plan allows."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, tzinfo

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.models import AppointmentKind
from cockpit_tui.domain.plans import Plan

_TYPED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})\s+(\d{1,2}):(\d{2})")
_TYPED_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})\s+(\d{1,2}):(\d{2})")


def parse_appointment_time(text: str, *, now: datetime, zone: tzinfo | None = None) -> datetime:
    """Read "dd/mm/aaaa hh:mm" (or "aaaa-mm-dd hh:mm") in local time; refuse instants past.

    Args:
        text: What the salesperson typed, e.g. "28/11/2026 14:30" or "2026-11-28 14:30".
        now: The current instant (aware).
        zone: Time zone of the typed time (None: the machine's local time).

    Returns:
        The instant in UTC.

    Raises:
        InvalidInputError: "form.bad_datetime" when the text is not a date and
            time in that format (or not a real one, like 31/02); "form.past_datetime"
            when it is not in the future.
    """
    typed = text.strip()
    match = _TYPED.fullmatch(typed)
    iso = _TYPED_ISO.fullmatch(typed)
    if match is not None:
        day, month, year, hour, minute = (int(part) for part in match.groups())
    elif iso is not None:
        year, month, day, hour, minute = (int(part) for part in iso.groups())
    else:
        raise _bad_datetime(now, zone)
    try:
        naive = datetime(year, month, day, hour, minute)
    except ValueError as error:
        raise _bad_datetime(now, zone) from error
    local = naive.replace(tzinfo=zone) if zone is not None else naive.astimezone()
    when = local.astimezone(UTC)
    if when <= now:
        raise InvalidInputError("form.past_datetime")
    return when


def _bad_datetime(now: datetime, zone: tzinfo | None) -> InvalidInputError:
    """The format error, its example tomorrow (a fixed example date would soon be past)."""
    local_now = now.astimezone(zone) if zone is not None else now.astimezone()
    return InvalidInputError("form.bad_datetime", example=local_now.date() + timedelta(days=1))


def kind_allowed(kind: AppointmentKind, plan: Plan) -> bool:
    """Video calls are part of CRM +Smart; visits and call backs of every plan."""
    return kind is not AppointmentKind.VIDEO_CALL or plan.has_video_call


def check_kind_allowed(kind: AppointmentKind, plan: Plan) -> None:
    """Refuse an appointment kind the store's plan does not include.

    Raises:
        InvalidInputError: "form.video_needs_plan" for a video call below CRM +Smart.
    """
    if not kind_allowed(kind, plan):
        raise InvalidInputError("form.video_needs_plan")
