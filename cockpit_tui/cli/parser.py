"""The argument parser of ``cockpit``, its help in the user's language."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

from cockpit_tui.i18n.translate import Translator

_GLOBAL_FLAGS = ("--demo", "--db", "--user", "--lang")


def language_flag(argv: Sequence[str]) -> str | None:
    """The value of ``--lang`` if present, read before the parser is built (for its help)."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def _add_global_options(parser: argparse.ArgumentParser, t: Translator, *, suppress: bool) -> None:
    # On subcommands the defaults are suppressed so a global option given
    # before the subcommand is not reset by the subparser.
    default: object = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--demo",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help=t("cli.demo"),
    )
    parser.add_argument("--db", metavar="URL", default=default, help=t("cli.db"))
    parser.add_argument(
        "--user", metavar="NOME" if t.lang == "pt" else "NAME", default=default, help=t("cli.user")
    )
    parser.add_argument("--lang", choices=("pt", "en"), default=default, help=t("cli.lang"))


def _speak_argparse(lang: str) -> None:
    """Make argparse's own sentences ("usage:", "options", its errors) follow ``lang``.

    argparse reads them through gettext (its module-level ``_``); for
    Portuguese we answer from our catalog, for English argparse's text stays.
    """
    import gettext

    from cockpit_tui.i18n.argparse_pt import MESSAGES

    def portuguese(message: str) -> str:
        return MESSAGES.get(message, message)

    argparse.__dict__["_"] = portuguese if lang == "pt" else gettext.gettext


def _leads(leads: argparse.ArgumentParser, t: Translator) -> None:
    leads.add_argument("--status", metavar="STATUS", help=t("cli.leads.status"))
    leads.add_argument("--json", action="store_true", help=t("cli.json"))


def _move(move: argparse.ArgumentParser, t: Translator) -> None:
    move.add_argument("lead_id", type=int, metavar="LEAD_ID", help=t("cli.move.lead"))
    move.add_argument("status", metavar="STATUS", help=t("cli.move.status"))
    move.add_argument(
        "--expect-version", type=int, metavar="N", dest="expect_version", help=t("cli.move.expect")
    )


def _plan(plan: argparse.ArgumentParser, t: Translator) -> None:
    plan.add_argument(
        "plan", nargs="?", metavar="PLANO" if t.lang == "pt" else "PLAN", help=t("cli.plan.value")
    )
    plan.add_argument("--json", action="store_true", help=t("cli.json"))


def _team(team: argparse.ArgumentParser, t: Translator) -> None:
    team.add_argument("action", nargs="?", choices=("add", "remove"), help=t("cli.team.action"))
    team.add_argument(
        "name", nargs="?", metavar="NOME" if t.lang == "pt" else "NAME", help=t("cli.team.name")
    )
    team.add_argument("--json", action="store_true", help=t("cli.json"))


def _backup(backup: argparse.ArgumentParser, t: Translator) -> None:
    backup.add_argument("destination", metavar="DEST", help=t("cli.backup.dest"))
    backup.add_argument("--force", action="store_true", help=t("cli.backup.force"))


def _no_arguments(parser: argparse.ArgumentParser, t: Translator) -> None:
    """A command with only the global options."""


def _json_only(parser: argparse.ArgumentParser, t: Translator) -> None:
    parser.add_argument("--json", action="store_true", help=t("cli.json"))


def _import(intake: argparse.ArgumentParser, t: Translator) -> None:
    intake.add_argument(
        "file", metavar="ARQUIVO" if t.lang == "pt" else "FILE", help=t("cli.import.file")
    )
    intake.add_argument("--encoding", metavar="ENC", help=t("cli.import.encoding"))
    intake.add_argument(
        "--dry-run", action="store_true", dest="dry_run", help=t("cli.import.dry_run")
    )


def _ingest(ingest: argparse.ArgumentParser, t: Translator) -> None:
    ingest.add_argument(
        "file",
        nargs="?",
        default="-",
        metavar="ARQUIVO|-" if t.lang == "pt" else "FILE|-",
        help=t("cli.ingest.file"),
    )


def _outbox(outbox: argparse.ArgumentParser, t: Translator) -> None:
    outbox.add_argument("action", nargs="?", choices=("ack",), help=t("cli.outbox.action"))
    outbox.add_argument("message_id", nargs="?", type=int, metavar="ID", help=t("cli.outbox.id"))
    outbox.add_argument("--json", action="store_true", help=t("cli.json"))


_Configure = Callable[[argparse.ArgumentParser, Translator], None]

#: The commands configured here (the others are ``cli/registry``'s), in ``--help`` order:
#: name → (the catalog key of its help sentence, what adds its arguments).
_BUILT_IN: dict[str, tuple[str, _Configure]] = {
    "leads": ("cli.leads", _leads),
    "move": ("cli.move", _move),
    "plan": ("cli.plan", _plan),
    "team": ("cli.team", _team),
    "backup": ("cli.backup", _backup),
    "check": ("cli.check", _no_arguments),
    "unmatched": ("cli.unmatched", _json_only),
    "import": ("cli.import", _import),
    "ingest": ("cli.ingest", _ingest),
    "outbox": ("cli.outbox", _outbox),
}


def build_parser(t: Translator, argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser of every subcommand of DESIGN §5 available in this release.

    Args:
        t: The user's language.
        argv: The arguments it will parse: only the subcommands named in them
            get their arguments (and their modules imported); the others are
            listed with their help sentence alone, which is all ``cockpit
            --help`` and an unknown command's error show of them. None: every
            subcommand whole.
    """
    wanted = None if argv is None else frozenset(argv)
    _speak_argparse(t.lang)
    parser = argparse.ArgumentParser(
        prog="cockpit", description=t("cli.description"), epilog=t("cli.epilog")
    )
    _add_global_options(parser, t, suppress=False)
    commands = parser.add_subparsers(
        dest="command", metavar="COMANDO" if t.lang == "pt" else "COMMAND"
    )

    def command(name: str, help_id: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=t(help_id), description=t(help_id))
        _add_global_options(sub, t, suppress=True)
        return sub

    def listed(name: str, help_id: str) -> bool:
        """Whether ``name``'s arguments are wanted (else it is only listed, with its help)."""
        if wanted is None or name in wanted:
            return True
        commands.add_parser(name, help=t(help_id), description=t(help_id))
        return False

    for name, (help_id, configure) in _BUILT_IN.items():
        if listed(name, help_id):
            configure(command(name, help_id), t)

    from cockpit_tui.cli.registry import COMMAND_MODULES, command_module

    for name, help_id in COMMAND_MODULES.items():
        if listed(name, help_id):
            command_module(name).configure(command(name, help_id), t)

    if listed("version", "cli.version"):
        command("version", "cli.version")
    return parser
