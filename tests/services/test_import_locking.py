"""A dry run takes no write lock; a real import holds it one chunk at a time (issue 20, item 2)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services, open_services
from cockpit_tui.services.clock import FrozenClock
from tests.conftest import NOW


def _file(path: Path, rows: int) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["nome", "telefone", "mensagem"])
        for n in range(rows):
            # Every tenth row repeats an earlier phone: merges across chunks.
            phone = n - 5 if n % 10 == 9 else n
            writer.writerow(
                [f"Cliente {n}", f"(11) 9{1000 + phone // 10:04}-{phone % 10:04}", "Oi"]
            )
    return path


def test_a_dry_run_lets_a_colleague_move_a_lead_meanwhile_and_counts_like_the_real_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("cockpit_tui.services.intake.CHUNK_ROWS", 50)
    monkeypatch.setattr("cockpit_tui.store.engine.BUSY_TIMEOUT_MS", 300)
    url = f"sqlite:///{tmp_path / 's.sqlite'}"
    importer = open_services(url, actor="importer", clock=FrozenClock(NOW))
    colleague = open_services(url, actor="Bia", clock=FrozenClock(NOW))
    lead = colleague.leads.add(name="Marina", phone="(21) 98123-4567", message="Oi")
    path = _file(tmp_path / "big.csv", 400)
    moves: list[Status] = []

    def move_meanwhile(done: int, _total: int) -> None:
        if done == 100:  # in the middle of the run
            moves.append(colleague.leads.move(lead.id, Status.NEGOTIATING).to_status)

    dry = importer.intake.import_file(path, dry_run=True, on_progress=move_meanwhile)
    assert moves == [Status.NEGOTIATING], "the colleague's move went through during the dry run"
    assert importer.board.counts()[Status.NEW] == 0, "a dry run writes nothing"
    real = importer.intake.import_file(path)
    assert (dry.imported, dry.merged, dry.already) == (real.imported, real.merged, real.already)
    assert (real.imported, real.merged) == (360, 40)
    again = importer.intake.import_file(path, dry_run=True)
    assert (again.imported, again.already) == (0, 400)
    importer.close()
    colleague.close()


def test_a_real_import_commits_chunk_by_chunk(services: Services, tmp_path: Path) -> None:
    path = _file(tmp_path / "c.csv", 120)
    seen: list[int] = []

    def count_on_board(done: int, _total: int) -> None:
        seen.append(services.board.counts()[Status.NEW])

    from cockpit_tui.services import intake

    original = intake.CHUNK_ROWS
    intake.CHUNK_ROWS = 50
    try:
        services.intake.import_file(path, on_progress=count_on_board)
    finally:
        intake.CHUNK_ROWS = original
    assert seen == [45, 90, 108], "each chunk is visible (committed) before the next one starts"
