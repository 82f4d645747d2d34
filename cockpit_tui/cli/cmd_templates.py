"""``cockpit templates [add NAME TEXT | remove NAME | whatsapp NAME WA_NAME [LANG]] [--json]``.

The store's reply templates; ``whatsapp`` links one to a template WhatsApp
approved (``--off`` unlinks it), which the reply dialog offers outside
WhatsApp's 24-hour window.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.i18n.translate import Translator

if TYPE_CHECKING:
    from cockpit_tui.config import Settings

#: The language of a WhatsApp template when ``cockpit templates whatsapp`` is not told.
DEFAULT_LANGUAGE = "pt_BR"


def configure(parser: argparse.ArgumentParser, t: Translator) -> None:
    """``add NAME TEXT`` / ``remove NAME`` / ``whatsapp NAME WA_NAME [LANG]``, and options."""
    pt = t.lang == "pt"
    parser.add_argument(
        "action", nargs="?", choices=("add", "remove", "whatsapp"), help=t("cli.templates.action")
    )
    parser.add_argument("name", nargs="?", metavar="NOME" if pt else "NAME")
    parser.add_argument("text", nargs="?", metavar="TEXTO" if pt else "TEXT")
    parser.add_argument(
        "language", nargs="?", metavar="IDIOMA" if pt else "LANGUAGE", help=argparse.SUPPRESS
    )
    parser.add_argument("--marketing", action="store_true", help=t("cli.templates.marketing"))
    parser.add_argument("--off", action="store_true", help=t("cli.templates.off"))
    parser.add_argument("--json", action="store_true", help=t("cli.json"))


def run(args: argparse.Namespace, settings: Settings, t: Translator) -> int:
    """List the templates, or add (replace) or remove one."""
    from cockpit_tui.cli.commands import open_for

    if args.action is not None and not (args.name or "").strip():
        raise InvalidInputError("cli.templates.needs_name", action=args.action)
    if args.action == "add" and args.text is None:
        raise InvalidInputError("cli.templates.needs_text")
    if args.action == "whatsapp":
        if args.off == (args.text is not None) or (args.off and args.language is not None):
            raise InvalidInputError("cli.templates.whatsapp_usage")
    elif args.language is not None or args.off:
        raise InvalidInputError("cli.templates.whatsapp_only")
    if args.action not in ("add", "whatsapp") and args.text is not None:
        raise InvalidInputError("cli.templates.extra")
    if args.action != "add" and args.marketing:
        raise InvalidInputError("cli.templates.extra")
    services = open_for(settings, t)
    try:
        if args.action == "whatsapp":
            language = None if args.off else (args.language or DEFAULT_LANGUAGE)
            template = services.templates.link_whatsapp(args.name, args.text, language)
            if template.whatsapp_template is None:
                print(t("cli.templates.unlinked", name=template.name))
            else:
                print(
                    t(
                        "cli.templates.linked",
                        name=template.name,
                        whatsapp=template.whatsapp_template,
                        language=template.whatsapp_language,
                    )
                )
            return 0
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
            tags = [t("cli.templates.marketing_tag")] if template.marketing else []
            if template.whatsapp_template:
                tags.append(
                    t(
                        "cli.templates.whatsapp_tag",
                        whatsapp=template.whatsapp_template,
                        language=template.whatsapp_language,
                    )
                )
            marker = f"  ({', '.join(tags)})" if tags else ""
            print(f"{template.name}{marker}\n  {template.text}")
    return 0
