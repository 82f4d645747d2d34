"""The regions' holidays a store's calendar used, kept on disk between runs.

Computing one country's holidays loads the whole ``holidays`` package (every
country of it: about 0.15 s), which an import paid before its first chunk.
The dates found are kept in ``holidays.json`` in the user's cache folder
(platformdirs', or ``COCKPIT_CACHE_DIR``) with the package's version, and a
later run takes them from there instead: the same dates, as long as the same
version of the package would compute them. A file that is missing, damaged
or of another version is ignored (and replaced); one that cannot be written
is not kept. Nothing in it is private: public holidays only.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import date
from importlib.util import find_spec
from pathlib import Path

from cockpit_tui.domain.calendar_values import known_holidays, remember_holidays

CACHE_FILE = "holidays.json"


def cache_dir() -> Path:
    """``COCKPIT_CACHE_DIR`` if set, else platformdirs' user cache folder of cockpit-tui."""
    override = os.environ.get("COCKPIT_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs  # lazy: only for a calendar's first holidays in a process

    return Path(platformdirs.user_cache_dir("cockpit-tui", appauthor=False))


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
    """Around building a calendar: its holidays read from disk, and any new ones saved after."""
    version = package_version()
    if version is None:
        yield
        return
    path = cache_dir() / CACHE_FILE
    kept = _read(path, version)
    remember_holidays(kept)
    yield
    known = known_holidays()
    if known.keys() - kept.keys():
        _write(path, version, known)


def _read(path: Path, version: str) -> dict[tuple[str, int], frozenset[date]]:
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if stored.get("version") != version:
            return {}
        return {
            (region, int(year)): frozenset(date.fromisoformat(day) for day in days)
            for region, years in stored["regions"].items()
            for year, days in years.items()
        }
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}  # missing or damaged: computed again, then written anew


def _write(path: Path, version: str, known: dict[tuple[str, int], frozenset[date]]) -> None:
    regions: dict[str, dict[str, list[str]]] = {}
    for (region, year), days in sorted(known.items()):
        regions.setdefault(region, {})[str(year)] = sorted(day.isoformat() for day in days)
    text = json.dumps({"version": version, "regions": regions})
    with suppress(OSError):  # a cache: not kept when its folder cannot be written
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written beside and renamed: another run never reads half a file.
        handle, partial = tempfile.mkstemp(dir=path.parent, prefix=".holidays-")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(partial, path)
        finally:
            with suppress(FileNotFoundError):
                os.unlink(partial)
