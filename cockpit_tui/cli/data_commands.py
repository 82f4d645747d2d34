"""The subcommands that move data in and out of the store: import, ingest, outbox, backup.

Thin wrappers over the services, like :mod:`cockpit_tui.cli.commands`.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from cockpit_tui.cli.commands import EXIT_ERROR, EXIT_OK, id_or_fail, open_for
from cockpit_tui.cli.json_output import write_json
from cockpit_tui.cli.progress import progress_bar
from cockpit_tui.config import Settings
from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.i18n.translate import Translator


def backup(args: argparse.Namespace, settings: Settings, t: Translator) -> int:
    """``cockpit backup DEST``: an online, consistent copy of the store."""
    from cockpit_tui.services.backup import backup as backup_store

    destination = Path(args.destination).expanduser()
    services = open_for(settings, t, reading=True)
    try:
        with progress_bar(t("cli.backup_progress")) as on_progress:
            backup_store(services.store, destination, overwrite=args.force, on_progress=on_progress)
        from cockpit_tui.services.audit import record_backup  # issue 19: erasures list it

        record_backup(
            services.store,
            actor=services.actor,
            at=services.clock.now(),
            destination=str(destination.resolve()),
        )
    finally:
        services.close()
    print(t("cli.backup_done", path=destination))
    return EXIT_OK


def check(args: argparse.Namespace, settings: Settings, t: Translator) -> int:
    """``cockpit check``: the full integrity check of the store; exit 1 if it found damage."""
    from cockpit_tui.services.backup import check as check_store

    services = open_for(settings, t, reading=True)
    try:
        problems = check_store(services.store)
    finally:
        services.close()
    if problems is None:
        print(t("cli.check_postgres"))
        return EXIT_OK
    if not problems:
        print(t("cli.check_ok"))
        return EXIT_OK
    print(t("cli.check_damaged", count=len(problems)), file=sys.stderr)
    for problem in problems:
        print(f"  {t('cli.check_problem', problem=problem)}", file=sys.stderr)
    return EXIT_ERROR


def import_file(args: argparse.Namespace, settings: Settings, t: Translator) -> int:
    """``cockpit import FILE [--encoding ENC] [--dry-run]``: exit 1 if any row was rejected."""
    path = Path(args.file).expanduser()
    services = open_for(settings, t)
    try:
        with progress_bar(t("cli.import_progress")) as on_progress:
            summary = services.intake.import_file(
                path,
                encoding=args.encoding,
                dry_run=args.dry_run,
                on_progress=on_progress,
                describe=lambda rejection: t(rejection.reason, **dict(rejection.values)),
            )
    finally:
        services.close()
    print(
        t(
            "cli.import_summary",
            imported=summary.imported,
            merged=summary.merged,
            already=summary.already,
            rejected=len(summary.rejected),
        )
    )
    if summary.rejects_path is not None:
        print(t("cli.import_rejects", path=summary.rejects_path))
    if summary.rejects_unwritable is not None:
        print(t("cli.import_rejects_unwritable", path=summary.rejects_unwritable), file=sys.stderr)
        for row, rejection in summary.rejected:
            reason = t(rejection.reason, **dict(rejection.values))
            print(t("cli.ingest_problem", line=row.line, reason=reason), file=sys.stderr)
    if args.dry_run:
        print(t("cli.import_dry"))
    return EXIT_ERROR if summary.rejected else EXIT_OK


def ingest(args: argparse.Namespace, settings: Settings, t: Translator) -> int:
    """``cockpit ingest [FILE|-]``: apply events as they arrive; exit 1 if a line was bad."""
    from cockpit_tui.domain.events import IngestProblem

    def report(problem: IngestProblem) -> None:
        reason = t(problem.reason, **problem.values)
        print(t("cli.ingest_problem", line=problem.line, reason=reason), file=sys.stderr)

    def report_unmatched(line: int) -> None:
        print(
            t("cli.ingest_problem", line=line, reason=t("ingest.unmatched_kept")), file=sys.stderr
        )

    from cockpit_tui.cli.cmd_rescue import rescue_quietly

    services = open_for(settings, t)
    try:
        if args.file == "-":
            # Bytes that are not UTF-8 become U+FFFD on that line instead of ending the feed.
            feed_in = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
            applied, repeated, bad = services.intake.ingest(
                feed_in, on_problem=report, on_unmatched=report_unmatched
            )
        else:
            try:
                feed = Path(args.file).expanduser().open(encoding="utf-8", errors="replace")
            except OSError as error:
                raise InvalidInputError("intake.no_file", path=args.file) from error
            with feed:
                applied, repeated, bad = services.intake.ingest(
                    feed, on_problem=report, on_unmatched=report_unmatched
                )
        rescued = rescue_quietly(services)
    finally:
        services.close()
    print(t("cli.ingest_summary", applied=applied, repeated=repeated, bad=bad), file=sys.stderr)
    if rescued:
        print(t("cli.ingest_rescued", count=rescued), file=sys.stderr)
    return EXIT_ERROR if bad else EXIT_OK


def outbox(args: argparse.Namespace, settings: Settings, t: Translator) -> int:
    """``cockpit outbox [--json]``: replies to deliver; ``cockpit outbox ack ID`` confirms one."""
    services = open_for(settings, t, reading=args.action is None)
    try:
        if args.action == "ack":
            if args.message_id is None:
                raise InvalidInputError("cli.outbox_needs_id")
            id_or_fail(args.message_id, "outbox.unknown", reply_id=args.message_id)
            services.leads.acknowledge_delivery(args.message_id)
            print(t("cli.outbox_acked", reply_id=args.message_id))
            return EXIT_OK
        items = services.leads.outbox()
    finally:
        services.close()
    if args.json:
        payload = [
            {
                "id": item.message_id,
                "lead_id": item.lead_id,
                "name": item.customer_name,
                "phone": item.phone,
                "email": item.email,
                "text": item.body,
                "at": item.at.isoformat(),
            }
            for item in items
        ]
        write_json(payload)
        return EXIT_OK
    if not items:
        print(t("cli.outbox_empty"))
    for item in items:
        contact = item.phone or item.email or ""
        print(
            "\t".join(
                [str(item.message_id), str(item.lead_id), item.customer_name, contact, item.body]
            )
        )
    return EXIT_OK


def unmatched(args: argparse.Namespace, settings: Settings, t: Translator) -> int:
    """``cockpit unmatched [--json]``: the "sem lead" queue of messages that matched no lead."""
    services = open_for(settings, t, reading=True)
    try:
        waiting = services.intake.unmatched_messages()
    finally:
        services.close()
    if args.json:
        payload = [
            {
                "id": message.id,
                "event_id": message.event_id,
                "at": message.at.isoformat(),
                "received_at": message.received_at.isoformat(),
                "lead_id": message.lead_ref,
                "lead_external_id": message.external_id,
                "phone": message.phone,
                "text": message.body,
            }
            for message in waiting
        ]
        write_json(payload)
        return EXIT_OK
    if not waiting:
        print(t("cli.unmatched_empty"))
    for message in waiting:
        named = (
            f"#{message.lead_ref}"
            if message.lead_ref is not None
            else message.external_id or message.phone or ""
        )
        print("\t".join([str(message.id), message.at.isoformat(), named, message.body]))
    return EXIT_OK
