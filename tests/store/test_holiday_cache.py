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
from datetime import date
from pathlib import Path

import pytest

from cockpit_tui.domain import calendar_values
from cockpit_tui.services import Services
from cockpit_tui.store import holiday_cache
from cockpit_tui.store.holiday_cache import CACHE_FILE, FORMAT, package_version
from tests.import_files import lead_file

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
        [sys.executable, "-c", _PROBE],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ,
        timeout=300,  # not a measure: a run that hangs on the file fails instead of hanging
    ).stdout.split()
    return out[0] == "True", out[1:]


def _cache() -> Path:
    return Path(os.environ["COCKPIT_CACHE_DIR"]) / CACHE_FILE


def _keep(text: str) -> None:
    """Put ``text`` where the cache file is read from."""
    _cache().parent.mkdir(parents=True, exist_ok=True)
    _cache().write_text(text)


def _kept(years: object, **key: object) -> str:
    """A cache file of this package's version and format with BR-SP's ``years``."""
    return json.dumps(
        {"format": FORMAT, "version": package_version(), "regions": {"BR-SP": years}} | key
    )


def _computed_again_and_replaced() -> None:
    """A fresh run computes the holidays, and keeps them so the next one does not."""
    loaded, computed = _run()
    assert loaded
    assert "2026-07-09" in computed  # São Paulo's Revolução Constitucionalista
    assert "2026-03-03" not in computed  # what a bad file held instead is not used
    assert _run() == (False, computed)


def test_a_later_run_takes_the_holidays_from_disk_without_the_package() -> None:
    loaded, computed = _run()
    assert loaded
    assert "2026-07-09" in computed  # São Paulo's Revolução Constitucionalista
    assert json.loads(_cache().read_text())["version"] == package_version()
    assert _run() == (False, computed)


def test_holidays_kept_by_another_version_of_the_package_are_computed_again() -> None:
    # A real date of that year, not a holiday: only the version's check can refuse it.
    _keep(_kept({"2026": ["2026-03-03"]}, version="0.0-other"))
    _computed_again_and_replaced()
    assert json.loads(_cache().read_text())["version"] == package_version()


@pytest.mark.parametrize("kept_format", [None, FORMAT + 1])
def test_holidays_kept_in_another_format_of_ours_are_computed_again(
    kept_format: int | None,
) -> None:
    _keep(_kept({"2026": ["2026-03-03"]}, format=kept_format))
    _computed_again_and_replaced()
    assert json.loads(_cache().read_text())["format"] == FORMAT


@pytest.mark.parametrize(
    "years",
    [
        pytest.param({"2026": []}, id="no-holidays"),
        pytest.param({"2026": ["2026-03-03", "2025-12-25"]}, id="another-year"),
        pytest.param({"2026": ["2026-03-03", "20260101"]}, id="not-our-iso-form"),
        pytest.param({"2026": ["2026-03-03", "2026-02-30"]}, id="not-a-date"),
        pytest.param({"2026": ["2026-03-03", 20260101]}, id="not-a-string"),
        pytest.param({"2026": "2026-03-03"}, id="not-a-list"),
        pytest.param({"2026": {}}, id="a-mapping"),
        pytest.param({" 2026": ["2026-03-03"]}, id="year-with-a-space"),
        pytest.param({"year": ["2026-03-03"]}, id="year-not-a-number"),
        pytest.param(["2026-03-03"], id="years-not-a-mapping"),
    ],
)
def test_an_entry_that_is_not_a_years_holidays_is_computed_again(years: object) -> None:
    _keep(_kept(years))
    _computed_again_and_replaced()


def test_a_bad_entry_costs_only_itself() -> None:
    _run()
    good = json.loads(_cache().read_text())
    good["regions"]["BR-SP"]["2027"] = []
    _keep(json.dumps(good))
    assert _run()[0] is False  # 2026 is still read from the file


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(_kept({"2026": ["2026-03-03"]})[:-3], id="cut-short"),
        pytest.param("[" * 200_000, id="too-deep-to-parse"),
        pytest.param("[]", id="not-a-mapping"),
        pytest.param(" " * (2 << 20), id="too-big"),
        pytest.param("\udcff", id="not-utf-8"),
    ],
)
def test_a_damaged_cache_is_computed_again_and_replaced(text: str) -> None:
    _cache().parent.mkdir(parents=True)
    _cache().write_bytes(text.encode("utf-8", "surrogateescape"))
    _computed_again_and_replaced()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_in_the_cache_files_place_is_not_waited_on() -> None:
    _cache().parent.mkdir(parents=True)
    os.mkfifo(_cache())
    _computed_again_and_replaced()


def test_an_import_goes_on_whatever_the_cache_file_holds(
    services: Services, tmp_path: Path
) -> None:
    _keep("[" * 200_000)
    result = services.intake.import_file(lead_file(tmp_path / "leads.csv", 3))
    assert result.imported == 3


def test_a_cache_folder_that_cannot_be_written_only_costs_the_computing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("COCKPIT_CACHE_DIR", str(blocker / "cache"))
    loaded, computed = _run()
    assert loaded
    assert "2026-07-09" in computed
    assert not (blocker / "cache").exists()


@pytest.mark.parametrize("failing", ["package_version", "_write"])
def test_a_cache_that_fails_in_any_way_only_costs_the_computing(
    failing: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fails(*args: object) -> None:
        raise RuntimeError("the cache broke")

    monkeypatch.setattr(calendar_values, "_KNOWN", {})
    monkeypatch.setattr(holiday_cache, failing, fails)
    with holiday_cache.holidays_kept():
        days = calendar_values.region_holidays("BR-SP", 2026)
    assert date(2026, 7, 9) in days
