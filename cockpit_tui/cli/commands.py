"""The subcommands of ``cockpit``: thin wrappers over the services."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import Any

from cockpit_tui.cli.json_output import write_json
from cockpit_tui.cli.progress import progress_bar
from cockpit_tui.config import Settings
from cockpit_tui.domain.cards import LeadCard
from cockpit_tui.domain.errors import CockpitError, InvalidInputError
from cockpit_tui.domain.plans import parse_plan
from cockpit_tui.domain.statuses import STATUS_ORDER, parse_status, status_label
from cockpit_tui.i18n.format import format_money
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.services import Services, open_services

EXIT_OK, EXIT_ERROR = 0, 1
#: Largest id a store holds (64-bit integers on SQLite and PostgreSQL).
MAX_ID = 2**63 - 1


def open_for(settings: Settings, t: Translator, *, reading: bool = False) -> Services:
    """Open the settings' store (migrating with a progress bar) and seed the demo if asked.

    Args:
        settings: The run's settings.
        t: The translator.
        reading: The command only reads: a named store file (``--db``) that
            does not exist is refused instead of created empty.
    """
    with progress_bar(t("cli.migrating")) as on_progress:
        services = open_services(
            settings.db_url,
            actor=settings.user,
            on_progress=on_progress,
            must_exist=reading and settings.named_store and not settings.demo,
        )
    # Issue 13: a salesperson named with --user joins the team on their first lead change.
    services.store.joins_team = settings.user_named
    migration = services.store.migration
    if migration is not None and migration.backup_path is not None:
        print(
            t(
                "cli.migrated",
                old=migration.from_version,
                new=migration.to_version,
                path=migration.backup_path,
            ),
            file=sys.stderr,
        )
    if settings.demo:
        from cockpit_tui.services.clock import SystemClock
        from cockpit_tui.services.demo import seed_demo_store

        seed_demo_store(services.store, clock=SystemClock())
    return services


def run_board(settings: Settings, t: Translator) -> int:
    """Open the board (the Textual app) on the store."""
    services = open_for(settings, t)
    try:
        from cockpit_tui.config import config_dir
        from cockpit_tui.services.preferences import Preferences
        from cockpit_tui.ui.board.first_read import FirstRead

        _live_in_store_zone(services)
        folder = config_dir()
        preferences = Preferences(folder, services.actor)
        # Read while Textual is imported (next line): the store's driver lets go of the GIL.
        first_read = FirstRead(services, preferences)
        from cockpit_tui.ui.app import CockpitApp

        CockpitApp(
            services,
            lang=settings.lang,
            preferences=preferences,
            first_read=first_read,
            keymap_folder=folder,
            new_store=(
                services.store.url.describe()
                if services.store.created and not settings.demo
                else None
            ),
        ).run()
    finally:
        services.close()
    return EXIT_OK


def _live_in_store_zone(services: Services) -> None:
    """Show and read every time on screen in the store's zone (setting ``timezone``).

    Cards, the lead's history and the forms use local time; a terminal whose
    clock is set elsewhere (a server in UTC) would otherwise show a visit
    typed for 11:00 as 14:00 while the agenda, which reads days in the
    store's zone, shows 11:00.
    """
    import os
    import time

    # The setting's name is all TZ needs: the agenda service (and the lead
    # models it imports) is not loaded for it before the board's first frame.
    name = services.settings.value("timezone") or "America/Sao_Paulo"
    if hasattr(time, "tzset"):
        os.environ["TZ"] = name
        time.tzset()


def version() -> int:
    """Print the installed version."""
    from importlib.metadata import PackageNotFoundError  # lazy: 30 ms at start-up
    from importlib.metadata import version as package_version

    try:
        print(package_version("cockpit-tui"))
    except PackageNotFoundError:
        print("unknown")
    return EXIT_OK


def _status_or_fail(text: str, t: Translator) -> Any:
    status = parse_status(text)
    if status is None:
        choices = ", ".join(status.value for status in STATUS_ORDER)
        raise InvalidInputError("error.bad_status", value=text, choices=choices)
    return status


def id_or_fail(value: int, message_id: str, **values: Any) -> None:
    """Refuse an id no store can hold (ids are positive 64-bit integers)."""
    if not 1 <= value <= MAX_ID:
        raise CockpitError(message_id, **values)


def _utc_now() -> datetime:
    from datetime import UTC

    return datetime.now(UTC)


def card_json(card: LeadCard, lang: str, now: datetime | None = None) -> dict[str, Any]:
    """A lead as ``cockpit leads --json`` shows it (also ``add --json`` and ``edit --json``)."""

    def iso(value: Any) -> str | None:
        return None if value is None else value.isoformat()

    return {
        "id": card.id,
        "version": card.version,
        "status": card.status.value,
        "status_label": status_label(card.status, lang),
        "customer_id": card.customer_id,
        "name": card.customer_name,
        "phone": card.phone,
        "email": card.email,
        "vehicle": card.vehicle,
        "price": None if card.price is None else str(card.price),
        "source": card.source,
        "assigned_to": card.assigned_to,
        "created_at": iso(card.created_at),
        "last_activity_at": iso(card.last_activity_at),
        "needs_attention": card.needs_attention,
        "unread_count": card.unread_count,
        "next_appointment_at": iso(card.next_appointment_at),
        "waiting_since": iso(card.waiting_since),
        "response_due_at": iso(card.response_due_at),
        "sla_state": None if (state := card.sla_state(now or _utc_now())) is None else state.value,
        "first_response_at": iso(card.first_response_at),
        "first_response_seconds": card.first_response_seconds,
    }


def leads(args: argparse.Namespace, settings: Settings, t: Translator) -> int:
    """``cockpit leads``: every lead in board order, plain or JSON."""
    status = _status_or_fail(args.status, t) if args.status else None
    services = open_for(settings, t, reading=True)
    try:
        cards = services.board.leads_in_board_order(status)
        now = services.clock.now()
    finally:
        services.close()
    if args.json:
        write_json([card_json(card, t.lang, now) for card in cards])
        return EXIT_OK
    if not cards:
        print(t("cli.no_leads"))
        return EXIT_OK
    for card in cards:
        flags = []
        if card.needs_attention:
            flags.append(t("cli.attention"))
        if card.unread_count:
            flags.append(t("cli.unread", count=card.unread_count))
        columns = [
            str(card.id),
            status_label(card.status, t.lang),
            card.customer_name,
            card.vehicle or "",
            format_money(card.price, t.lang, cents=False) if card.price is not None else "",
            card.source or "",
            card.assigned_to or t("cli.unassigned"),
            ", ".join(flags),
        ]
        print("\t".join(columns))
    return EXIT_OK


def move(args: argparse.Namespace, settings: Settings, t: Translator) -> int:
    """``cockpit move LEAD_ID STATUS [--expect-version N]``."""
    to_status = _status_or_fail(args.status, t)
    id_or_fail(args.lead_id, "error.lead_not_found", lead_id=args.lead_id)
    services = open_for(settings, t)
    try:
        result = services.leads.move(args.lead_id, to_status, seen_version=args.expect_version)
    finally:
        services.close()
    print(
        t(
            "cli.moved",
            lead_id=result.card.id,
            from_label=status_label(result.from_status, t.lang),
            to_label=status_label(result.to_status, t.lang),
            version=result.card.version,
        )
    )
    return EXIT_OK


def plan(args: argparse.Namespace, settings: Settings, t: Translator) -> int:
    """``cockpit plan [crm|smart|smart-plus]``: show or set the store's plan."""
    wanted = None
    if args.plan:
        wanted = parse_plan(args.plan)
        if wanted is None:
            raise CockpitError("error.bad_plan", value=args.plan)
    services = open_for(settings, t, reading=wanted is None)
    try:
        current = services.settings.set_plan(wanted) if wanted else services.settings.plan()
    finally:
        services.close()
    if args.json:
        print(
            json.dumps(
                {
                    "plan": current.value,
                    "label": current.label,
                    "list_view": current.has_list_view,
                    "video_call": current.has_video_call,
                }
            )
        )
    else:
        print(t("cli.plan_set" if wanted else "cli.plan_is", plan=current.label))
    return EXIT_OK


def team(args: argparse.Namespace, settings: Settings, t: Translator) -> int:
    """``cockpit team [add NAME|remove NAME]``: list or change the store's salespeople."""
    if args.action and not (args.name or "").strip():
        raise InvalidInputError("cli.team_needs_name", action=args.action)
    services = open_for(settings, t, reading=not args.action)
    try:
        if args.action == "add":
            added = services.team.add(args.name)
            print(t("cli.team_added" if added else "cli.team_already", name=args.name.strip()))
            return EXIT_OK
        if args.action == "remove":
            services.team.remove(args.name)
            print(t("cli.team_removed", name=args.name.strip()))
            return EXIT_OK
        members = services.team.members()
    finally:
        services.close()
    if args.json:
        json.dump(members, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    elif not members:
        print(t("cli.team_empty"))
    else:
        print("\n".join(members))
    return EXIT_OK
