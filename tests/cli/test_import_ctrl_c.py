"""Ctrl-C in a terminal during a big `cockpit import`: prompt stop, one sentence, a whole store."""

from __future__ import annotations

import csv
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
from cockpit_tui.store.side_search import MIN_ROWS
from tests.child_processes import alive, children

COCKPIT = [sys.executable, "-c", "from cockpit_tui.cli import main; raise SystemExit(main())"]
#: Six chunks: past the side search's threshold, validated by workers on 2+ cores.
ROWS = max(6 * CHUNK_ROWS, MIN_ROWS)


def _leads(db_file: Path) -> int:
    with sqlite3.connect(db_file) as connection:
        return int(connection.execute("SELECT COUNT(*) FROM lead").fetchone()[0])


def _ctrl_c_as_a_terminal_sends_it() -> None:
    """In the child: Ctrl-C's default action, whatever the test runner set for itself."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_ctrl_c_stops_a_big_import_at_once_leaving_the_store_whole(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["nome", "telefone", "mensagem"])
        for n in range(ROWS):
            writer.writerow([f"Cliente {n}", f"(11) 9{1000 + n // 10:04}-{n % 10:04}", f"Oi {n}"])
    db_file = tmp_path / "c.sqlite"
    url = f"sqlite:///{db_file}"
    open_services(url, actor="setup").close()
    env = {**os.environ, "COCKPIT_USER": "importer", "COCKPIT_LANG": "pt"}
    # Its own process group, signalled as a whole: what a terminal's Ctrl-C does.
    process = subprocess.Popen(
        [*COCKPIT, "--db", url, "import", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
        preexec_fn=_ctrl_c_as_a_terminal_sends_it,
    )
    helpers: set[int] = set()
    try:
        # Once the first chunk is committed (each check is a query: no sleeping).
        deadline = time.monotonic() + 60
        while _leads(db_file) == 0 and process.poll() is None and time.monotonic() < deadline:
            helpers |= children(process.pid)
        helpers |= children(process.pid)
        os.killpg(process.pid, signal.SIGINT)
        said, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    left = {pid for pid in helpers if alive(pid)}
    for pid in left:  # never leave one behind, even when the test fails
        os.kill(pid, signal.SIGKILL)

    count = _leads(db_file)
    assert process.returncode == 130, err
    assert "Traceback" not in said + err
    assert "Exception ignored" not in err
    assert err.strip().splitlines() == [
        f"Importação interrompida: {count} de {ROWS} linhas do arquivo já estão na base "
        "(em blocos inteiros; nada pela metade). Rode o mesmo comando de novo para continuar: "
        "as linhas que já entraram são puladas."
    ]
    assert 0 < count < ROWS
    assert count % CHUNK_ROWS == 0, "whole chunks only"
    if (os.cpu_count() or 1) >= 2:
        assert helpers, "the import had its workers and side search process"
    assert not left, "no helper process outlived the import"
    # The store is whole: what the import put off is done, its search index moved in.
    with sqlite3.connect(db_file) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("SELECT name FROM bulk_deferred").fetchall() == []
        searched = connection.execute("SELECT COUNT(*) FROM lead_search").fetchone()[0]
        indexes = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
        ).fetchall()
    assert searched == count
    assert not list(tmp_path.glob(".c.sqlite.*")), "no side search file left"
    fresh = tmp_path / "fresh.sqlite"
    open_services(f"sqlite:///{fresh}", actor="setup").close()
    with sqlite3.connect(fresh) as connection:
        assert (
            indexes
            == connection.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
            ).fetchall()
        )

    again = subprocess.run(
        [*COCKPIT, "--db", url, "import", str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert again.returncode == 0, again.stderr
    assert f"já importados antes: {count}" in again.stdout
    assert _leads(db_file) == ROWS
