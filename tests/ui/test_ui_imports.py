"""The user interface's modules import each other without a circle (type hints included)."""

from __future__ import annotations

import grimp


def test_no_ui_module_imports_itself_back() -> None:
    graph = grimp.build_graph("cockpit_tui", exclude_type_checking_imports=False)
    ui_modules = sorted(m for m in graph.modules if m.startswith("cockpit_tui.ui"))
    circles = []
    for module in ui_modules:
        for imported in graph.find_modules_directly_imported_by(module):
            if imported.startswith("cockpit_tui.ui"):
                back = graph.find_shortest_chain(importer=imported, imported=module)
                if back is not None:
                    circles.append((module, *back))
    assert circles == []


def test_screens_never_import_the_app_class() -> None:
    graph = grimp.build_graph("cockpit_tui", exclude_type_checking_imports=False)
    importers = graph.find_modules_that_directly_import("cockpit_tui.ui.app")
    assert importers <= {"cockpit_tui.cli.commands"}, importers
