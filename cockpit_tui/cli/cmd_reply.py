"""``cockpit reply LEAD_ID TEXT|--template NAME`` (or ``--retry ID``): a reply from the shell.

Same rules as the reply dialog: in a store that sends through WhatsApp, free
text only within 24 h of the customer's last message (refused with the
reason outside it), and ``--template NAME`` for one of the store's templates
linked to an approved WhatsApp template at any time. ``--retry ID`` puts a
reply that failed back in the queue.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from cockpit_tui.i18n.translate import Translator

if TYPE_CHECKING:
    from cockpit_tui.config import Settings


def configure(parser: argparse.ArgumentParser, t: Translator) -> None:
    """``LEAD_ID``, ``TEXT`` and ``--retry ID``."""
    parser.add_argument("lead_id", nargs="?", type=int, metavar="LEAD_ID", help=t("cli.move.lead"))
    parser.add_argument(
        "text", nargs="?", metavar="TEXTO" if t.lang == "pt" else "TEXT", help=t("cli.reply.text")
    )
    parser.add_argument("--retry", type=int, metavar="ID", help=t("cli.reply.retry"))
    parser.add_argument(
        "--template", metavar="NOME" if t.lang == "pt" else "NAME", help=t("cli.reply.template")
    )


def run(args: argparse.Namespace, settings: Settings, t: Translator) -> int:
    """Queue the reply, or requeue a failed one."""
    from cockpit_tui.cli.commands import open_for
    from cockpit_tui.domain.errors import InvalidInputError

    if args.text is not None and args.template is not None:
        raise InvalidInputError("reply.text_or_template")
    content = args.text if args.template is None else args.template
    if args.retry is None and (args.lead_id is None or content is None):
        raise InvalidInputError("reply.needs_args")
    if args.retry is not None and (args.lead_id is not None or content is not None):
        raise InvalidInputError("reply.retry_alone")
    services = open_for(settings, t)
    try:
        if args.retry is not None:
            from cockpit_tui.services.delivery import requeue_failed

            if not requeue_failed(services.store, args.retry, clock=services.clock):
                raise InvalidInputError("reply.not_failed", reply_id=args.retry)
            print(t("reply.requeued", reply_id=args.retry), file=sys.stderr)
            return 0
        if args.template is not None:
            template = services.templates.named(args.template)
            message = services.replies.send_template(args.lead_id, template)
        else:
            message = services.replies.reply(args.lead_id, args.text)
        print(message.id)
        print(t("reply.queued", reply_id=message.id, lead_id=args.lead_id), file=sys.stderr)
    finally:
        services.close()
    return 0
