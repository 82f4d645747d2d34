"""The ``cockpit`` command: parses arguments, builds settings, runs a command or the board."""

from cockpit_tui.cli.main import main

__all__ = ["main"]
