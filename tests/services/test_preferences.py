"""Each user's preferences: every save merges into the user's entry, users stay apart."""

from __future__ import annotations

import json
from pathlib import Path

from cockpit_tui.domain.filters import LeadFilter, QuickFilter
from cockpit_tui.services.preferences import Preferences


def test_saving_filters_keeps_the_column_totals_choice_and_the_reverse(tmp_path: Path) -> None:
    ana = Preferences(tmp_path, "Ana")
    ana.save_column_totals(True)
    ana.save_filter(LeadFilter(quick=frozenset({QuickFilter.MINE}), source="OLX"))
    assert ana.load_column_totals() is True, "saving the filters kept the totals choice"
    ana.save_column_totals(False)
    ana.save_column_totals(True)
    kept = ana.load_filter()
    assert kept.quick == frozenset({QuickFilter.MINE})
    assert kept.source == "OLX"


def test_each_user_has_their_own_entry_and_unknown_keys_survive(tmp_path: Path) -> None:
    (tmp_path / "filters.json").write_text(json.dumps({"Ana": {"theme": "dark"}}))
    Preferences(tmp_path, "Bruno").save_column_totals(True)
    Preferences(tmp_path, "Ana").save_filter(LeadFilter())
    saved = json.loads((tmp_path / "filters.json").read_text())
    assert saved["Ana"]["theme"] == "dark", "another round's key is not erased"
    assert "column_totals" not in saved["Ana"]
    assert saved["Bruno"]["column_totals"] is True
    assert Preferences(tmp_path, "Ana").load_column_totals() is False
    assert Preferences(tmp_path, "Carla").load_column_totals() is False
