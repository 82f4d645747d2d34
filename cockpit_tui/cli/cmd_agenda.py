"""``cockpit agenda [--date D] [--all] [--json]``: the day's appointments."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from cockpit_tui.i18n.translate import Translator

if TYPE_CHECKING:
    from cockpit_tui.config import Settings
    from cockpit_tui.domain.agenda import Agenda, AgendaItem


def configure(parser: argparse.ArgumentParser, t: Translator) -> None:
    """``--date``, ``--all`` and ``--json``."""
    parser.add_argument(
        "--date",
        metavar="dd/mm/aaaa" if t.lang == "pt" else "YYYY-MM-DD",
        help=t("cli.agenda.date"),
    )
    parser.add_argument(
        "--all", action="store_true", dest="everyone", help=t("cli.agenda.everyone")
    )
    parser.add_argument("--json", action="store_true", help=t("cli.json"))


def item_json(item: AgendaItem, agenda: Agenda) -> dict[str, Any]:
    """One appointment as ``cockpit agenda --json`` prints it (``at`` in the store's zone)."""
    return {
        "appointment_id": item.appointment_id,
        "lead_id": item.lead_id,
        "customer": item.customer,
        "kind": item.kind.value,
        "at": item.at.astimezone(agenda.zone).isoformat(),
        "assigned_to": item.assigned_to,
        "overdue": item.overdue,
        "status": item.status.value,
        "occurred": item.occurred,
    }


def item_line(item: AgendaItem, agenda: Agenda, t: Translator) -> str:
    """One appointment as a tab-separated line: time (or date and time), kind, lead, status…"""
    from cockpit_tui.domain.sanitize import clean_text
    from cockpit_tui.domain.statuses import status_label
    from cockpit_tui.i18n.format import format_datetime

    when = format_datetime(item.at, t.lang, zone=agenda.zone)
    local_day = item.at.astimezone(agenda.zone).date()
    flags = []
    if item.overdue:
        flags.append(t("cli.agenda.overdue"))
    elif item.occurred is not None:
        flags.append(t("cli.agenda.occurred" if item.occurred else "cli.agenda.missed"))
    return "\t".join(
        [
            when[-5:] if local_day == agenda.day else when,
            t(f"appointment.{item.kind.value}"),
            f"#{item.lead_id}",
            clean_text(item.customer),
            status_label(item.status, t.lang),
            clean_text(item.assigned_to or "") or t("cli.unassigned"),
            ", ".join(flags),
        ]
    ).rstrip("\t")


def run(args: argparse.Namespace, settings: Settings, t: Translator) -> int:
    """Print the day's appointments, overdue ones first."""
    from cockpit_tui.cli.commands import open_for
    from cockpit_tui.domain.agenda import parse_day

    day = parse_day(args.date) if args.date else None
    services = open_for(settings, t)
    try:
        agenda = services.agenda.day(day, everyone=args.everyone)
    finally:
        services.close()
    if args.json:
        json.dump(
            [item_json(item, agenda) for item in agenda.items], sys.stdout, ensure_ascii=False
        )
        sys.stdout.write("\n")
        return 0
    day_text = agenda.day.strftime("%Y-%m-%d" if t.lang == "en" else "%d/%m/%Y")
    scope = t("cli.agenda.scope_all" if agenda.everyone else "cli.agenda.scope_mine")
    print(t("cli.agenda.title", day=day_text, scope=scope))
    if not agenda.items:
        print(t("cli.agenda.empty"))
    for item in agenda.items:
        print(item_line(item, agenda, t))
    return 0
