"""The regions' holidays a store's calendar used, kept on disk between runs.

Computing one country's holidays loads the whole ``holidays`` package (every
country of it: about 0.15 s), which an import paid before its first chunk.
The dates found are kept in ``holidays.json`` in the user's cache folder
(:func:`cockpit_tui.config.cache_dir`) with the package's version and
:data:`FORMAT`, and a later run takes them from there instead: the same dates,
as long as the same version of the package, called the same way, would
compute them.

The file is only an optimisation, so nothing about it may fail an import: a
file that is missing, damaged, of another version or format is ignored (and
replaced by the next write), an entry that is not a year's holidays is
computed again, and a folder that cannot be written keeps nothing. Nothing in
it is private: public holidays only.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import date
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from cockpit_tui.config import cache_dir
from cockpit_tui.domain.calendar_values import known_holidays, remember_holidays

CACHE_FILE = "holidays.json"
#: How the file's dates were computed; raise it when ``region_holidays`` calls
#: ``country_holidays`` differently, so files kept before are computed again.
FORMAT = 1
#: A file kept by us holds a few KiB; a bigger one is not read.
MAX_BYTES = 1 << 20

Holidays = dict[tuple[str, int], frozenset[date]]


def package_version() -> str | None:
    """The installed ``holidays`` version, read without importing it (None: not found).

    From the name of its ``holidays-VERSION.dist-info`` folder beside it (what
    ``importlib.metadata`` reads, without that module's own 30 ms).
    """
    spec = find_spec("holidays")
    if spec is None or spec.origin is None:
        return None
    prefix, suffix = "holidays-", ".dist-info"
    try:
        with os.scandir(Path(spec.origin).parent.parent) as entries:
            found = [
                entry.name[len(prefix) : -len(suffix)]
                for entry in entries
                if entry.name.startswith(prefix) and entry.name.endswith(suffix)
            ]
    except OSError:
        return None
    return found[0] if len(found) == 1 else None


@contextmanager
def holidays_kept() -> Iterator[None]:
    """Around building a calendar: its holidays read from disk, and any new ones saved after.

    Never raises on the cache's account: what the file cannot give, the
    calendar computes (errors of the body itself go through untouched).
    """
    try:
        kept = _primed()
    except Exception:  # the cache only saves time: never a reason to fail an import
        kept = None
    yield
    if kept is not None:
        path, version, read = kept
        known = known_holidays()
        if known.keys() - read.keys():
            with suppress(Exception):  # a cache: not kept when it cannot be written
                _write(path, version, known)


def _primed() -> tuple[Path, str, Holidays] | None:
    """The file's path, the package's version and the holidays read from it (now remembered).

    None when no version of the package is found to key the file by.
    """
    version = package_version()
    if version is None:
        return None
    path = cache_dir() / CACHE_FILE
    kept = _read(path, version)
    remember_holidays(kept)
    return path, version, kept


def _read(path: Path, version: str) -> Holidays:
    """The valid entries of the file at ``path`` if it is ours for ``version``, else none."""
    try:
        stored = json.loads(_text(path))
    except Exception:  # missing, unreadable or damaged (even too deep to parse): computed again
        return {}
    if (
        not isinstance(stored, dict)
        or stored.get("format") != FORMAT
        or stored.get("version") != version
        or not isinstance(stored.get("regions"), dict)
    ):
        return {}
    found: Holidays = {}
    for region, years in stored["regions"].items():
        if not isinstance(years, dict):
            continue
        for year_text, days in years.items():
            year = _year(year_text)
            dates = None if year is None else _days(days, year)
            if year is not None and dates is not None:
                found[region, year] = dates
    return found


def _text(path: Path) -> str:
    """A regular file's text, at most :data:`MAX_BYTES` (a fifo or a huge file: OSError)."""
    # Opened without blocking: a fifo in its place must not hang the import.
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(handle, "rb") as source:
        if not stat.S_ISREG(os.fstat(source.fileno()).st_mode):
            raise OSError(f"not a regular file: {path}")
        data = source.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise OSError(f"too big to be ours: {path}")
    return data.decode("utf-8")


def _year(text: str) -> int | None:
    """The year a key names (ASCII digits, as ``str(year)`` writes it), else None."""
    if text.isascii() and text.isdigit() and str(int(text)) == text:
        return int(text)
    return None


def _days(days: Any, year: int) -> frozenset[date] | None:
    """A year's holidays from their ISO dates, or None unless every one is a date of ``year``.

    An empty list is refused too: a region has holidays every year, so an
    empty one is a damaged entry, and trusting it would quietly move every
    deadline of the year onto its holidays.
    """
    if not isinstance(days, list) or not days:
        return None
    found: set[date] = set()
    for day in days:
        if not isinstance(day, str):
            return None
        try:
            parsed = date.fromisoformat(day)
        except ValueError:
            return None
        # Only the form we write: fromisoformat also takes "20260101" or "2026-W01-4".
        if parsed.year != year or parsed.isoformat() != day:
            return None
        found.add(parsed)
    return frozenset(found)


def _write(path: Path, version: str, known: Holidays) -> None:
    """Keep ``known`` at ``path``, replacing whatever file was there."""
    regions: dict[str, dict[str, list[str]]] = {}
    for (region, year), days in sorted(known.items()):
        regions.setdefault(region, {})[str(year)] = sorted(day.isoformat() for day in days)
    text = json.dumps({"format": FORMAT, "version": version, "regions": regions})
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written beside and renamed: another run never reads half a file.
    handle, partial = tempfile.mkstemp(dir=path.parent, prefix=".holidays-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(partial, path)
    finally:
        with suppress(OSError):
            os.unlink(partial)
