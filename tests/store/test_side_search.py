"""An import into a store with an empty search index builds it beside the store (SQLite).

The documents go to a file next to the store, filled by a process of its
own, and move into the store when the import ends: every reader (pooled
connections that searched before, another store handle, another process)
then finds every imported lead; what other writers did meanwhile survives;
a failed side process, a failed move or a killed import still ends with a
whole search index.
"""

from __future__ import annotations

import csv
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cockpit_tui.domain.filters import LeadFilter
from cockpit_tui.domain.lead_edits import EditableField
from cockpit_tui.domain.lead_entry import NewLead
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services, open_services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.store.handle import open_store
from cockpit_tui.store.side_search import SIDE_RECORD
from tests.import_files import SMALL_CHUNK, lead_file


@pytest.fixture(autouse=True)
def small_files_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests' files of a few rows are indexed beside the store as a big file's are."""
    monkeypatch.setattr("cockpit_tui.store.side_search.MIN_ROWS", 1)


def _found(services: Services, text: str) -> set[int]:
    where = services.board.scope(LeadFilter(search=text))
    assert where is not None
    return {
        card.id
        for status in Status
        for card in services.board.cards_at(status, offset=0, limit=100, where=where)
    }


def _side_files(store: Path) -> list[Path]:
    return sorted(store.parent.glob(f".{store.name}.*.search"))


def _lead_of_row(store: Path, n: int) -> int:
    """The lead the file's row ``n`` became (found by its phone)."""
    with sqlite3.connect(store) as connection:
        row = connection.execute(
            "SELECT l.id FROM lead l JOIN customer c ON c.id = l.customer_id WHERE c.phone LIKE ?",
            (f"%98765{n:04}",),
        ).fetchone()
    assert row is not None
    return int(row[0])


def _assert_whole(store: Path) -> None:
    """FTS5's own check of the index against its documents, and nothing left to restore."""
    with sqlite3.connect(store) as connection:
        connection.execute(
            "INSERT INTO lead_search (lead_search, rank) VALUES ('integrity-check', 1)"
        )
        assert connection.execute("SELECT name FROM bulk_deferred").fetchall() == []
        leads = connection.execute("SELECT COUNT(*) FROM lead").fetchone()
        assert connection.execute("SELECT COUNT(*) FROM lead_search").fetchone() == leads
    assert _side_files(store) == []


def _searched_in_another_process(store: Path, texts: list[str]) -> list[list[int]]:
    script = textwrap.dedent(
        """
        import json, sqlite3, sys
        from cockpit_tui.store.search_sql import trigram_query
        connection = sqlite3.connect(sys.argv[1])
        print(json.dumps([
            [row[0] for row in connection.execute(
                "SELECT rowid FROM lead_search WHERE lead_search MATCH ? AND instr(doc, ?) > 0"
                " ORDER BY rowid",
                (trigram_query([text]), text),
            )]
            for text in sys.argv[2:]
        ]))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(store), *texts],
        check=True,
        capture_output=True,
        text=True,
    )
    import json

    found: list[list[int]] = json.loads(done.stdout)
    return found


def test_every_reader_finds_every_imported_lead_once_the_side_index_moves_in(
    tmp_path: Path, clock: FrozenClock, small_chunks: int
) -> None:
    store = tmp_path / "store.sqlite"
    url = f"sqlite:///{store}"
    importing = open_services(url, actor="Ana", clock=clock)
    store.chmod(0o640)
    board = open_services(url, actor="Bruno", clock=clock)
    # Both handles' pooled connections read the (empty) index before the import.
    assert _found(board, "q000x") == set() == _found(importing, "q000x")
    during: list[tuple[list[int], set[int]]] = []

    def landed(done: int, _total: int) -> None:
        sides = _side_files(store)
        during.append(([side.stat().st_mode & 0o777 for side in sides], _found(board, "cliente")))
        assert board.board.counts()[Status.NEW] == done, "the board shows the rows as they land"

    try:
        summary = importing.intake.import_file(
            lead_file(tmp_path / "a.csv", 20), on_progress=landed
        )
        assert summary.imported == 20
        assert during == [([0o640], set())] * 3, "one side file, the store's mode; search waits"
        everyone = [{n + 1} for n in range(20)]
        assert [_found(importing, f"q{n:03}x") for n in range(20)] == everyone
        assert [_found(board, f"q{n:03}x") for n in range(20)] == everyone
        assert _found(board, "cliente") == set(range(1, 21))
    finally:
        importing.close()
        board.close()
    again = open_services(url, actor="Caio", clock=clock)
    try:
        assert _found(again, "98765-0013") == {14}
    finally:
        again.close()
    texts = [f"q{n:03}x" for n in range(20)]
    assert _searched_in_another_process(store, texts) == [[n + 1] for n in range(20)]
    _assert_whole(store)


def test_a_row_merged_into_an_earlier_chunks_lead_is_searched_with_its_message(
    tmp_path: Path, clock: FrozenClock, small_chunks: int
) -> None:
    source = lead_file(tmp_path / "a.csv", 10)
    with source.open("a", encoding="utf-8", newline="") as out:
        csv.writer(out, delimiter=";").writerow(
            ["Cliente Q000X", "(11) 98765-0000", "Quero test drive"]
        )
    store = tmp_path / "store.sqlite"
    services = open_services(f"sqlite:///{store}", actor="Ana", clock=clock)
    try:
        summary = services.intake.import_file(source)
        assert (summary.imported, summary.merged) == (10, 1)
        assert _found(services, "test drive") == {1} == _found(services, "q000x")
    finally:
        services.close()
    _assert_whole(store)


def test_a_file_too_small_to_gain_indexes_each_chunk_as_it_lands(
    tmp_path: Path, clock: FrozenClock, small_chunks: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("cockpit_tui.store.side_search.MIN_ROWS", 21)
    store = tmp_path / "store.sqlite"
    services = open_services(f"sqlite:///{store}", actor="Ana", clock=clock)
    seen: list[tuple[list[Path], set[int]]] = []
    try:
        services.intake.import_file(
            lead_file(tmp_path / "a.csv", 20),
            on_progress=lambda done, _total: seen.append(
                (_side_files(store), _found(services, f"q{done - 1:03}x"))
            ),
        )
    finally:
        services.close()
    assert seen == [([], {done}) for done in (7, 14, 20)]
    _assert_whole(store)


def test_a_store_holding_more_documents_than_the_file_has_rows_indexes_chunk_by_chunk(
    tmp_path: Path, clock: FrozenClock, small_chunks: int
) -> None:
    store = tmp_path / "store.sqlite"
    services = open_services(f"sqlite:///{store}", actor="Ana", clock=clock)
    seen: list[tuple[list[Path], set[int]]] = []
    try:
        services.intake.import_file(lead_file(tmp_path / "a.csv", 30))
        summary = services.intake.import_file(
            lead_file(tmp_path / "b.csv", 20, first=30),
            on_progress=lambda done, _total: seen.append(
                (_side_files(store), _found(services, f"q{29 + done:03}x"))
            ),
        )
    finally:
        services.close()
    assert summary.imported == 20
    assert seen == [([], {30 + done}) for done in (7, 14, 20)]
    _assert_whole(store)


def test_a_small_store_keeps_its_leads_searchable_and_gains_the_imported_ones_at_the_end(
    tmp_path: Path, clock: FrozenClock, small_chunks: int
) -> None:
    store = tmp_path / "store.sqlite"
    url = f"sqlite:///{store}"
    services = open_services(url, actor="Ana", clock=clock)
    other = open_services(url, actor="Bruno", clock=clock)
    source = lead_file(tmp_path / "b.csv", 20, first=5)
    with source.open("a", encoding="utf-8", newline="") as out:  # a row for a stored lead
        csv.writer(out, delimiter=";").writerow(
            ["Cliente Q000X", "(11) 98765-0000", "Quero test drive"]
        )
    during: list[tuple[list[int], set[int], set[int]]] = []

    def between_chunks(done: int, _total: int) -> None:
        sides = _side_files(store)
        during.append(([len(sides)], _found(other, "q000x"), _found(other, "q005x")))
        if done == SMALL_CHUNK:
            other.edits.edit(2, {EditableField.NAME: "Renomeado Silva"})

    try:
        services.intake.import_file(lead_file(tmp_path / "a.csv", 5))
        summary = services.intake.import_file(source, on_progress=between_chunks)
        assert (summary.imported, summary.merged) == (20, 1)
        assert during == [([1], {1}, set())] * 3, "the stored leads are found; the new, not yet"
        assert _found(other, "test drive") == {1} == _found(services, "q000x")
        assert _found(other, "renomeado") == {2}
        assert _found(other, "q001x") == set()
        kept = [0, *range(2, 25)]
        assert [_found(services, f"q{n:03}x") for n in kept] == [{n + 1} for n in kept]
    finally:
        services.close()
        other.close()
    _assert_whole(store)


def test_what_others_write_during_the_import_survives_the_move(
    tmp_path: Path, clock: FrozenClock, small_chunks: int
) -> None:
    store = tmp_path / "store.sqlite"
    url = f"sqlite:///{store}"
    importing = open_services(url, actor="Ana", clock=clock)
    other = open_services(url, actor="Bruno", clock=clock)
    erased: list[int] = []
    walk_in: list[int] = []

    def between_chunks(done: int, _total: int) -> None:
        if done == SMALL_CHUNK:  # leads of the first chunk: renamed, erased; a walk-in arrives
            other.edits.edit(_lead_of_row(store, 1), {EditableField.NAME: "Renomeado Silva"})
            lead = _lead_of_row(store, 2)
            with sqlite3.connect(store) as connection:
                (customer,) = connection.execute(
                    "SELECT customer_id FROM lead WHERE id = ?", (lead,)
                ).fetchone()
            other.customers.erase(int(customer))
            erased.append(lead)
            card = other.entry.create(
                NewLead(name="Zeferino Andrade", phone="11912345678", source="Loja"),
                assign_to=None,
            )
            walk_in.append(card.id)
        elif done == 2 * SMALL_CHUNK:  # a lead of the second chunk: its vehicle corrected
            other.edits.edit(_lead_of_row(store, 9), {EditableField.VEHICLE: "Fusca Azul"})

    try:
        summary = importing.intake.import_file(
            lead_file(tmp_path / "a.csv", 20), on_progress=between_chunks
        )
        assert summary.imported == 20
        assert _found(other, "renomeado") == {_lead_of_row(store, 1)}
        assert _found(other, "q001x") == set(), "the old name is no longer searched"
        assert _found(other, "q002x") == set(), "the erased customer stays erased"
        assert _found(other, "zeferino") == set(walk_in)
        assert _found(other, "fusca") == {_lead_of_row(store, 9)}
        untouched = [n for n in range(20) if n not in (1, 2)]
        assert [_found(importing, f"q{n:03}x") for n in untouched] == [
            {_lead_of_row(store, n)} for n in untouched
        ]
        assert _found(other, "987650002") == set(), "nor its phone"
        assert erased[0] in _found(other, "removido"), "searched as what the erasure left"
    finally:
        importing.close()
        other.close()
    _assert_whole(store)


KILLED_IMPORT = """
import os, signal, sys
from pathlib import Path
import cockpit_tui.services.intake as intake
import cockpit_tui.store.side_search as side_search
from cockpit_tui.services import open_services

intake.CHUNK_ROWS = 7
side_search.MIN_ROWS = 1

def landed(done, _total):
    if done == 14:
        os.kill(os.getpid(), signal.SIGKILL)

services = open_services(sys.argv[1], actor="Ana")
services.intake.import_file(Path(sys.argv[2]), on_progress=landed)
"""


def test_the_next_open_rebuilds_the_search_index_of_a_killed_import(
    tmp_path: Path, clock: FrozenClock
) -> None:
    store = tmp_path / "store.sqlite"
    url = f"sqlite:///{store}"
    open_store(url).close()
    source = lead_file(tmp_path / "a.csv", 20)
    killed = subprocess.run([sys.executable, "-c", KILLED_IMPORT, url, str(source)], check=False)
    assert killed.returncode == -9
    assert len(_side_files(store)) == 1, "left behind by the killed import"
    with sqlite3.connect(store) as connection:
        names = {name for (name,) in connection.execute("SELECT name FROM bulk_deferred")}
        assert SIDE_RECORD in names

    services = open_services(url, actor="Ana", clock=clock)
    try:
        assert services.board.counts()[Status.NEW] == 14, "two whole chunks"
        assert [_found(services, f"q{n:03}x") for n in range(14)] == [{n + 1} for n in range(14)]
    finally:
        services.close()
    _assert_whole(store)


KILLED_AT_THE_MOVE = """
import os, signal, sys
from pathlib import Path
import cockpit_tui.services.intake as intake
import cockpit_tui.store.side_search as side_search
from cockpit_tui.services import open_services

intake.CHUNK_ROWS = 7
side_search.MIN_ROWS = 1
move_into_store, move = side_search.move_into_store, side_search._move

def killed_before(*_args):
    os.kill(os.getpid(), signal.SIGKILL)

def killed_during(connection):  # the index swapped in, not committed
    move(connection)
    os.kill(os.getpid(), signal.SIGKILL)

if sys.argv[3] == "before the move":
    side_search.move_into_store = killed_before
else:
    side_search._move = killed_during
services = open_services(sys.argv[1], actor="Ana")
services.intake.import_file(Path(sys.argv[2]))
"""


def _lead_indexes(store: Path) -> list[str]:
    with sqlite3.connect(store) as connection:
        rows = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'lead' "
            "AND sql IS NOT NULL ORDER BY name"
        )
        return [str(name) for (name,) in rows]


@pytest.mark.parametrize("moment", ["before the move", "during the move"])
def test_the_next_open_searches_every_lead_of_an_import_killed_as_its_index_moves_in(
    tmp_path: Path, clock: FrozenClock, moment: str
) -> None:
    store = tmp_path / "store.sqlite"
    url = f"sqlite:///{store}"
    open_store(url).close()
    every_index = _lead_indexes(store)
    assert len(every_index) == 11
    source = lead_file(tmp_path / "a.csv", 20)
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_AT_THE_MOVE, url, str(source), moment], check=False
    )
    assert killed.returncode == -9
    assert _lead_indexes(store) == every_index, "built before the move"
    assert len(_side_files(store)) == 1, "left behind by the killed import"
    with sqlite3.connect(store) as connection:
        assert connection.execute("SELECT name FROM bulk_deferred").fetchall() == [(SIDE_RECORD,)]
        assert connection.execute("SELECT COUNT(*) FROM lead_search").fetchone() == (0,)

    services = open_services(url, actor="Ana", clock=clock)
    try:
        assert services.board.counts()[Status.NEW] == 20
        assert [_found(services, f"q{n:03}x") for n in range(20)] == [{n + 1} for n in range(20)]
    finally:
        services.close()
    assert _lead_indexes(store) == every_index
    _assert_whole(store)


@pytest.mark.parametrize(
    "failing", ["side process", "side process killed", "side process stuck", "no process", "move"]
)
def test_a_failed_side_index_is_rebuilt_from_the_leads_when_the_import_ends(
    tmp_path: Path,
    clock: FrozenClock,
    small_chunks: int,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
    failing: str,
) -> None:
    import multiprocessing
    import os
    import signal
    import threading

    import cockpit_tui.store.side_search as side_search

    def fails(*_args: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    def killed(*_args: object) -> None:  # in the side process (forked: it runs this copy)
        os.kill(os.getpid(), signal.SIGKILL)

    def stuck(*_args: object) -> None:  # in the side process: never returns, never exits
        threading.Event().wait()

    def refused(*_args: object) -> None:
        raise OSError("Resource temporarily unavailable")

    if failing == "move":
        monkeypatch.setattr(side_search, "move_into_store", fails)
    elif failing == "no process":
        monkeypatch.setattr(multiprocessing.get_context("fork").Process, "start", refused)
    else:
        chosen = {"side process": fails, "side process killed": killed, "side process stuck": stuck}
        monkeypatch.setattr(side_search.SideSearch, "_write", chosen[failing])
        monkeypatch.setattr(side_search, "CLOSE_WAIT_S", 0.5)
    store = tmp_path / "store.sqlite"
    services = open_services(f"sqlite:///{store}", actor="Ana", clock=clock)
    try:
        summary = services.intake.import_file(lead_file(tmp_path / "a.csv", 20))
        assert summary.imported == 20
        assert multiprocessing.active_children() == [], "the side process ended with the import"
        assert [_found(services, f"q{n:03}x") for n in range(20)] == [{n + 1} for n in range(20)]
    finally:
        services.close()
    assert capfd.readouterr().err == "", "no traceback for the user"
    _assert_whole(store)


def test_the_store_engine_lets_plain_sql_write_the_shadow_tables(tmp_path: Path) -> None:
    """Under SQLITE_DBCONFIG_DEFENSIVE, FTS5 shadow tables are read-only; the move writes them."""
    store = tmp_path / "store.sqlite"
    handle = open_store(f"sqlite:///{store}")
    try:
        with handle.engine.begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO lead_search_idx SELECT * FROM lead_search_idx WHERE 0"
            )
            connection.exec_driver_sql("DELETE FROM lead_search_idx WHERE 0")
    finally:
        handle.close()
