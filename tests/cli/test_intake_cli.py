"""`cockpit import`, `cockpit ingest` and `cockpit outbox` as scripts and connectors use them."""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cockpit_tui.services import open_services
from cockpit_tui.services.intake import CHUNK_ROWS
from tests.cli.conftest import run

ROOT = Path(__file__).resolve().parents[2]
COCKPIT = [sys.executable, "-c", "from cockpit_tui.cli import main; raise SystemExit(main())"]


def test_the_sample_file_imports_with_a_summary_and_a_rejects_file(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    sample = tmp_path / "leads_exemplo.csv"
    sample.write_bytes((ROOT / "data" / "leads_exemplo.csv").read_bytes())
    code, out, _ = run(capsys, "--db", db, "import", str(sample))
    assert code == 1, "some rows were rejected"
    assert "Importados: 8 · somados a leads já abertos: 1" in out
    assert "recusados: 5" in out
    rejects = sample.with_name("leads_exemplo.csv.rejects.csv")
    assert str(rejects) in out
    with rejects.open(encoding="utf-8-sig") as handle:
        reasons = [row[1] for row in csv.reader(handle, delimiter=";")][1:]
    assert reasons == [
        "sem nome",
        "sem telefone nem e-mail",
        "telefone inválido",
        "valor inválido (use 139.900,00 ou 139900)",
        "data inválida (use dd/mm/aaaa hh:mm ou ISO 8601)",
    ]
    code, out, _ = run(capsys, "--db", db, "import", str(sample))
    assert "Importados: 0" in out
    assert "já importados antes: 9" in out


def test_dry_run_and_missing_file(capsys: pytest.CaptureFixture[str], db: str) -> None:
    sample = ROOT / "data" / "leads_exemplo.csv"
    code, out, _ = run(capsys, "--db", db, "import", "--dry-run", str(sample))
    assert "Simulação: nada foi gravado." in out
    code, out, _ = run(capsys, "--db", db, "leads")
    assert out.strip() == "Nenhum lead."
    code, _, err = run(capsys, "--db", db, "import", "/nao/existe.csv")
    assert (code, err.strip()) == (1, "O arquivo /nao/existe.csv não existe.")


def test_ingest_reports_bad_lines_with_their_numbers_and_applies_the_good_ones(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    feed = tmp_path / "feed.ndjson"
    good = (ROOT / "data" / "eventos_exemplo.ndjson").read_text(encoding="utf-8").splitlines()
    feed.write_text(
        "\n".join(
            [
                good[0],
                "isto não é json",
                '{"event": "lead.updated", "id": "x1"}',
                '{"event": "message.received", "id": "x2", "lead_external_id": "?", "text": "oi"}',
                '{"event": "lead.created", "id": "x3", "lead": {"phone": "11987654321"}}',
                *good[1:],
                good[0],
            ]
        ),
        encoding="utf-8",
    )
    code, _, err = run(capsys, "--db", db, "ingest", str(feed))
    assert code == 1
    assert "linha 2: não é JSON" in err
    assert "linha 3: evento desconhecido: lead.updated" in err
    assert "linha 4: a mensagem não corresponde a nenhum lead; guardada na fila sem lead" in err
    assert "linha 5: sem nome" in err
    assert "Eventos aplicados: 5 · repetidos (ignorados): 1 · com erro: 3" in err
    _, out, _ = run(capsys, "--db", db, "leads", "--json")
    leads = json.loads(out)
    assert [lead["name"] for lead in leads] == ["Paulo Henrique Dias", "Marina Costa"]
    assert all(lead["unread_count"] == 1 for lead in leads), "each got a reply after arriving"


def test_outbox_lists_replies_and_ack_removes_them(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    services = open_services(db, actor="Ana")
    lead = services.leads.add(name="Marina", phone="(11) 98123-4567", message="Oi")
    reply = services.leads.reply(lead.id, "Está sim! Quer agendar uma visita?")
    services.close()
    code, out, _ = run(capsys, "--db", db, "outbox", "--json")
    items = json.loads(out)
    assert [(i["id"], i["phone"], i["text"]) for i in items] == [
        (reply.id, "+5511981234567", "Está sim! Quer agendar uma visita?")
    ]
    code, out, _ = run(capsys, "--db", db, "outbox", "ack", str(reply.id))
    assert code == 0
    code, out, _ = run(capsys, "--db", db, "outbox")
    assert out.strip() == "Nenhuma resposta esperando entrega."
    code, _, err = run(capsys, "--db", db, "outbox", "ack", str(reply.id))
    assert code == 1
    assert "já estava marcada como entregue" in err


def _indexes(db_file: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db_file) as connection:
        return connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
        ).fetchall()


def test_an_import_killed_midway_leaves_whole_rows_and_finishes_on_rerun(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    rows = 10_000  # five chunks, validated in parallel (over PARALLEL_ROWS)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["nome", "telefone", "mensagem"])
        for n in range(rows):
            writer.writerow([f"Cliente {n}", f"(11) 9{1000 + n // 10:04}-{n % 10:04}", f"Oi {n}"])
    db_file = tmp_path / "k.sqlite"
    url = f"sqlite:///{db_file}"
    open_services(url, actor="setup").close()
    process = subprocess.Popen(
        [*COCKPIT, "--db", url, "import", str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "COCKPIT_USER": "importer"},
    )

    def leads() -> int:
        with sqlite3.connect(db_file) as connection:
            return int(connection.execute("SELECT COUNT(*) FROM lead").fetchone()[0])

    # Wait for the first committed chunk (each check is a query: no sleeping), then kill.
    deadline = time.monotonic() + 60
    while leads() == 0 and process.poll() is None and time.monotonic() < deadline:
        pass
    process.send_signal(signal.SIGKILL)
    process.wait()
    with sqlite3.connect(db_file) as connection:
        count = leads()
        prints = connection.execute("SELECT COUNT(*) FROM import_fingerprint").fetchone()[0]
        messages = connection.execute("SELECT COUNT(*) FROM message").fetchone()[0]
        customers = connection.execute("SELECT COUNT(*) FROM customer").fetchone()[0]
    assert 0 < count <= rows
    assert count % CHUNK_ROWS == 0 or count == rows, "only whole chunks are committed"
    assert count == prints == messages == customers, "every row fully in or out"
    # The import built the lead's indexes after its rows (a new store): opening the store
    # again builds what the killed process left undone.
    fresh = tmp_path / "fresh.sqlite"
    open_services(f"sqlite:///{fresh}", actor="setup").close()
    open_services(url, actor="reopen").close()
    assert _indexes(db_file) == _indexes(fresh)
    finished = subprocess.run(
        [*COCKPIT, "--db", url, "import", str(path)], capture_output=True, text=True, check=False
    )
    assert finished.returncode == 0, finished.stderr
    assert leads() == rows
    assert f"já importados antes: {count}" in finished.stdout


def test_an_unwritable_rejects_folder_still_reports_the_rejected_rows(
    capsys: pytest.CaptureFixture[str], db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cockpit_tui.services import intake

    def refuse(*args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(intake, "write_rejects", refuse)
    code, out, err = run(capsys, "--db", db, "import", str(ROOT / "data" / "leads_exemplo.csv"))
    assert code == 1
    assert "Importados: 8" in out
    assert "Não foi possível gravar" in err
    assert "linha 12: telefone inválido" in err
    assert "Traceback" not in err


def test_ingest_survives_bytes_that_are_not_utf8_on_stdin(db: str) -> None:
    good = (ROOT / "data" / "eventos_exemplo.ndjson").read_bytes().splitlines()[0]
    fed = subprocess.run(
        [*COCKPIT, "--db", db, "ingest", "-"],
        input=b"\xff\xfe not json \x80\n" + good + b"\n",
        capture_output=True,
        check=False,
    )
    errors = fed.stderr.decode()
    assert fed.returncode == 1
    assert "linha 1: não é JSON" in errors
    assert "Eventos aplicados: 1" in errors
    assert "Traceback" not in errors
