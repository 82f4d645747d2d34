"""Entry point of ``cockpit``: settings, error handling and dispatch.

Exit codes: 0 ok, 1 an error the user can fix (one sentence on stderr, no
traceback), 2 a usage error (argparse), 130 stopped by Ctrl-C (one sentence too).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from contextlib import suppress

from cockpit_tui.collector import collector_paused
from cockpit_tui.config import Settings, default_user, store_url_for
from cockpit_tui.domain.errors import CockpitError, Interrupted
from cockpit_tui.i18n.translate import Translator, describe_error, resolve_language

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
#: Stopped by Ctrl-C (128 + SIGINT, as shells report it).
EXIT_INTERRUPTED = 130


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``cockpit`` with ``argv`` (default: the process's arguments); return the exit code."""
    # Start-up makes long-lived objects only (modules, classes, the parser, the
    # board's widgets): the cyclic collector's passes over them free nothing and
    # took a tenth of exec → first frame (issue 18). Off until the work starts:
    # a command's run (below) or the board's first frame (ui/app.py).
    with collector_paused():
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    from cockpit_tui.cli.parser import build_parser, language_flag

    args_list = list(sys.argv[1:] if argv is None else argv)
    flag = language_flag(args_list)
    lang = resolve_language(flag)
    if lang is None:
        # Said once, in the default language (argparse would add a second, longer error).
        unknown = flag if flag is not None else os.environ.get("COCKPIT_LANG", "")
        print(Translator()("error.bad_lang", value=unknown[:20]), file=sys.stderr)
        if flag is not None:
            return EXIT_USAGE
        lang = "pt"  # an unknown COCKPIT_LANG: go on in the default language
    t = Translator(lang)
    args = build_parser(t, args_list).parse_args(args_list)
    if getattr(args, "demo", False) and getattr(args, "db", None):
        print(t("error.demo_with_db"), file=sys.stderr)
        return EXIT_USAGE
    settings = Settings(
        db_url=store_url_for(demo=bool(args.demo), explicit=getattr(args, "db", None)),
        user=getattr(args, "user", None) or default_user(),
        lang=t.lang,
        demo=bool(args.demo),
        named_store=bool(getattr(args, "db", None) or os.environ.get("COCKPIT_DB")),
        user_named=bool(getattr(args, "user", None)),
    )
    try:
        code = _dispatch(args, settings, t)
        sys.stdout.flush()  # inside the try: a reader gone (`| head`) is caught below
        return code
    except BrokenPipeError:
        return _reader_left()
    except CockpitError as error:
        print(describe_error(error, t), file=sys.stderr)
        return EXIT_ERROR
    except (OSError, OverflowError, RecursionError, MemoryError) as error:
        return _explained(error, settings, t)
    except Exception as error:
        if type(error).__module__.split(".")[0] not in ("sqlalchemy", "sqlite3", "psycopg"):
            raise  # a bug: its traceback is what a maintainer needs
        return _explained(error, settings, t)
    except KeyboardInterrupt as stop:
        if isinstance(stop, Interrupted):  # stopped where the store is whole: it says how far
            print(t(stop.message_id, **stop.values), file=sys.stderr)
        else:
            print(t("error.interrupted"), file=sys.stderr)
        return EXIT_INTERRUPTED


def _reader_left() -> int:
    """``cockpit leads | head``: the reader left; not an error worth a message.

    What is still buffered for stdout goes to /dev/null, so the interpreter's
    last flush does not report the broken pipe either.
    """
    with suppress(OSError, ValueError):  # a stdout with no file behind it has no buffer left
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_OK


def _explained(error: BaseException, settings: Settings, t: Translator) -> int:
    """A driver or OS failure as one sentence on stderr (the data is safe: transactions roll back).

    Raises:
        BaseException: ``error`` again when it is not one a user can act on.
    """
    from cockpit_tui.services.failures import explain_store_failure

    explained = explain_store_failure(error, db_url=settings.db_url)
    if explained is None:
        raise error
    print(describe_error(explained, t), file=sys.stderr)
    return EXIT_ERROR


#: Commands that move data in and out of the store (``cli/data_commands``), by function.
_DATA_COMMANDS = {
    "backup": "backup",
    "import": "import_file",
    "ingest": "ingest",
    "outbox": "outbox",
    "check": "check",
    "unmatched": "unmatched",
}


def _dispatch(args: argparse.Namespace, settings: Settings, t: Translator) -> int:
    from cockpit_tui.cli import commands

    if args.command is None:
        return commands.run_board(settings, t)
    gc.enable()  # a command's own work (a 100,000-lead listing, an import) makes garbage
    if args.command == "version":
        return commands.version()
    if args.command in _DATA_COMMANDS:
        from cockpit_tui.cli import data_commands

        handler = getattr(data_commands, _DATA_COMMANDS[args.command])
        return int(handler(args, settings, t))
    handlers = {
        "leads": commands.leads,
        "move": commands.move,
        "plan": commands.plan,
        "team": commands.team,
    }
    if args.command in handlers:
        return handlers[args.command](args, settings, t)
    from cockpit_tui.cli.registry import command_module

    return command_module(args.command).run(args, settings, t)
