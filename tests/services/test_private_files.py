"""Files cockpit writes are private, safe to open in a spreadsheet, and never follow a
planted symlink (issue 20, items 6 and 7)."""

from __future__ import annotations

import csv
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from cockpit_tui.domain.filters import LeadFilter, QuickFilter
from cockpit_tui.services import Services
from cockpit_tui.services.preferences import Preferences
from cockpit_tui.store.backup import backup_store, pg_conninfo_without_password
from cockpit_tui.store.urls import parse_store_url

COCKPIT = [sys.executable, "-c", "from cockpit_tui.cli import main; raise SystemExit(main())"]
FORMULAS = ['=HYPERLINK("http://x")', "+55 11", "-2+3", "@SUM(A1)", "\tx", "\rx"]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_the_rejects_file_neutralises_formulas_is_private_and_round_trips(
    services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "f.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["nome", "telefone", "veiculo"])
        for formula in FORMULAS:
            writer.writerow([formula, "", formula])  # no contact: every row is refused
    target = tmp_path / "victim.txt"
    target.write_text("intact", encoding="utf-8")
    (tmp_path / "f.csv.rejects.csv.partial").symlink_to(target)

    summary = services.intake.import_file(path)

    assert len(summary.rejected) == len(FORMULAS)
    rejects = tmp_path / "f.csv.rejects.csv"
    assert _mode(rejects) == 0o600
    assert target.read_text(encoding="utf-8") == "intact", "the planted symlink was not followed"
    with rejects.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))[1:]
    dangerous = ("=", "+", "-", "@", "\t", "\r")
    assert all(not cell.startswith(dangerous) for row in rows for cell in row)
    # Importing the rejects file again reads each cell back as it was written.
    from cockpit_tui.services.source_files import read_source

    again = read_source(rejects)
    assert [row.fields["name"] for row in again.rows] == FORMULAS


def test_preferences_are_private_and_a_planted_temporary_file_is_not_followed(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "config"
    folder.mkdir(mode=0o700)
    target = tmp_path / "victim.txt"
    target.write_text("intact", encoding="utf-8")
    (folder / "filters.partial").symlink_to(target)
    (folder / ".filters.json.partial").symlink_to(target)
    Preferences(folder, "ana").save_filter(LeadFilter(quick=frozenset({QuickFilter.MINE})))
    assert _mode(folder / "filters.json") == 0o600
    assert target.read_text(encoding="utf-8") == "intact"
    fresh = tmp_path / "new" / "cockpit-tui"
    Preferences(fresh, "ana").save_filter(LeadFilter())
    assert _mode(fresh) == 0o700
    assert _mode(fresh / "filters.json") == 0o600


def test_the_postgresql_password_reaches_pg_dump_through_its_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A pg_dump on PATH that records what it was given, then writes its file.
    record = tmp_path / "seen.txt"
    fake = tmp_path / "bin" / "pg_dump"
    fake.parent.mkdir()
    fake.write_text(
        f"#!{sys.executable}\n"
        "import json, os, sys\n"
        f"open({str(record)!r}, 'w').write(json.dumps([sys.argv, os.environ.get('PGPASSWORD')]))\n"
        "path = [a for a in sys.argv if a.startswith('--file=')][0][7:]\n"
        "open(path, 'wb').write(b'PGDMP')\n",
        encoding="utf-8",
    )
    fake.chmod(0o700)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    url = parse_store_url("postgresql+psycopg://vendas:s%40gredo@db.loja:5432/cockpit")
    destination = tmp_path / "dump.bak"
    backup_store(url, destination)
    argv, password = json.loads(record.read_text(encoding="utf-8"))
    assert password == "s@gredo"
    assert not any("gredo" in arg for arg in argv), argv
    assert "--dbname=postgresql://vendas@db.loja:5432/cockpit" in argv
    assert _mode(destination) == 0o600
    assert destination.read_bytes() == b"PGDMP"


def test_a_url_without_password_is_passed_unchanged() -> None:
    assert pg_conninfo_without_password("postgresql://u@h/db") == ("postgresql://u@h/db", None)


def test_the_store_file_and_its_folder_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    code = subprocess.run(
        [*COCKPIT, "team", "add", "Ana"],
        env={**os.environ, "COCKPIT_DATA_DIR": str(folder)},
        capture_output=True,
        check=False,
    ).returncode
    assert code == 0
    assert _mode(folder) == 0o700
    assert _mode(folder / "store.sqlite") == 0o600
