"""The demo store: realistic leads from ``data/demo_leads.json``, times relative to now.

The set's times are minutes before the moment the demo is opened. They are
counted on the hours a dealership's customers write (:data:`DEMO_ACTIVITY_HOURS`,
mostly the store's opening hours plus evenings and weekends), so "1 minute
ago" opened at 03:00 is the evening before, never 02:59; appointments are
counted on the store's opening hours and fall on the hour or half hour.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from importlib import resources
from typing import Any

from cockpit_tui.domain.models import AppointmentKind, Direction, LeadCreate, MessageCreate
from cockpit_tui.domain.plans import Plan
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services.clock import Clock
from cockpit_tui.services.settings import SettingsService
from cockpit_tui.services.team import TeamService
from cockpit_tui.store.handle import Store

DEMO_FILE = "demo_leads.json"
DEMO_ACTOR = "demo"
#: When the demo's customers write: inside opening hours mostly, some evenings and weekends.
DEMO_ACTIVITY_HOURS = "seg-sex 07:30-20:30; sab 08:00-16:00; dom 10:00-14:00"
#: The salespeople named in the demo set: the demo store's team.
DEMO_TEAM = ("Bianca Lima", "Carla Mendes", "Diego Fernandes", "Rafael Souza")

#: Turns "N minutes before now" (negative: after) into an instant.
Timeline = Callable[[int], datetime]


def lead_create_from_json(
    lead: dict[str, Any],
    now: datetime,
    *,
    ago: Timeline | None = None,
    appointment_at: Timeline | None = None,
) -> LeadCreate:
    """One demo lead (minutes before ``now``) as a :class:`LeadCreate`.

    Args:
        lead: The lead as stored in the demo file.
        now: The present.
        ago: Maps "minutes before now" to an instant (default: wall-clock minutes).
        appointment_at: Maps an appointment's "in minutes" to an instant (default: wall clock).
    """
    ago = ago or (lambda minutes: now - timedelta(minutes=minutes))
    appointment_at = appointment_at or (lambda minutes: now + timedelta(minutes=minutes))

    appointment = lead.get("appointment")
    return LeadCreate(
        name=lead["name"],
        created_at=ago(int(lead["created_minutes_ago"])),
        phone=lead.get("phone"),
        email=lead.get("email"),
        vehicle=lead.get("vehicle"),
        price=Decimal(lead["price"]) if lead.get("price") else None,
        source=lead.get("source"),
        external_id=lead.get("external_id"),
        status=Status(lead.get("status", "new")),
        assigned_to=lead.get("assigned_to"),
        acted_at=ago(lead["acted_minutes_ago"]) if lead.get("acted_minutes_ago") else None,
        messages=tuple(
            MessageCreate(
                direction=Direction(message["direction"]),
                body=message["body"],
                at=ago(int(message["minutes_ago"])),
                read=bool(message.get("read", True)),
                author=message.get("author"),
            )
            for message in lead.get("messages", ())
        ),
        next_appointment=(
            (
                AppointmentKind(appointment["kind"]),
                appointment_at(int(appointment["in_minutes"])),
            )
            if appointment
            else None
        ),
    )


def demo_timelines(now: datetime, zone: str) -> tuple[Timeline, Timeline]:
    """The demo's two clocks: customer activity (past) and appointments (either way)."""
    from zoneinfo import ZoneInfo

    from cockpit_tui.domain.business_hours import DEFAULT_BUSINESS_HOURS, parse_business_hours
    from cockpit_tui.domain.business_time import BusinessCalendar

    place = ZoneInfo(zone)
    activity = BusinessCalendar(parse_business_hours(DEMO_ACTIVITY_HOURS), place, _no_holidays)
    opening = BusinessCalendar(parse_business_hours(DEFAULT_BUSINESS_HOURS), place, _no_holidays)

    def ago(minutes: int) -> datetime:
        return activity.subtract_seconds(now, minutes * 60).astimezone(now.tzinfo)

    def appointment_at(minutes: int) -> datetime:
        if minutes >= 0:
            at = opening.add_seconds(now, minutes * 60).replace(second=0, microsecond=0)
            at += timedelta(minutes=-at.minute % 30)
        else:
            at = opening.subtract_seconds(now, -minutes * 60).replace(second=0, microsecond=0)
            at -= timedelta(minutes=at.minute % 30)
        return at.astimezone(now.tzinfo)

    return ago, appointment_at


def _no_holidays(year: int) -> frozenset[date]:
    return frozenset()


def load_demo_leads(now: datetime, *, zone: str = "America/Sao_Paulo") -> list[LeadCreate]:
    """The shipped demo set, as of ``now``, on plausible hours of ``zone``."""
    ago, appointment_at = demo_timelines(now, zone)
    return [
        lead_create_from_json(lead, now, ago=ago, appointment_at=appointment_at)
        for lead in _demo_file()
    ]


def _demo_file() -> list[dict[str, Any]]:
    """The shipped demo set as stored."""
    text = resources.files("cockpit_tui._data").joinpath(DEMO_FILE).read_text(encoding="utf-8")
    leads: list[dict[str, Any]] = json.loads(text)
    return leads


def seed_demo_store(store: Store, *, clock: Clock) -> int:
    """Fill an empty demo store with the demo set, its name and templates, on CRM +Smart.

    A store that already has leads is left alone (the user's demo moves stay).

    Returns:
        How many leads were added.
    """
    from cockpit_tui.store.bulk import insert_leads

    if sum(store.reader.counts().values()) > 0:
        return 0
    from cockpit_tui.domain.demo_history import plan_histories
    from cockpit_tui.store.demo_history import record_histories

    now = clock.now()
    settings = SettingsService(store, actor=DEMO_ACTOR, clock=clock)
    zone = settings.value("timezone") or "America/Sao_Paulo"
    leads = load_demo_leads(now, zone=zone)
    added = insert_leads(store.engine, leads, actor=DEMO_ACTOR, now=now)
    ago, _ = demo_timelines(now, zone)
    record_histories(store.engine, plan_histories(_demo_file(), ago, fallback_actor=DEMO_TEAM[0]))
    settings.set_plan(Plan.SMART_PLUS)
    team = TeamService(store, actor=DEMO_ACTOR, clock=clock)
    for name in DEMO_TEAM:
        team.add(name)
    from cockpit_tui.services.demo_templates import seed_demo_day_tools

    seed_demo_day_tools(store, actor=DEMO_ACTOR, clock=clock)
    return added
