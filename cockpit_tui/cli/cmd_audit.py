"""``cockpit audit [--json] [--since DATE]``: the audit records (exports, erasures, retention)."""

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
    """``--since`` and ``--json``."""
    parser.add_argument(
        "--since", metavar="DATA" if t.lang == "pt" else "DATE", help=t("cli.audit.since")
    )
    parser.add_argument("--json", action="store_true", help=t("cli.json"))


def run(args: argparse.Namespace, settings: Settings, t: Translator) -> int:
    """List the audit records, oldest first."""
    from cockpit_tui.cli.commands import open_for
    from cockpit_tui.domain.intake import parse_when
    from cockpit_tui.i18n.format import format_datetime
    from cockpit_tui.services.audit import audit_records

    since = None
    if args.since is not None:
        since = parse_when(args.since)
        if since is None:
            raise InvalidInputError("cli.audit_bad_since", value=args.since[:40])
    services = open_for(settings, t)
    try:
        records = audit_records(services.store, since=since)
    finally:
        services.close()
    if args.json:
        payload = [
            {
                "id": record.id,
                "at": record.at.isoformat(),
                "actor": record.actor,
                "action": record.action,
                "customer_id": record.customer_id,
                "count": record.count,
                "detail": record.detail,
            }
            for record in records
        ]
        json.dump(payload, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    if not records:
        print(t("cli.audit_empty"))
    for record in records:
        columns = [
            format_datetime(record.at, t.lang),
            record.actor,
            t(f"audit.{record.action}"),
            "" if record.customer_id is None else f"#{record.customer_id}",
            "" if record.count is None else str(record.count),
            record.detail or "",
        ]
        print("\t".join(columns))
    return 0
