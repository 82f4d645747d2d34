"""`cockpit unmatched`: the "sem lead" queue as a script sees it (issue 20, item 9)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import run


def test_cockpit_unmatched_lists_the_queue(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    feed = tmp_path / "feed.ndjson"
    feed.write_text(
        json.dumps(
            {
                "event": "message.received",
                "id": "r1",
                "lead_external_id": "wm-1",
                "text": "Aceita troca?",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "--db", db, "ingest", str(feed))
    assert code == 0
    assert "linha 1: a mensagem não corresponde a nenhum lead; guardada na fila sem lead" in err
    code, out, _ = run(capsys, "--db", db, "unmatched", "--json")
    assert [(m["lead_external_id"], m["text"]) for m in json.loads(out)] == [
        ("wm-1", "Aceita troca?")
    ]
