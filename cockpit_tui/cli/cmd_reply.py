"""``cockpit reply LEAD_ID TEXT`` (or ``--retry ID``): a reply to the outbox from the shell.

Same rules as the reply dialog, plus WhatsApp's: free text only within 24 h
of the customer's last message (the reply is refused with the reason
outside it). ``--retry ID`` puts a reply that failed back in the queue.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from cockpit_tui.i18n.translate import Translator

if TYPE_CHECKING:
    from cockpit_tui.config import Settings

HELP_ID = "cli.reply"


def configure(parser: argparse.ArgumentParser, t: Translator) -> None:
    """``LEAD_ID``, ``TEXT`` and ``--retry ID``."""
    parser.add_argument("lead_id", nargs="?", type=int, metavar="LEAD_ID", help=t("cli.move.lead"))
    parser.add_argument(
        "text", nargs="?", metavar="TEXTO" if t.lang == "pt" else "TEXT", help=t("cli.reply.text")
    )
    parser.add_argument("--retry", type=int, metavar="ID", help=t("cli.reply.retry"))


def run(args: argparse.Namespace, settings: Settings, t: Translator) -> int:
    """Queue the reply, or requeue a failed one."""
    from cockpit_tui.cli.commands import open_for
    from cockpit_tui.domain.errors import InvalidInputError

    if args.retry is None and (args.lead_id is None or args.text is None):
        raise InvalidInputError("reply.needs_args")
    if args.retry is not None and (args.lead_id is not None or args.text is not None):
        raise InvalidInputError("reply.retry_alone")
    services = open_for(settings, t)
    try:
        if args.retry is not None:
            from cockpit_tui.services.delivery import requeue_failed

            if not requeue_failed(services.store, args.retry, clock=services.clock):
                raise InvalidInputError("reply.not_failed", reply_id=args.retry)
            print(t("reply.requeued", reply_id=args.retry), file=sys.stderr)
            return 0
        from cockpit_tui.services.reply_window import ReplyWindowService

        windows = ReplyWindowService(services.store, clock=services.clock)
        message = windows.reply(services.leads, args.lead_id, args.text)
        print(message.id)
        print(t("reply.queued", reply_id=message.id, lead_id=args.lead_id), file=sys.stderr)
    finally:
        services.close()
    return 0
