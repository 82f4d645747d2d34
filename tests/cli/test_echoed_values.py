"""Values echoed in the CLI's messages never carry terminal escapes (issue 20, item 5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import run

OSC52 = "\x1b]52;c;aGVsbG8=\x07"


def _printable(text: str) -> bool:
    return "\x1b" not in text and "\x07" not in text and "\x9d" not in text


def test_an_event_name_with_an_osc52_sequence_is_reported_without_it(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    feed = tmp_path / "feed.ndjson"
    feed.write_text(json.dumps({"event": f"x{OSC52}y", "id": "1"}) + "\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "ingest", str(feed))
    assert code == 1
    assert "linha 1: evento desconhecido: xy" in err
    assert _printable(err)


def test_team_names_and_statuses_are_echoed_clean_and_cut(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, out, _ = run(capsys, "--db", db, "team", "add", f"Ana{OSC52}")
    assert code == 0
    assert _printable(out)
    assert "Ana" in out
    code, _, err = run(capsys, "--db", db, "leads", "--status", f"\x1b[2J{'x' * 5000}")
    assert code == 1
    assert _printable(err)
    assert len(err) < 600, "a pasted argument is cut to a sane length"
