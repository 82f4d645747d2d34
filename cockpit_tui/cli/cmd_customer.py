"""``cockpit customer find|export|erase``: a person's rights under the LGPD, without SQL."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.i18n.translate import Translator

if TYPE_CHECKING:
    from cockpit_tui.config import Settings
    from cockpit_tui.domain.customers import CustomerSummary
    from cockpit_tui.services.customers import CustomerService


def configure(parser: argparse.ArgumentParser, t: Translator) -> None:
    """``find|export|erase``, ``CUSTOMER_ID`` and the options of each."""
    parser.add_argument(
        "action", choices=("find", "export", "erase"), help=t("cli.customer.action")
    )
    parser.add_argument(
        "customer_id",
        nargs="?",
        type=int,
        metavar="ID_CLIENTE" if t.lang == "pt" else "CUSTOMER_ID",
        help=t("cli.customer.id"),
    )
    parser.add_argument("--phone", metavar="TEL", help=t("cli.customer.phone"))
    parser.add_argument("--email", metavar="EMAIL", help=t("cli.customer.email"))
    parser.add_argument(
        "--name", metavar="TEXTO" if t.lang == "pt" else "TEXT", help=t("cli.customer.name")
    )
    parser.add_argument(
        "--out", metavar="ARQUIVO" if t.lang == "pt" else "FILE", help=t("cli.customer.out")
    )
    parser.add_argument("--yes", action="store_true", help=t("cli.customer.yes"))
    parser.add_argument("--json", action="store_true", help=t("cli.json"))


def run(args: argparse.Namespace, settings: Settings, t: Translator) -> int:
    """Find, export or erase a customer."""
    from cockpit_tui.cli.commands import open_for
    from cockpit_tui.services.customers import CustomerService

    if args.action != "find" and args.customer_id is None:
        raise InvalidInputError("cli.customer_needs_id", action=args.action)
    services = open_for(settings, t)
    try:
        customers = CustomerService(services.store, actor=services.actor, clock=services.clock)
        if args.action == "find":
            return _find(args, customers, t)
        if args.action == "export":
            return _export(args, customers, t)
        return _erase(args, customers, t)
    finally:
        services.close()


def _summary_json(customer: CustomerSummary) -> dict[str, Any]:
    last = customer.last_activity_at
    return {
        "id": customer.id,
        "name": customer.name,
        "phone": customer.phone,
        "email": customer.email,
        "erased": customer.erased_at is not None,
        "negotiations": [
            {
                "lead_id": lead.lead_id,
                "status": lead.status.value,
                "last_activity_at": lead.last_activity_at.isoformat(),
            }
            for lead in customer.negotiations
        ],
        "last_activity_at": None if last is None else last.isoformat(),
    }


def _find(args: argparse.Namespace, customers: CustomerService, t: Translator) -> int:
    from cockpit_tui.domain.phones import format_phone
    from cockpit_tui.domain.statuses import status_label
    from cockpit_tui.i18n.format import format_datetime

    found = customers.find(phone=args.phone, email=args.email, name=args.name)
    if args.json:
        json.dump([_summary_json(customer) for customer in found], sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    if not found:
        print(t("cli.customer_none"))
        return 0
    for customer in found:
        leads = ", ".join(
            f"#{lead.lead_id} {status_label(lead.status, t.lang)}" for lead in customer.negotiations
        )
        last = customer.last_activity_at
        columns = [
            str(customer.id),
            customer.name,
            format_phone(customer.phone) if customer.phone else "",
            customer.email or "",
            leads,
            format_datetime(last, t.lang) if last else "",
        ]
        print("\t".join(columns))
    return 0


def _export(args: argparse.Namespace, customers: CustomerService, t: Translator) -> int:
    from cockpit_tui.cli.progress import progress_bar
    from cockpit_tui.services.customers import write_export

    with progress_bar(t("cli.customer_exporting")) as on_progress:
        document = customers.export(args.customer_id, on_progress=on_progress)
    if args.out is None:
        from cockpit_tui.cli.json_output import write_json

        write_json(document)
        return 0
    destination = Path(args.out).expanduser()
    write_export(document, destination)
    print(t("cli.customer_exported", customer_id=args.customer_id, path=destination))
    return 0


def _erase(args: argparse.Namespace, customers: CustomerService, t: Translator) -> int:
    preview = customers.erase_preview(args.customer_id)
    if preview.customer.erased_at is not None:
        print(t("cli.customer_already_erased", customer_id=args.customer_id))
        return 0
    if not args.yes:
        print(
            t(
                "cli.customer_erase_preview",
                customer_id=preview.customer.id,
                name=preview.customer.name,
                leads=len(preview.customer.negotiations),
                messages=preview.messages,
                notes=preview.notes,
            )
        )
        if not sys.stdin.isatty():
            raise InvalidInputError("cli.customer_erase_needs_yes")
        answer = input(t("cli.customer_erase_confirm"))
        if answer.strip().lower() not in ("s", "sim", "y", "yes"):
            print(t("cli.customer_erase_cancelled"))
            return 1
    customers.erase(args.customer_id)
    print(t("cli.customer_erased", customer_id=args.customer_id))
    backups = customers.known_backups()
    print(t("cli.customer_backups_warning"), file=sys.stderr)
    for path in backups:
        print(f"  {path}", file=sys.stderr)
    if not backups:
        print(t("cli.customer_backups_none"), file=sys.stderr)
    return 0
