"""Import contracts and packaging: the headless core stays headless."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def modules_loaded_by(code: str, prefixes: tuple[str, ...]) -> list[str]:
    """Modules under ``prefixes`` that a fresh interpreter has loaded after ``code``."""
    probe = (
        f"{code}\nimport sys\n"
        f"print(','.join(sorted(m for m in sys.modules if m.startswith({prefixes!r}))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    return [name for name in result.stdout.strip().split(",") if name]


def test_core_layers_never_import_textual_or_rich() -> None:
    code = (
        "import pkgutil, importlib\n"
        "import cockpit_tui.domain, cockpit_tui.store, cockpit_tui.services\n"
        "for package in (cockpit_tui.domain, cockpit_tui.store, cockpit_tui.services):\n"
        "    for info in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):\n"
        "        importlib.import_module(info.name)"
    )
    assert modules_loaded_by(code, ("textual", "rich", "cockpit_tui.ui")) == []


def test_board_read_path_does_not_import_the_orm() -> None:
    code = (
        "from cockpit_tui.services.board import BoardService\n"
        "from cockpit_tui.store.handle import open_store"
    )
    assert modules_loaded_by(code, ("sqlalchemy", "sqlmodel", "textual")) == []


def test_the_board_loads_without_the_list_view() -> None:
    # The first frame shows cards: the list (its widget, rows, sorts and queries) is
    # imported when `v` first opens it, not before (issue 18, start-up time).
    code = "import cockpit_tui.cli.commands, cockpit_tui.ui.app, cockpit_tui.ui.board.screen"
    assert (
        modules_loaded_by(
            code,
            (
                "cockpit_tui.ui.widgets.lead_table",
                "cockpit_tui.ui.board.list_pane",
                "cockpit_tui.services.lead_list",
                "cockpit_tui.store.list_queries",
            ),
        )
        == []
    )


def test_the_board_loads_without_what_its_first_frame_does_not_show() -> None:
    # Issue 18: the first frame reads cards and counts; the lead screen's values, the
    # write actions, the services built on first use and the import's validation are
    # loaded when first used (each would be paid by every start otherwise).
    code = "import cockpit_tui.cli.commands, cockpit_tui.ui.app, cockpit_tui.ui.board.screen"
    later = (
        "cockpit_tui.domain.models",
        "cockpit_tui.domain.lead_history",
        "cockpit_tui.domain.intake",
        "cockpit_tui.domain.whatsapp",
        "cockpit_tui.services.rows",
        "cockpit_tui.services.leads",
        "cockpit_tui.services.appointments",
        "cockpit_tui.services.outcomes",
        "cockpit_tui.services.team",
        "cockpit_tui.ui.lead_actions",
    )
    assert modules_loaded_by(code, later) == []


def test_every_package_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "cockpit_tui").rglob("__init__.py")
    }
    assert found | {"cockpit_tui._data"} == listed
