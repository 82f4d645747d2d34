"""Ctrl-C during an import stops it between two chunks, with the store whole (both backends)."""

from __future__ import annotations

import csv
import signal
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from cockpit_tui.domain.errors import Interrupted
from cockpit_tui.services import Services

ROWS = 40


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> int:
    """Chunks of 7 rows, checked in forked workers however small the file."""
    monkeypatch.setattr("cockpit_tui.services.intake.CHUNK_ROWS", 7)
    monkeypatch.setattr("cockpit_tui.services.intake_validation.PARALLEL_ROWS", 1)
    return 7


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "leads.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["Nome", "Telefone", "Vendedor"])
        for n in range(ROWS):
            writer.writerow([f"Cliente {n}", f"(21) 9{8000 + n:04}-{n:04}", "Carla"])
    return path


def _ctrl_c_after(chunks: int, part_rows: int) -> Callable[[int, int], None]:
    """A progress callback that presses Ctrl-C once ``chunks`` chunks are written."""

    def on_progress(done: int, _total: int) -> None:
        if done == chunks * part_rows:
            signal.raise_signal(signal.SIGINT)  # handled before this returns

    return on_progress


def _count(services: Services, sql: str) -> int:
    with services.store.engine.connect() as connection:
        return int(connection.execute(text(sql)).scalar_one())


def test_ctrl_c_stops_between_chunks_and_the_same_import_again_adds_the_rest(
    services: Services, tmp_path: Path, small_parts: int
) -> None:
    path = _file(tmp_path)
    handler = signal.getsignal(signal.SIGINT)
    with pytest.raises(Interrupted) as stopped:
        services.intake.import_file(path, on_progress=_ctrl_c_after(2, small_parts))
    assert stopped.value.message_id == "cli.import_interrupted"
    assert stopped.value.values == {"done": 2 * small_parts, "total": ROWS}
    assert signal.getsignal(signal.SIGINT) is handler, "Ctrl-C is Python's again"
    assert _count(services, "SELECT COUNT(*) FROM lead") == 2 * small_parts
    # The salespeople the written chunks named joined the team, as a finished import's do.
    assert services.team.members() == ["Carla"]
    if services.store.url.is_sqlite:
        assert _count(services, "SELECT COUNT(*) FROM bulk_deferred") == 0
    again = services.intake.import_file(path)
    assert (again.imported, again.already) == (ROWS - 2 * small_parts, 2 * small_parts)
    assert _count(services, "SELECT COUNT(*) FROM lead") == ROWS


def test_ctrl_c_in_a_dry_run_is_a_plain_interruption(
    services: Services, tmp_path: Path, small_parts: int
) -> None:
    path = _file(tmp_path)
    with pytest.raises(KeyboardInterrupt) as stopped:
        services.intake.import_file(
            path,
            dry_run=True,
            on_progress=_ctrl_c_after(1, small_parts),
        )
    assert not isinstance(stopped.value, Interrupted), "nothing was written: nothing to count"
    assert _count(services, "SELECT COUNT(*) FROM lead") == 0
