"""``cockpit report``: the manager's figures of a period, as text, JSON or CSV.

A lead counts in the period it arrived in (the store's days, setting ``timezone``).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.reports import PeriodName
from cockpit_tui.i18n.translate import Translator

if TYPE_CHECKING:
    from cockpit_tui.config import Settings
    from cockpit_tui.domain.reports import ReportPeriod
    from cockpit_tui.services.reports import ReportService


def configure(parser: argparse.ArgumentParser, t: Translator) -> None:
    """``--period`` or ``--from``/``--to``; ``--json`` or ``--csv``."""
    parser.add_argument(
        "--period",
        choices=[name.value for name in PeriodName],
        default=None,
        help=t("cli.report.period"),
    )
    day = "DATA" if t.lang == "pt" else "DATE"
    parser.add_argument("--from", dest="first", metavar=day, help=t("cli.report.from"))
    parser.add_argument("--to", dest="last", metavar=day, help=t("cli.report.to"))
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help=t("cli.json"))
    output.add_argument("--csv", action="store_true", help=t("cli.report.csv"))


def chosen_period(args: argparse.Namespace, reports: ReportService) -> ReportPeriod:
    """The period the arguments ask for (30 days when none).

    Raises:
        InvalidInputError: a date that is not one, half a range, a range
            ending before it starts or longer than a year, or both a range and ``--period``.
    """
    from cockpit_tui.domain.reports import named_period, parse_day, typed_period

    if args.first is None and args.last is None:
        return named_period(PeriodName(args.period or "30d"), reports.today())
    if args.period is not None:
        raise InvalidInputError("cli.report.period_and_range")
    if args.first is None or args.last is None:
        raise InvalidInputError("cli.report.half_range")
    days = []
    for text in (args.first, args.last):
        day = parse_day(text)
        if day is None:
            raise InvalidInputError("cli.report.bad_day", value=text[:40])
        days.append(day)
    period = typed_period(days[0], days[1])
    if period is None:
        raise InvalidInputError("cli.report.bad_range")
    return period


def run(args: argparse.Namespace, settings: Settings, t: Translator) -> int:
    """Print the report of the chosen period."""
    from cockpit_tui.cli.commands import open_for
    from cockpit_tui.cli.report_text import report_lines
    from cockpit_tui.services.report_document import report_csv, report_document

    services = open_for(settings, t, reading=True)
    try:
        reports = services.reports
        report = reports.report(chosen_period(args, reports))
        zone = reports.zone().key
    finally:
        services.close()
    if args.json:
        json.dump(report_document(report, timezone=zone), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    elif args.csv:
        sys.stdout.flush()
        sys.stdout.buffer.write(report_csv(report, timezone=zone).encode("utf-8-sig"))
        sys.stdout.buffer.flush()
    else:
        for line in report_lines(report, t):
            print(line)
    return 0
