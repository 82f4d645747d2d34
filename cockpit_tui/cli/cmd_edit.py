"""``cockpit edit LEAD_ID [--name] [--phone] … [--expect-version N]``: correct a lead."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.i18n.translate import Translator

if TYPE_CHECKING:
    from cockpit_tui.config import Settings
    from cockpit_tui.domain.lead_edits import FieldChange

_FIELDS = ("name", "phone", "email", "vehicle", "price", "source")


def configure(parser: argparse.ArgumentParser, t: Translator) -> None:
    """``LEAD_ID``, one option per field, ``--expect-version`` and ``--json``."""
    parser.add_argument("lead_id", type=int, metavar="LEAD_ID", help=t("cli.move.lead"))
    for field in _FIELDS:
        parser.add_argument(
            f"--{field}", metavar=t(f"field.{field}").upper(), help=t("cli.edit.field")
        )
    parser.add_argument(
        "--expect-version", type=int, metavar="N", dest="expect_version", help=t("cli.edit.expect")
    )
    parser.add_argument("--json", action="store_true", help=t("cli.json"))


def describe_change(change: FieldChange, t: Translator) -> str:
    """One corrected field in words: "veículo: Onix 2020 → Onix 2021"."""
    from cockpit_tui.i18n.field_values import shown_value

    return t(
        "cli.edit.changed",
        field=t(f"field.{change.field.value}"),
        old=shown_value(change.field, change.old, t.lang) or "—",
        new=shown_value(change.field, change.new, t.lang) or "—",
    )


def run(args: argparse.Namespace, settings: Settings, t: Translator) -> int:
    """Correct the fields given; print each change (or, with ``--json``, the lead)."""
    from cockpit_tui.cli.commands import card_json, open_for
    from cockpit_tui.domain.lead_edits import EditableField

    typed = {
        EditableField(field): getattr(args, field)
        for field in _FIELDS
        if getattr(args, field) is not None
    }
    if not typed:
        raise InvalidInputError("cli.edit.nothing")
    services = open_for(settings, t)
    try:
        result = services.edits.edit(args.lead_id, typed, seen_version=args.expect_version)
    finally:
        services.close()
    if result.shared_contact:
        ids = ", ".join(f"#{lead_id}" for lead_id in result.shared_contact)
        print(t("cli.edit.shared_contact", lead_ids=ids), file=sys.stderr)
    if args.json:
        json.dump(card_json(result.card, t.lang), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    if not result.changes:
        print(t("cli.edit.unchanged", lead_id=args.lead_id))
    for change in result.changes:
        print(f"#{args.lead_id} {describe_change(change, t)}")
    return 0
