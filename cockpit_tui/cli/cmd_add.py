"""``cockpit add --name NAME [--phone P] [--email E] …``: a lead typed by hand."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from cockpit_tui.i18n.translate import Translator

if TYPE_CHECKING:
    from cockpit_tui.config import Settings


def configure(parser: argparse.ArgumentParser, t: Translator) -> None:
    """The lead's fields, ``--assign`` and ``--json``."""
    pt = t.lang == "pt"
    parser.add_argument("--name", required=True, metavar="NOME" if pt else "NAME")
    parser.add_argument("--phone", default="", metavar="TELEFONE" if pt else "PHONE")
    parser.add_argument("--email", default="", metavar="EMAIL")
    parser.add_argument("--vehicle", default="", metavar="VEÍCULO" if pt else "VEHICLE")
    parser.add_argument("--price", default="", metavar="VALOR" if pt else "PRICE")
    parser.add_argument("--source", default="", metavar="ORIGEM" if pt else "SOURCE")
    parser.add_argument("--message", default="", metavar="TEXTO" if pt else "TEXT")
    parser.add_argument(
        "--assign", metavar="VENDEDOR" if pt else "SALESPERSON", help=t("cli.add.assign")
    )
    parser.add_argument("--json", action="store_true", help=t("cli.json"))


def run(args: argparse.Namespace, settings: Settings, t: Translator) -> int:
    """Create the lead; print its id (or, with ``--json``, the lead)."""
    from cockpit_tui.cli.commands import card_json, open_for
    from cockpit_tui.domain.lead_entry import NewLead

    typed = NewLead(
        name=args.name,
        phone=args.phone,
        email=args.email,
        vehicle=args.vehicle,
        price=args.price,
        source=args.source,
        message=args.message,
    )
    services = open_for(settings, t)
    try:
        same_contact = services.entry.matches(phone=typed.phone, email=typed.email)
        card = services.entry.create(typed, assign_to=args.assign)
    finally:
        services.close()
    if same_contact:
        ids = ", ".join(f"#{other.id}" for other in same_contact)
        print(t("cli.add.same_contact", lead_ids=ids), file=sys.stderr)
    if args.json:
        json.dump(card_json(card, t.lang), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(card.id)
    return 0
