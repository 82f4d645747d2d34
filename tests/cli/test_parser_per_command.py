"""The parser built for one command line says what the whole parser says (issue 18).

``cockpit`` configures only the command named on its command line; ``--help``,
an unknown command and each command's own help must read as they did when
every command was built.
"""

from __future__ import annotations

import argparse

import pytest

from cockpit_tui.cli.parser import build_parser
from cockpit_tui.cli.registry import COMMAND_MODULES
from cockpit_tui.i18n.translate import Translator


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_the_top_help_lists_every_command_as_the_whole_parser_does(lang: str) -> None:
    t = Translator(lang)
    whole = build_parser(t)
    for argv in (["--help"], [], ["--demo"], ["--db", "x.sqlite", "--user", "Ana"]):
        assert build_parser(t, argv).format_help() == whole.format_help()
    assert set(COMMAND_MODULES) <= set(_subcommands(whole))


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_each_commands_help_is_the_whole_parsers(lang: str) -> None:
    t = Translator(lang)
    whole = _subcommands(build_parser(t))
    for name, sub in whole.items():
        built = _subcommands(build_parser(t, [name, "--help"]))[name]
        assert built.format_help() == sub.format_help(), name


def test_only_the_named_command_gets_its_arguments() -> None:
    t = Translator("pt")
    parsers = _subcommands(build_parser(t, ["--db", "x.sqlite", "leads", "--json"]))
    assert "--json" in parsers["leads"].format_help()
    assert "--expect-version" not in parsers["move"].format_help()  # listed only
    args = build_parser(t, ["leads", "--json"]).parse_args(["leads", "--json"])
    assert (args.command, args.json) == ("leads", True)
