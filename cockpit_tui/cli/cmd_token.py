"""``cockpit token add NAME | list | revoke NAME``: who may post to ``cockpit serve``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from cockpit_tui.i18n.translate import Translator

if TYPE_CHECKING:
    from cockpit_tui.config import Settings


def configure(parser: argparse.ArgumentParser, t: Translator) -> None:
    """``ACTION`` (add, list, revoke), ``NAME`` and ``--json``."""
    parser.add_argument("action", choices=("add", "list", "revoke"), help=t("cli.token.action"))
    parser.add_argument(
        "name", nargs="?", metavar="NOME" if t.lang == "pt" else "NAME", help=t("cli.token.name")
    )
    parser.add_argument("--json", action="store_true", help=t("cli.json"))


def run(args: argparse.Namespace, settings: Settings, t: Translator) -> int:
    """Make, list or revoke a token."""
    from cockpit_tui.cli.commands import open_for
    from cockpit_tui.domain.errors import InvalidInputError
    from cockpit_tui.i18n.format import format_datetime
    from cockpit_tui.services.api_tokens import TokenService

    if args.action != "list" and not args.name:
        raise InvalidInputError("token.needs_name", action=args.action)
    services = open_for(settings, t)
    try:
        tokens = TokenService(services.store, actor=services.actor, clock=services.clock)
        if args.action == "add":
            token = tokens.add(args.name)
            print(token)
            print(t("token.added", name=args.name.strip()), file=sys.stderr)
        elif args.action == "revoke":
            tokens.revoke(args.name)
            print(t("token.revoked", name=args.name.strip()), file=sys.stderr)
        else:
            rows = tokens.list()
            if args.json:
                document = [
                    {"name": name, "created_by": by, "created_at": at.isoformat()}
                    for name, by, at in rows
                ]
                print(json.dumps(document, ensure_ascii=False))
            elif not rows:
                print(t("token.none"), file=sys.stderr)
            for name, by, at in [] if args.json else rows:
                print(f"{name}\t{by}\t{format_datetime(at, settings.lang)}")
    finally:
        services.close()
    return 0
