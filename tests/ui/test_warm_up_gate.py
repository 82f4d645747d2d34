"""Start-up's warm-up gives way to a search: its imports wait while the board is busy."""

from __future__ import annotations

import gc
import importlib
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from cockpit_tui.ui.warm_up_gate import WarmUpGate


@pytest.fixture
def modules(tmp_path: Path) -> Iterator[Path]:
    """A folder on ``sys.path`` for modules no test has imported yet."""
    sys.path.insert(0, str(tmp_path))
    yield tmp_path
    sys.path.remove(str(tmp_path))
    for name in [name for name in sys.modules if name.startswith("warm_gate_")]:
        del sys.modules[name]


def test_the_warm_up_s_import_waits_for_the_board_while_others_import_freely(
    modules: Path,
) -> None:
    (modules / "warm_gate_write_path.py").write_text("LOADED = True\n")
    (modules / "warm_gate_search.py").write_text("LOADED = True\n")
    busy = threading.Event()
    busy.set()
    asked_while_busy = threading.Event()

    def board_busy() -> bool:
        if busy.is_set() and threading.current_thread() is not threading.main_thread():
            asked_while_busy.set()
        return busy.is_set()

    # A clock that stands still: the gate's longest wait never ends it; only the board does.
    gate = WarmUpGate(board_busy, clock=lambda: 0.0)

    def warm_up() -> None:
        with gate.pausing_imports():
            importlib.import_module("warm_gate_write_path")

    worker = threading.Thread(target=warm_up)
    worker.start()
    assert asked_while_busy.wait(10), "the warm-up never asked whether the board was busy"
    # The search's own first import lands while the warm-up waits (it holds no lock then).
    searched = threading.Event()

    def search() -> None:
        importlib.import_module("warm_gate_search")

        searched.set()

    threading.Thread(target=search, daemon=True).start()
    landed = searched.wait(10)
    waited = "warm_gate_write_path" not in sys.modules
    busy.clear()
    assert landed, "the search's import waited for the warm-up"
    assert waited
    worker.join(10)
    assert not worker.is_alive()
    assert "warm_gate_write_path" in sys.modules
    assert "warm_gate_search" in sys.modules


def test_the_collector_is_off_during_the_warm_up_and_back_on_after_it() -> None:
    gate = WarmUpGate(lambda: False)
    assert gc.isenabled()
    with gate.pausing_imports():
        assert not gc.isenabled()
        assert gate.holds_this_thread()
    assert gc.isenabled()
    assert not gate.holds_this_thread()


def test_imports_outside_the_warm_up_are_not_held(modules: Path) -> None:
    (modules / "warm_gate_elsewhere.py").write_text("LOADED = True\n")
    gate = WarmUpGate(lambda: True, clock=lambda: 0.0)
    with gate.pausing_imports():
        done = threading.Event()

        def other() -> None:
            importlib.import_module("warm_gate_elsewhere")

            done.set()

        thread = threading.Thread(target=other)
        thread.start()
        assert done.wait(10)
        thread.join(10)
    assert "warm_gate_elsewhere" in sys.modules
