"""``cockpit duty [in NAME | out NAME] [--json]``: who is on duty ("na loja")."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.i18n.translate import Translator

if TYPE_CHECKING:
    from cockpit_tui.config import Settings


def configure(parser: argparse.ArgumentParser, t: Translator) -> None:
    """``in|out``, ``NAME`` and ``--json``."""
    parser.add_argument("action", nargs="?", choices=("in", "out"), help=t("cli.duty.action"))
    parser.add_argument(
        "name", nargs="?", metavar="NOME" if t.lang == "pt" else "NAME", help=t("cli.team.name")
    )
    parser.add_argument("--json", action="store_true", help=t("cli.json"))


def run(args: argparse.Namespace, settings: Settings, t: Translator) -> int:
    """List who is on duty, or put someone on or off duty."""
    from cockpit_tui.cli.commands import open_for
    from cockpit_tui.domain.sanitize import clean_text
    from cockpit_tui.i18n.format import format_datetime

    name = clean_text(args.name or "", max_length=100)
    if args.action and not name:
        raise InvalidInputError("cli.duty_needs_name", action=args.action)
    services = open_for(settings, t)
    try:
        if args.action == "in":
            started = services.team.start_duty(name)
            print(t("cli.duty_in" if started else "cli.duty_already_in", name=name))
        elif args.action == "out":
            ended = services.team.end_duty(name)
            print(t("cli.duty_out" if ended else "cli.duty_not_in", name=name))
        roster = services.team.on_duty()
    finally:
        services.close()
    if args.json:
        document = {
            "on_duty": [
                {"name": member.name, "since": member.since.isoformat()} for member in roster
            ]
        }
        json.dump(document, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    elif args.action is None and not roster:
        print(t("cli.duty_nobody"))
    elif args.action is None:
        for member in roster:
            since = format_datetime(member.since, t.lang)
            print(t("cli.duty_line", name=clean_text(member.name), since=since))
    return 0
