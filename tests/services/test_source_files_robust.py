"""Odd import files get one clear refusal, or lose only their bad row (issue 20, item 12)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.services import Services
from cockpit_tui.services import intake as intake_module
from cockpit_tui.services.source_files import read_source

HEADER = "nome;telefone\n"


def _refusal(path: Path) -> str:
    with pytest.raises(InvalidInputError) as caught:
        read_source(path)
    return caught.value.message_id


def test_a_utf16_file_with_its_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "u16.csv"
    path.write_bytes((HEADER + "João;11987654321\n").encode("utf-16"))
    source = read_source(path)
    assert [row.fields["name"] for row in source.rows] == ["João"]


def test_files_that_are_not_lead_lists_are_named_for_what_they_are(tmp_path: Path) -> None:
    obj = tmp_path / "obj.json"
    obj.write_text('{"nome": "Ana", "telefone": "11987654321"}', encoding="utf-8")
    assert _refusal(obj) == "intake.json_not_array"
    binary = tmp_path / "planilha.xlsx"
    binary.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 4)
    assert _refusal(binary) == "intake.binary_file"
    assert _refusal(tmp_path) == "intake.is_folder"
    assert _refusal(Path("/dev/zero")) == "intake.binary_file"
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 10_000 + "]" * 10_000, encoding="utf-8")
    assert _refusal(deep) == "intake.json_too_deep"


def test_a_huge_field_rejects_its_row_only(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    path.write_text(
        HEADER + "Ana;11987654321\n" + f'"{"x" * 20_000_000}";11987654322\n' + "Bia;11987654323\n",
        encoding="utf-8",
    )
    summary = services.intake.import_file(path)
    assert summary.imported == 2
    assert [(row.line, why.reason) for row, why in summary.rejected] == [
        (3, "intake.field_too_long")
    ]


def test_a_row_still_being_written_is_left_for_the_next_run(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "growing.csv"
    path.write_text(HEADER + "Ana;11987654321\nBia Fer", encoding="utf-8")
    from cockpit_tui.services.intake_validation import checked_parts as real_checked_parts

    def writer_finishes_meanwhile(rows, zone, *, part_rows):  # type: ignore[no-untyped-def]
        with path.open("a", encoding="utf-8") as out:
            out.write("nandes;11987654322\n")
        return real_checked_parts(rows, zone, part_rows=part_rows)

    monkeypatch.setattr(intake_module, "checked_parts", writer_finishes_meanwhile)
    first = services.intake.import_file(path)
    monkeypatch.setattr(intake_module, "checked_parts", real_checked_parts)
    assert first.imported == 1
    assert [(row.line, why.reason) for row, why in first.rejected] == [(3, "intake.incomplete_row")]
    second = services.intake.import_file(path)
    assert (second.imported, second.merged, second.already) == (1, 0, 1)
    names = sorted(card.customer_name for card in services.board.leads_in_board_order(None))
    assert names == ["Ana", "Bia Fernandes"]


def test_a_finished_file_without_a_final_line_break_imports_its_last_row(
    services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "done.csv"
    path.write_text(HEADER + "Ana;11987654321\nBia;11987654322", encoding="utf-8")
    assert services.intake.import_file(path).imported == 2


def test_json_rows_still_import(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "ok.json"
    path.write_text(json.dumps([{"nome": "Ana", "telefone": "11987654321"}]), encoding="utf-8")
    assert services.intake.import_file(path).imported == 1
