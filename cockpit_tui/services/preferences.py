"""Each salesperson's preferences kept between sessions: the quick filters last used, alerts.

A small JSON file in the platformdirs config folder, one entry per user
(several salespeople may share a machine account). The search text is not
kept: it is a question of the moment. Each save changes only its own keys of
the user's entry, so saving the filters keeps the ``alerts`` choice and back.
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

    def load_filter(self) -> LeadFilter:
        """The filters this user had on when they last changed them (none if unknown)."""
        entry = self._read_all().get(self._user)
        if not isinstance(entry, dict):
            return LeadFilter()
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
        self._save_keys(
            {
                "quick": sorted(quick.value for quick in lead_filter.quick),
                "source": lead_filter.source,
                "salesperson": lead_filter.salesperson,
            }
        )

    def load_alerts(self) -> AlertMode:
        """How much this user wants to be alerted (``on`` when never chosen)."""
        entry = self._read_all().get(self._user)
        value = entry.get("alerts") if isinstance(entry, dict) else None
        return AlertMode(value) if value in {mode.value for mode in AlertMode} else AlertMode.ON

    def save_alerts(self, mode: AlertMode) -> None:
        """Remember this user's ``alerts`` choice (their filters stay as saved).

        Raises:
            CockpitError: the folder cannot be written ("prefs.unwritable").
        """
        self._save_keys({"alerts": mode.value})

    def _save_keys(self, values: dict[str, Any]) -> None:
        """Change ``values`` in this user's entry, keeping its other keys; written atomically."""
        data = self._read_all()
        entry = data.get(self._user)
        data[self._user] = (entry if isinstance(entry, dict) else {}) | values
        try:
            write_private(self.path, json.dumps(data, ensure_ascii=False, indent=1).encode())
        except OSError as error:
            raise CockpitError("prefs.unwritable", path=str(self.path)) from error
