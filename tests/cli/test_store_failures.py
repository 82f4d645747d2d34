"""Write errors, damaged stores and bad backups end in one sentence, never a traceback.

Issue 20, items 3, 8 and the backup parts of 12: each case is run as a user
would (the CLI in-process, on a real store) and must print one line on
stderr, exit 1, and leave what was stored as it was.
"""

from __future__ import annotations

import csv
import sqlite3
import stat
from pathlib import Path

import pytest

from cockpit_tui.services import open_services
from tests.cli.conftest import run


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def _store_with_leads(path: Path, count: int) -> str:
    url = f"sqlite:///{path}"
    feed = path.with_name("leads.csv")
    with feed.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["nome", "telefone", "mensagem"])
        for n in range(count):
            writer.writerow([f"Cliente {n}", f"(11) 9{1000 + n // 10:04}-{n % 10:04}", "Oi " * 40])
    services = open_services(url, actor="setup")
    services.intake.import_file(feed)
    services.close()
    return url


def test_ids_no_store_can_hold_are_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    run(capsys, "--db", db, "team")  # creates the store
    code, _, err = run(capsys, "--db", db, "move", "99999999999999999999999", "sold")
    assert code == 1
    assert _one_line(err) == "Não existe lead com o id 99999999999999999999999."
    code, _, err = run(capsys, "--db", db, "outbox", "ack", "99999999999999999999999")
    assert code == 1
    assert "99999999999999999999999" in _one_line(err)


def test_a_malformed_db_url_is_one_line_without_its_password(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "--db", "postgresql+psycopg://u:segredo@[bad", "leads")
    assert code == 1
    assert "segredo" not in _one_line(err)


def test_backups_into_impossible_places_say_why_in_one_line(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    run(capsys, "--db", db, "team", "add", "Ana")
    a_file = tmp_path / "a.csv"
    a_file.write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "backup", str(a_file / "x.bak"))
    assert code == 1
    assert "não uma pasta" in _one_line(err)
    code, _, err = run(capsys, "--demo", "backup", "/proc/x.sqlite")
    assert code == 1
    assert "/proc" in _one_line(err)
    code, _, err = run(capsys, "--db", "sqlite:////dev/null", "backup", str(tmp_path / "n.bak"))
    assert code == 1
    assert not (tmp_path / "n.bak").exists(), "no backup is claimed from /dev/null"
    assert "Cópia gravada" not in err
    _one_line(err)


def test_a_backup_never_silently_replaces_a_file_and_is_private(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    run(capsys, "--db", db, "team", "add", "Ana")
    destination = tmp_path / "nightly.bak"
    code, out, _ = run(capsys, "--db", db, "backup", str(destination))
    assert (code, out.strip()) == (0, f"Cópia gravada em {destination}.")
    assert stat.S_IMODE(destination.stat().st_mode) == 0o600
    code, _, err = run(capsys, "--db", db, "backup", str(destination))
    assert code == 1
    assert "--force" in _one_line(err)
    code, _, _ = run(capsys, "--db", db, "backup", "--force", str(destination))
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir() if "nightly" in p.name) == ["nightly.bak"]


def test_a_damaged_store_keeps_the_good_backup_and_stops_writes_until_checked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    store = tmp_path / "store.sqlite"
    url = _store_with_leads(store, 600)
    nightly = tmp_path / "nightly.bak"
    assert run(capsys, "--db", url, "backup", str(nightly))[0] == 0
    good = nightly.read_bytes()
    size = store.stat().st_size
    with store.open("r+b") as handle:  # 16 KiB of garbage in the middle of the file
        handle.seek(size // 2)
        handle.write(b"\xa5" * 16 * 1024)

    code, _, err = run(capsys, "--db", url, "backup", "--force", str(nightly))
    assert code == 1
    assert "danificada" in _one_line(err)
    assert nightly.read_bytes() == good, "the good backup was not replaced"

    code, _, err = run(capsys, "--db", url, "move", "1", "sold")
    assert code == 1
    assert "cockpit check" in _one_line(err), "writes stop with how to restore"

    code, _, err = run(capsys, "--db", url, "check")
    assert code == 1
    assert "danificada" in err

    # Restoring the good copy and checking again lets work go on.
    store.write_bytes(good)
    for suffix in ("-wal", "-shm"):
        Path(f"{store}{suffix}").unlink(missing_ok=True)
    code, out, _ = run(capsys, "--db", url, "check")
    assert (code, out.strip()) == (0, "Base íntegra: nenhum problema encontrado.")
    code, _, _ = run(capsys, "--db", url, "move", "1", "sold")
    assert code == 0


def test_a_write_lock_held_too_long_is_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "store.sqlite"
    url = _store_with_leads(store, 3)
    monkeypatch.setattr("cockpit_tui.store.engine.BUSY_TIMEOUT_MS", 100)
    holder = sqlite3.connect(store, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code, _, err = run(capsys, "--db", url, "move", "1", "sold")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 1
    assert "ocupada" in _one_line(err)
    code, out, _ = run(capsys, "--db", url, "leads", "--status", "sold")
    assert out.strip() == "Nenhum lead."


def test_read_only_commands_refuse_a_store_that_does_not_exist(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "nope" / "none.sqlite"
    for command in (["leads"], ["outbox"], ["team"], ["plan"], ["check"]):
        code, _, err = run(capsys, "--db", f"sqlite:///{missing}", *command)
        assert code == 1, command
        assert _one_line(err) == f"A base de dados {missing} não existe."
    assert not missing.exists()
    assert not missing.parent.exists()
