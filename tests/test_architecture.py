"""Import contracts and packaging: the headless core stays headless."""

from __future__ import annotations

import os
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


#: Run as ``cockpit --db URL --user Ana`` up to the board's first frame (headless),
#: then print the modules loaded by then: what the real start-up imports, the parser,
#: the store's zone, the app and the board's mount and first refresh included.
_FIRST_FRAME_PROBE = """
import sys
from cockpit_tui.ui import app as app_module
from cockpit_tui.ui.board.screen import BoardScreen

mount = BoardScreen.on_mount

def on_mount(self):
    mount(self)

    def painted():
        print(",".join(sorted(sys.modules)))
        self.app.exit()

    self.call_after_refresh(painted)

BoardScreen.on_mount = on_mount
run = app_module.CockpitApp.run
app_module.CockpitApp.run = lambda self: run(self, headless=True, size=(160, 45))
from cockpit_tui.cli.main import main
main(["--db", sys.argv[1], "--user", "Ana"])
"""


def modules_at_first_frame(tmp_path: Path) -> set[str]:
    """The modules a fresh ``cockpit`` has loaded when the board's first frame is painted."""
    from cockpit_tui.services import open_services

    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    open_services(url, actor="Ana").close()  # created and migrated: the start-up of every day
    result = subprocess.run(
        [sys.executable, "-c", _FIRST_FRAME_PROBE, url],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "COCKPIT_CONFIG_DIR": str(tmp_path / "config")},
        stdin=subprocess.DEVNULL,
    )
    return set(result.stdout.strip().rsplit("\n", 1)[-1].split(","))


def test_the_board_loads_without_what_its_first_frame_does_not_show(tmp_path: Path) -> None:
    # Issue 18: the first frame reads cards and counts; the lead screen's values, the
    # write actions, the other commands' modules, the services built on first use and
    # the import's validation are loaded when first used (each would be paid by every
    # start otherwise); so is the list view (its widget, rows, sorts and queries), opened
    # by `v`, and the keymap's module when there is no keymap. Checked on the real
    # start-up (parser, app, mount, first paint): importing the modules alone missed
    # what the parser and on_mount pulled in.
    loaded = modules_at_first_frame(tmp_path)
    assert "cockpit_tui.ui.board.screen" in loaded  # the probe saw the board
    later = {
        "cockpit_tui.domain.models",
        "cockpit_tui.domain.lead_history",
        "cockpit_tui.domain.lead_changes",
        "cockpit_tui.domain.lead_edits",
        "cockpit_tui.domain.intake",
        "cockpit_tui.domain.whatsapp",
        "cockpit_tui.domain.reports",
        "cockpit_tui.domain.agenda",
        "cockpit_tui.services.rows",
        "cockpit_tui.services.leads",
        "cockpit_tui.services.agenda",
        "cockpit_tui.services.appointments",
        "cockpit_tui.services.outcomes",
        "cockpit_tui.services.team",
        "cockpit_tui.ui.lead_actions",
        "cockpit_tui.ui.board.moves",
        "cockpit_tui.ui.widgets.lead_table",
        "cockpit_tui.ui.board.list_pane",
        "cockpit_tui.services.lead_list",
        "cockpit_tui.store.list_queries",
        "cockpit_tui.ui.keymap",  # read only when the user has a keymap.toml (none here)
        "sqlalchemy",
        "hashlib",
    }
    other_commands = {name for name in loaded if name.startswith("cockpit_tui.cli.cmd_")}
    assert sorted((loaded & later) | other_commands) == []


def test_every_package_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "cockpit_tui").rglob("__init__.py")
    }
    assert found | {"cockpit_tui._data"} == listed
