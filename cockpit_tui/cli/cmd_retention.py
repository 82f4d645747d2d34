"""``cockpit retention run [--dry-run]``: anonymise customers kept longer than the store decided."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from cockpit_tui.i18n.translate import Translator

if TYPE_CHECKING:
    from cockpit_tui.config import Settings


def configure(parser: argparse.ArgumentParser, t: Translator) -> None:
    """``run`` and ``--dry-run``."""
    parser.add_argument("action", choices=("run",), help=t("cli.retention.action"))
    parser.add_argument("--dry-run", action="store_true", help=t("cli.retention.dry_run"))


def run(args: argparse.Namespace, settings: Settings, t: Translator) -> int:
    """Run retention once and print the count."""
    from cockpit_tui.cli.commands import open_for
    from cockpit_tui.cli.progress import progress_bar
    from cockpit_tui.i18n.format import format_datetime
    from cockpit_tui.services.retention import RetentionService

    services = open_for(settings, t)
    try:
        retention = RetentionService(services.store, actor=services.actor, clock=services.clock)
        with progress_bar(t("cli.retention_progress")) as on_progress:
            result = retention.run(dry_run=args.dry_run, on_progress=on_progress)
    finally:
        services.close()
    since = format_datetime(result.inactive_before, t.lang)
    if args.dry_run:
        print(t("cli.retention_dry", count=result.due, months=result.months, since=since))
        return 0
    print(t("cli.retention_done", count=result.erased, months=result.months, since=since))
    if result.skipped_in_flight:
        print(t("cli.retention_skipped", count=result.skipped_in_flight))
    return 0
