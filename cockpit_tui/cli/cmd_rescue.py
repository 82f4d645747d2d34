"""``cockpit rescue [--json]``: reassign the leads nobody answered in time (for cron)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.i18n.translate import Translator

if TYPE_CHECKING:
    from cockpit_tui.config import Settings
    from cockpit_tui.services import Services


def configure(parser: argparse.ArgumentParser, t: Translator) -> None:
    """``--json``."""
    parser.add_argument("--json", action="store_true", help=t("cli.json"))


def run(args: argparse.Namespace, settings: Settings, t: Translator) -> int:
    """Run the rescue once and say what it did."""
    from cockpit_tui.cli.commands import open_for
    from cockpit_tui.domain.sanitize import clean_text
    from cockpit_tui.services.rescue import RescueService

    services = open_for(settings, t)
    try:
        rescue = RescueService(services.store, actor=services.actor, clock=services.clock)
        enabled = rescue.enabled()
        done = rescue.run()
    finally:
        services.close()
    if args.json:
        document = [
            {
                "lead_id": item.lead_id,
                "from": item.from_salesperson,
                "to": item.to_salesperson,
                "waited_seconds": round(item.waited_seconds),
            }
            for item in done
        ]
        json.dump(document, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    if not enabled:
        print(t("cli.rescue_off"), file=sys.stderr)
    elif not done:
        print(t("cli.rescue_none"))
    for item in done:
        key = "cli.rescue_line" if item.to_salesperson else "cli.rescue_line_unassigned"
        print(
            t(
                key,
                lead_id=item.lead_id,
                previous=clean_text(item.from_salesperson),
                name=clean_text(item.to_salesperson or ""),
                minutes=int(item.waited_seconds // 60),
            )
        )
    return 0


def rescue_quietly(services: Services) -> int:
    """The rescue as a side job (``cockpit ingest`` runs it after its feed); how many moved.

    The rescue runs in whichever process notices first; a store busy right
    now is no failure of the caller's own job (the next board, ingest or
    ``cockpit rescue`` does it).
    """
    try:
        return len(services.rescue.run())
    except CockpitError:
        return 0
