"""Lead sources compared as people read them: "Telefone", "telefone" and "TELEFONE " are one.

Sources are typed by hand and sent by feeds, each with its own case and
accents. Stored as they came (nothing stored is rewritten), they are grouped
under one key wherever they are counted or filtered, and shown with the
spelling the store saw first.
"""

from __future__ import annotations

from collections.abc import Iterable

from cockpit_tui.domain.filters import fold


def source_key(source: str) -> str:
    """What two spellings of one source share: no case, no accents, single spaces."""
    return " ".join(fold(source).split())


def tidy_source(source: str | None) -> str | None:
    """A source as it is recorded: spaces trimmed and single; None when blank."""
    if source is None:
        return None
    tidy = " ".join(source.split())
    return tidy or None


def first_spellings(in_recorded_order: Iterable[str]) -> dict[str, str]:
    """Each source's key → the spelling seen first (the input is in the order recorded)."""
    shown: dict[str, str] = {}
    for spelling in in_recorded_order:
        shown.setdefault(source_key(spelling), spelling)
    return shown


def spellings_of(source: str, known: Iterable[str]) -> list[str]:
    """Every spelling in ``known`` of the same source as ``source`` (itself when none)."""
    key = source_key(source)
    found = [spelling for spelling in known if source_key(spelling) == key]
    return found or [source]
