"""``cockpit templates [add NAME TEXT | remove NAME] [--json]``: the store's reply templates."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.i18n.translate import Translator

if TYPE_CHECKING:
    from cockpit_tui.config import Settings

HELP_ID = "cli.templates"


def configure(parser: argparse.ArgumentParser, t: Translator) -> None:
    """``add NAME TEXT`` / ``remove NAME``, ``--marketing`` and ``--json``."""
    pt = t.lang == "pt"
    parser.add_argument(
        "action", nargs="?", choices=("add", "remove"), help=t("cli.templates.action")
    )
    parser.add_argument("name", nargs="?", metavar="NOME" if pt else "NAME")
    parser.add_argument("text", nargs="?", metavar="TEXTO" if pt else "TEXT")
    parser.add_argument("--marketing", action="store_true", help=t("cli.templates.marketing"))
    parser.add_argument("--json", action="store_true", help=t("cli.json"))


def run(args: argparse.Namespace, settings: Settings, t: Translator) -> int:
    """List the templates, or add (replace) or remove one."""
    from cockpit_tui.cli.commands import open_for

    if args.action is not None and not (args.name or "").strip():
        raise InvalidInputError("cli.templates.needs_name", action=args.action)
    if args.action == "add" and args.text is None:
        raise InvalidInputError("cli.templates.needs_text")
    if args.action != "add" and (args.text is not None or args.marketing):
        raise InvalidInputError("cli.templates.extra")
    services = open_for(settings, t)
    try:
        if args.action == "add":
            template, created = services.templates.save(
                args.name, args.text, marketing=args.marketing
            )
            key = "cli.templates.added" if created else "cli.templates.replaced"
            print(t(key, name=template.name))
            return 0
        if args.action == "remove":
            services.templates.remove(args.name)
            print(t("cli.templates.removed", name=args.name.strip()))
            return 0
        templates = services.templates.all()
    finally:
        services.close()
    if args.json:
        document = [
            {
                "name": template.name,
                "text": template.text,
                "marketing": template.marketing,
                "whatsapp_template": template.whatsapp_template,
                "whatsapp_language": template.whatsapp_language,
            }
            for template in templates
        ]
        json.dump(document, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    elif not templates:
        print(t("cli.templates.empty"))
    else:
        for template in templates:
            marker = f"  ({t('cli.templates.marketing_tag')})" if template.marketing else ""
            print(f"{template.name}{marker}\n  {template.text}")
    return 0
