"""Small import files and failures for the import tests (SQLite and PostgreSQL alike)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

#: Rows per chunk in the tests that patch it (see the ``small_chunks`` fixture).
SMALL_CHUNK = 7


def lead_file(path: Path, rows: int, first: int = 0) -> Path:
    """A ``;`` CSV of ``rows`` leads numbered from ``first``: name, phone (unique), message."""
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["Nome", "Telefone", "Mensagem"])
        for n in range(first, first + rows):
            writer.writerow([f"Cliente Q{n:03}X", f"(11) 98765-{n:04}", f"Oi {n}"])
    return path


def fail_in_second_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make an import's second chunk raise ``OSError("disk gone")`` after writing its rows."""
    import cockpit_tui.services.intake as intake_module
    from cockpit_tui.services.intake_events import record_consent as real

    chunks = 0

    def fails_in_the_second_chunk(*args: object) -> None:
        nonlocal chunks
        chunks += 1
        real(*args)  # type: ignore[arg-type]
        if chunks == 2:
            raise OSError("disk gone")

    monkeypatch.setattr(intake_module, "record_consent", fails_in_the_second_chunk)
