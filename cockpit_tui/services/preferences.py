"""Each salesperson's preferences kept between sessions: the quick filters last used,
whether the board's column headers show their total asking value, how much to alert.

A small JSON file in the platformdirs config folder, one entry per user
(several salespeople may share a machine account); each save merges its keys
into the user's entry, so one preference never erases another. The search
text is not kept: it is a question of the moment.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cockpit_tui.domain.alerts import AlertMode
from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.domain.filters import LeadFilter, QuickFilter
from cockpit_tui.store.fileperms import write_private

FILE_NAME = "filters.json"


class Preferences:
    """Loads and saves one user's quick filters.

    Args:
        folder: The config folder (created when first saving).
        user: The salesperson.
    """

    def __init__(self, folder: Path, user: str) -> None:
        self.path = folder / FILE_NAME
        self._user = user

    def _read_all(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # no file yet, or a damaged one: start from no filters
        return data if isinstance(data, dict) else {}

    def _entry(self) -> dict[str, Any]:
        """This user's saved preferences ({} when none)."""
        entry = self._read_all().get(self._user)
        return entry if isinstance(entry, dict) else {}

    def _save_entry(self, values: dict[str, Any]) -> None:
        """Merge ``values`` into this user's entry and write the file atomically.

        Raises:
            CockpitError: the folder cannot be written ("prefs.unwritable").
        """
        data = self._read_all()
        entry = data.get(self._user)
        data[self._user] = {**(entry if isinstance(entry, dict) else {}), **values}
        try:
            write_private(self.path, json.dumps(data, ensure_ascii=False, indent=1).encode())
        except OSError as error:
            raise CockpitError("prefs.unwritable", path=str(self.path)) from error

    def load_filter(self) -> LeadFilter:
        """The filters this user had on when they last changed them (none if unknown)."""
        entry = self._entry()
        quick = frozenset(
            QuickFilter(value)
            for value in entry.get("quick", [])
            if value in {member.value for member in QuickFilter}
        )
        source = entry.get("source")
        salesperson = entry.get("salesperson")
        return LeadFilter(
            quick=quick,
            source=source if isinstance(source, str) and source else None,
            salesperson=salesperson if isinstance(salesperson, str) and salesperson else None,
        )

    def save_filter(self, lead_filter: LeadFilter) -> None:
        """Remember this user's quick filters (written atomically).

        Raises:
            CockpitError: the folder cannot be written ("prefs.unwritable").
        """
        self._save_entry(
            {
                "quick": sorted(quick.value for quick in lead_filter.quick),
                "source": lead_filter.source,
                "salesperson": lead_filter.salesperson,
            }
        )

    def load_alerts(self) -> AlertMode:
        """How much this user wants to be alerted (``on`` when never chosen; issue 15)."""
        value = self._entry().get("alerts")
        return AlertMode(value) if value in {mode.value for mode in AlertMode} else AlertMode.ON

    def save_alerts(self, mode: AlertMode) -> None:
        """Remember this user's ``alerts`` choice (their other preferences stay as saved).

        Raises:
            CockpitError: the folder cannot be written ("prefs.unwritable").
        """
        self._save_entry({"alerts": mode.value})

    def load_column_totals(self) -> bool:
        """Whether this user last had the column headers show their total asking value."""
        return self._entry().get("column_totals") is True

    def save_column_totals(self, shown: bool) -> None:
        """Remember whether the column headers show their total asking value.

        Raises:
            CockpitError: the folder cannot be written ("prefs.unwritable").
        """
        self._save_entry({"column_totals": shown})
