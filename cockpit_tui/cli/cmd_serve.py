"""``cockpit serve [--host H] [--port P]``: the event API, the WhatsApp webhook, delivery."""

from __future__ import annotations

import argparse
from datetime import timedelta
from typing import TYPE_CHECKING

from cockpit_tui.i18n.translate import Translator

if TYPE_CHECKING:
    from cockpit_tui.config import Settings
    from cockpit_tui.server.runner import ServeOptions
    from cockpit_tui.services import Services


def configure(parser: argparse.ArgumentParser, t: Translator) -> None:
    """``--host``, ``--port``, ``--in-doubt-grace``."""
    parser.add_argument("--host", default="127.0.0.1", help=t("cli.serve.host"))
    parser.add_argument("--port", type=int, default=8470, help=t("cli.serve.port"))
    parser.add_argument(
        "--in-doubt-grace",
        type=float,
        default=600.0,
        dest="in_doubt_grace",
        metavar="SEC",
        help=t("cli.serve.grace"),
    )


def run(args: argparse.Namespace, settings: Settings, t: Translator) -> int:
    """Serve until SIGTERM or SIGINT; exit 0 after a clean stop."""
    import asyncio

    from cockpit_tui.cli.commands import open_for
    from cockpit_tui.domain.errors import InvalidInputError

    if not 0 <= args.port <= 65535:
        raise InvalidInputError("serve.bad_port")
    if args.in_doubt_grace < 0:
        raise InvalidInputError("serve.bad_grace")
    from cockpit_tui.server.delivery_worker import WorkerTiming
    from cockpit_tui.server.runner import ServeOptions

    options = ServeOptions(
        host=args.host,
        port=args.port,
        timing=WorkerTiming(in_doubt_grace=timedelta(seconds=args.in_doubt_grace)),
    )
    services = open_for(settings, t)
    try:
        asyncio.run(_serve_or_explain(services, options, t))
    finally:
        services.close()
    return 0


async def _serve_or_explain(services: Services, options: ServeOptions, t: Translator) -> None:
    from cockpit_tui.domain.errors import InvalidInputError
    from cockpit_tui.server.runner import serve

    try:
        await serve(services, options, t)
    except OSError as error:
        # Port taken, address not on this machine, no permission for a low port.
        raise InvalidInputError(
            "serve.cannot_listen", host=options.host, port=options.port, reason=error.strerror or ""
        ) from error
