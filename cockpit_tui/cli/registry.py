"""Subcommands that live in a module of their own.

Each module named here (``cockpit_tui.cli.cmd_<name>``) exports ``HELP_ID``
(its help sentence in the catalogs), ``configure(parser, t)`` (its
arguments) and ``run(args, settings, t) -> int``. Adding a command is one
module and one line here; the parser and the dispatcher read this list.
Modules must import nothing heavy at module level: the parser imports them
all, also when ``cockpit`` only opens the board.
"""

from __future__ import annotations

import argparse
import importlib
from types import ModuleType
from typing import Protocol

from cockpit_tui.config import Settings
from cockpit_tui.i18n.translate import Translator

COMMAND_MODULES: tuple[str, ...] = (
    "settings",
    "customer",
    "retention",
    "audit",
    "add",
    "edit",
    "agenda",
    "templates",
    "serve",
    "token",
    "reply",
    "duty",
    "rescue",
    "report",
)


class CommandModule(Protocol):
    """What a command module provides."""

    HELP_ID: str

    def configure(self, parser: argparse.ArgumentParser, t: Translator) -> None:
        """Add the command's arguments to its subparser."""

    def run(self, args: argparse.Namespace, settings: Settings, t: Translator) -> int:
        """Run the command; return the exit code."""


def command_module(name: str) -> CommandModule:
    """The module of command ``name``."""
    module: ModuleType = importlib.import_module(f"cockpit_tui.cli.cmd_{name.replace('-', '_')}")
    command: CommandModule = module  # a module satisfies the protocol structurally
    return command
