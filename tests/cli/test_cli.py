"""The `cockpit` command line (DESIGN §5): output, exit codes, messages."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cockpit_tui.cli import main
from cockpit_tui.services import open_services
from tests.cli.conftest import run


def test_demo_leads_json_in_board_order(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--demo", "leads", "--json")
    assert code == 0
    leads = json.loads(out)
    assert len(leads) >= 150
    order = ["new", "negotiating", "awaiting_visit", "visited", "sold", "lost"]
    positions = [order.index(lead["status"]) for lead in leads]
    assert positions == sorted(positions)
    first_column = [lead for lead in leads if lead["status"] == "new"]
    flags = [lead["needs_attention"] for lead in first_column]
    assert flags == sorted(flags, reverse=True), "attention first inside a column"
    assert {"id", "version", "name", "phone", "vehicle", "price", "source"} <= set(leads[0])


def test_demo_never_touches_the_real_store(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run(capsys, "--demo", "leads")
    assert (tmp_path / "data" / "demo.sqlite").exists()
    assert not (tmp_path / "data" / "store.sqlite").exists()
    code, out, _ = run(capsys, "leads")
    assert code == 0
    assert out.strip() == "Nenhum lead."
    code, out, _ = run(capsys, "plan")
    assert out.strip() == "Plano da loja: CRM.", "a fresh real store starts on CRM"


def test_demo_with_db_is_a_usage_error(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, _, err = run(capsys, "--demo", "--db", db, "leads")
    assert code == 2
    assert "--demo" in err


def test_move_and_stale_expect_version(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--demo", "leads", "--json", "--status", "new")
    lead = json.loads(out)[0]
    code, out, err = run(capsys, "--demo", "move", str(lead["id"]), "negotiating")
    assert code == 0
    assert err == ""
    assert out.strip() == (
        f"Lead {lead['id']} movido de Nova proposta para Em negociação (versão 2)."
    )
    code, out, err = run(
        capsys, "--demo", "move", str(lead["id"]), "visited", "--expect-version", "1"
    )
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    assert "mudou desde que você o viu" in err
    assert "Em negociação" in err
    code, _, _ = run(capsys, "--demo", "move", str(lead["id"]), "4", "--expect-version", "2")
    assert code == 0


def test_move_errors_are_one_clear_line(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, _, err = run(capsys, "--db", db, "move", "42", "sold")
    assert (code, err) == (1, "Não existe lead com o id 42.\n")
    code, _, err = run(capsys, "--db", db, "--lang", "en", "move", "42", "bogus")
    assert code == 1
    assert err.startswith("Unknown status: bogus.")
    with pytest.raises(SystemExit) as exit_info:
        main(["move", "not-a-number", "sold"])
    assert exit_info.value.code == 2


def test_plan_show_and_set(capsys: pytest.CaptureFixture[str], db: str) -> None:
    assert run(capsys, "--db", db, "plan")[1] == "Plano da loja: CRM.\n"
    assert run(capsys, "--db", db, "plan", "smart-plus")[1] == (
        "Plano da loja alterado para CRM +Smart.\n"
    )
    code, out, _ = run(capsys, "--db", db, "plan", "--json")
    assert json.loads(out) == {
        "plan": "smart-plus",
        "label": "CRM +Smart",
        "list_view": True,
        "video_call": True,
    }
    code, _, err = run(capsys, "--db", db, "plan", "gold")
    assert code == 1
    assert "gold" in err


def test_hostile_names_are_stored_sanitised_and_printed_literally(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    services = open_services(db, actor="Ana")
    services.leads.add(name="[@click=app.quit]x[/]")
    services.leads.add(name="Eve\x1b]52;c;aGk=\x07 Hacker")
    services.leads.add(name="\u202eoaoJ Bidi")
    services.close()
    code, out, _ = run(capsys, "--db", db, "leads")
    assert code == 0
    assert "[@click=app.quit]x[/]" in out
    assert "Eve Hacker" in out
    assert "oaoJ Bidi" in out
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "\u202e" not in out


def test_backup_is_a_consistent_copy(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    run(capsys, "--demo", "leads")
    destination = tmp_path / "copia.sqlite"
    code, out, _ = run(capsys, "--demo", "backup", str(destination))
    assert code == 0
    assert str(destination) in out
    with sqlite3.connect(destination) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT COUNT(*) FROM lead").fetchone()[0] >= 150
    assert oct(destination.stat().st_mode & 0o777) == "0o600"
    code, _, err = run(capsys, "--demo", "backup", str(tmp_path / "nope" / "x.sqlite"))
    assert code == 1
    assert "não existe" in err


def test_a_broken_database_file_gives_a_message_not_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"this is not a database" * 100)
    code, _, err = run(capsys, "--db", f"sqlite:///{broken}", "leads")
    assert code == 1
    assert "Não foi possível abrir a base de dados" in err
    assert broken.read_bytes() == b"this is not a database" * 100, "nothing was changed"


def test_an_unwritable_folder_gives_a_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "blocker").write_text("x")
    # A file where a folder should be: fails for root too.
    code, _, err = run(
        capsys, "--db", f"sqlite:///{locked / 'blocker' / 'x.sqlite'}", "team", "add", "Ana"
    )
    assert code == 1
    assert "Não foi possível criar a base de dados" in err


def test_bad_db_url(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", "mysql://u:segredo@h/db", "leads")
    assert code == 1
    assert "segredo" not in err
    assert "Endereço de base de dados não suportado" in err


def test_environment_variables(
    capsys: pytest.CaptureFixture[str], db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COCKPIT_DB", db)
    monkeypatch.setenv("COCKPIT_LANG", "en")
    monkeypatch.setenv("COCKPIT_USER", "Bruno")
    assert run(capsys, "plan")[1] == "Store plan: CRM.\n"
    services = open_services(db, actor="x")
    lead = services.leads.add(name="Maria").id
    services.close()
    run(capsys, "move", str(lead), "sold")
    services = open_services(db, actor="x")
    assert services.leads.moves(lead)[0].actor == "Bruno"
    services.close()


def test_installed_entry_point_exit_codes_and_help(tmp_path: Path) -> None:
    env = {**os.environ, "COCKPIT_DATA_DIR": str(tmp_path / "data")}
    cockpit = Path(sys.executable).parent / "cockpit"
    version = subprocess.run([cockpit, "version"], capture_output=True, text=True, env=env)
    assert version.returncode == 0
    assert version.stdout.strip()
    help_pt = subprocess.run([cockpit, "--help"], capture_output=True, text=True, env=env)
    assert "lista os leads na ordem do quadro" in help_pt.stdout
    help_en = subprocess.run(
        [cockpit, "--lang", "en", "--help"], capture_output=True, text=True, env=env
    )
    assert "list leads in board order" in help_en.stdout
    stale = subprocess.run(
        [cockpit, "--db", f"sqlite:///{tmp_path / 's.sqlite'}", "move", "1", "sold"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert stale.returncode == 1
    assert "Traceback" not in stale.stderr


def test_an_unknown_language_is_one_clear_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db: str
) -> None:
    """Issue 13 (defect 9): ``--lang fr`` says so once, not twice (ours and argparse's)."""
    code, out, err = run(capsys, "--db", db, "--lang", "fr", "leads")
    assert (code, out, err) == (2, "", "Idioma desconhecido: fr. Use pt ou en.\n")
    monkeypatch.setenv("COCKPIT_LANG", "fr")
    code, _, err = run(capsys, "--db", db, "leads")
    assert (code, err) == (0, "Idioma desconhecido: fr. Use pt ou en.\n")


def test_leads_json_is_one_line_when_piped(capsys: pytest.CaptureFixture[str], db: str) -> None:
    """Issue 13 (defect 9): `cockpit leads --json | head -1` reads the whole document."""
    assert run(capsys, "--db", db, "add", "--name", "Ana", "--phone", "11 98765-4321")[0] == 0
    assert run(capsys, "--db", db, "add", "--name", "Bia", "--phone", "11 98765-4322")[0] == 0
    code, out, _ = run(capsys, "--db", db, "leads", "--json")
    first_line = out.splitlines()[0]
    assert code == 0
    assert [lead["name"] for lead in json.loads(first_line)] == ["Bia", "Ana"]


def test_a_reader_that_leaves_early_gets_no_broken_pipe_message(db: str) -> None:
    """Issue 13 (defect 9): `cockpit leads | head` printed "Falha do sistema …: Broken pipe"."""
    cockpit = Path(sys.executable).parent / "cockpit"
    process = subprocess.Popen(
        [cockpit, "--db", db, "leads", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    process.stdout.close()  # the reader is gone before the first write
    _, err = process.communicate(timeout=60)
    assert (process.returncode, err) == (0, "")
