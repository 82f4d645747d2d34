"""The regions' holidays are kept on disk: a later run reads them instead of the package.

An import computes the store's holidays before its first chunk; loading the
``holidays`` package for that took a sixth of a second (issue 18). Each run
here is a fresh interpreter, as each ``cockpit import`` is.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cockpit_tui.store.holiday_cache import CACHE_FILE, package_version

#: Prints whether the package was loaded, then BR-SP's holidays of 2026 as ISO dates.
_PROBE = """
import sys
from cockpit_tui.domain.calendar_values import region_holidays
from cockpit_tui.store.holiday_cache import holidays_kept

with holidays_kept():
    days = region_holidays("BR-SP", 2026)
print("holidays" in sys.modules, *sorted(day.isoformat() for day in days))
"""


def _run() -> tuple[bool, list[str]]:
    """A fresh process's holidays of BR-SP in 2026, and whether it loaded the package."""
    out = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True, env=os.environ
    ).stdout.split()
    return out[0] == "True", out[1:]


def _cache() -> Path:
    return Path(os.environ["COCKPIT_CACHE_DIR"]) / CACHE_FILE


def test_a_later_run_takes_the_holidays_from_disk_without_the_package() -> None:
    loaded, computed = _run()
    assert loaded
    assert "2026-07-09" in computed  # São Paulo's Revolução Constitucionalista
    assert json.loads(_cache().read_text())["version"] == package_version()
    assert _run() == (False, computed)


def test_holidays_kept_by_another_version_of_the_package_are_computed_again() -> None:
    stale = {"version": "0.0-other", "regions": {"BR-SP": {"2026": ["2026-02-30"]}}}
    _cache().parent.mkdir(parents=True)
    _cache().write_text(json.dumps(stale))
    loaded, computed = _run()
    assert loaded
    assert "2026-07-09" in computed
    assert json.loads(_cache().read_text())["version"] == package_version()


def test_a_damaged_cache_is_computed_again_and_replaced() -> None:
    _cache().parent.mkdir(parents=True)
    _cache().write_text('{"version": "' + str(package_version()) + '", "regions": [')
    loaded, computed = _run()
    assert loaded
    assert "2026-07-09" in computed
    assert _run() == (False, computed)


def test_a_cache_folder_that_cannot_be_written_only_costs_the_computing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("COCKPIT_CACHE_DIR", str(blocker / "cache"))
    loaded, computed = _run()
    assert loaded
    assert "2026-07-09" in computed
