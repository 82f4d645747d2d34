"""The store's lead sources in every spelling, in the order they were first recorded."""

from __future__ import annotations

from cockpit_tui.domain.sources import first_spellings, source_key
from cockpit_tui.store.reader import StoreReader


def recorded_sources(reader: StoreReader) -> list[str]:
    """Every distinct source, the one recorded first (lowest lead id) first."""
    rows = reader.fetchall(
        "SELECT source FROM lead WHERE source IS NOT NULL GROUP BY source ORDER BY MIN(id)"
    )
    return [str(row[0]) for row in rows]


def known_sources(reader: StoreReader) -> list[str]:
    """Each source once (however it was spelled), as first recorded, alphabetically."""
    shown = first_spellings(recorded_sources(reader))
    return [shown[key] for key in sorted(shown)]


def spellings_by_source(reader: StoreReader) -> dict[str, list[str]]:
    """Each source as first recorded → every spelling of it in the store."""
    spellings: dict[str, list[str]] = {}
    shown: dict[str, str] = {}
    for spelling in recorded_sources(reader):
        first = shown.setdefault(source_key(spelling), spelling)
        spellings.setdefault(first, []).append(spelling)
    return spellings
