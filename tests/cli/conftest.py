"""Running ``cockpit`` in-process and a store for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit_tui.cli import main
from cockpit_tui.services import open_services


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``cockpit argv…``; return its exit code, stdout and stderr."""
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def db(tmp_path: Path) -> str:
    """URL of a new, empty SQLite store (created: read-only commands refuse a missing one)."""
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    open_services(url, actor="setup").close()
    return url
