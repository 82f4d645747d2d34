"""The demo store: realistic leads from ``data/demo_leads.json``, times relative to now."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
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


def lead_create_from_json(lead: dict[str, Any], now: datetime) -> LeadCreate:
    """One demo lead (minutes before ``now``) as a :class:`LeadCreate`."""

    def ago(minutes: int) -> datetime:
        return now - timedelta(minutes=minutes)

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
                now + timedelta(minutes=appointment["in_minutes"]),
            )
            if appointment
            else None
        ),
    )


def load_demo_leads(now: datetime) -> list[LeadCreate]:
    """The shipped demo set, as of ``now``."""
    text = resources.files("cockpit_tui._data").joinpath(DEMO_FILE).read_text(encoding="utf-8")
    return [lead_create_from_json(lead, now) for lead in json.loads(text)]


def seed_demo_store(store: Store, *, clock: Clock) -> int:
    """Fill an empty demo store with the demo set, its name and templates, on CRM +Smart.

    A store that already has leads is left alone (the user's demo moves stay).

    Returns:
        How many leads were added.
    """
    from cockpit_tui.store.bulk import insert_leads

    if sum(store.reader.counts().values()) > 0:
        return 0
    now = clock.now()
    leads = load_demo_leads(now)
    added = insert_leads(store.engine, leads, actor=DEMO_ACTOR, now=now)
    SettingsService(store, actor=DEMO_ACTOR, clock=clock).set_plan(Plan.SMART_PLUS)
    from cockpit_tui.services.demo_templates import seed_demo_day_tools

    seed_demo_day_tools(store, actor=DEMO_ACTOR, clock=clock)
    team = TeamService(store, actor=DEMO_ACTOR, clock=clock)
    for name in sorted({lead.assigned_to for lead in leads if lead.assigned_to}):
        team.add(name)  # the demo's salespeople, offered by A and the Vendedor filter
    return added
