"""Subcommands that live in a module of their own.

Each module named here (``cockpit_tui.cli.cmd_<name>``) exports
``configure(parser, t)`` (its arguments) and ``run(args, settings, t) -> int``;
its help sentence (the catalog key) is listed here. Adding a command is one
module and one line here; the parser and the dispatcher read this list.
A module is imported only when its command is on the command line (to be
configured, run or described by ``cockpit <command> --help``): ``cockpit
--help`` lists every command from this list alone, and opening the board
imports none of them (issue 18).
"""

from __future__ import annotations

import argparse
import importlib
from types import ModuleType
from typing import Protocol

from cockpit_tui.config import Settings
from cockpit_tui.i18n.translate import Translator

#: Command name → the catalog key of its help sentence, in the order ``--help`` lists them.
COMMAND_MODULES: dict[str, str] = {
    "settings": "cli.settings",
    "customer": "cli.customer",
    "retention": "cli.retention",
    "audit": "cli.audit",
    "add": "cli.add",
    "edit": "cli.edit",
    "agenda": "cli.agenda",
    "templates": "cli.templates",
    "serve": "cli.serve",
    "token": "cli.token",
    "reply": "cli.reply",
    "duty": "cli.duty",
    "rescue": "cli.rescue",
    "report": "cli.report",
}


class CommandModule(Protocol):
    """What a command module provides."""

    def configure(self, parser: argparse.ArgumentParser, t: Translator) -> None:
        """Add the command's arguments to its subparser."""

    def run(self, args: argparse.Namespace, settings: Settings, t: Translator) -> int:
        """Run the command; return the exit code."""


def command_module(name: str) -> CommandModule:
    """The module of command ``name``."""
    module: ModuleType = importlib.import_module(f"cockpit_tui.cli.cmd_{name.replace('-', '_')}")
    command: CommandModule = module  # a module satisfies the protocol structurally
    return command
