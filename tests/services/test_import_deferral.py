"""An import into a small store builds the lead's indexes after its rows (SQLite, issue 18).

(Its write-ahead log is also copied into the database on a thread of its own.)

While they are missing, another board must still read every landed row
right (counts, order, search); whatever ends the import — its end, a failed
chunk, a killed process — the store ends up with exactly the indexes and
search settings a store that never imported has.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from cockpit_tui.domain.filters import LeadFilter
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services, open_services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.store.checkpointer import Checkpointer
from cockpit_tui.store.handle import open_store
from cockpit_tui.store.import_deferral import defer_for_import, restore_deferred
from tests.import_files import SMALL_CHUNK, fail_in_second_chunk, lead_file


def _schema(path: Path) -> dict[str, object]:
    """The indexes and search settings of a store, and what is still deferred."""
    with sqlite3.connect(path) as connection:
        indexes = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
        ).fetchall()
        search = connection.execute(
            "SELECT k, v FROM lead_search_config WHERE k != 'version' ORDER BY k"
        ).fetchall()
        deferred = connection.execute("SELECT name FROM bulk_deferred").fetchall()
    return {"indexes": indexes, "search": search, "deferred": deferred}


def _checkpointers() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "cockpit-checkpoint"]


def _index_names(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        return {str(name) for (name,) in rows}


@pytest.fixture
def untouched(tmp_path: Path) -> dict[str, object]:
    """The schema of a new store that never imported anything."""
    path = tmp_path / "untouched.sqlite"
    open_store(f"sqlite:///{path}").close()
    found = _schema(path)
    found["search"] = [("automerge", 4)]  # what an import leaves: FTS5's default, written out
    return found


def test_a_board_reads_every_landed_row_while_the_indexes_wait_for_the_import_to_end(
    tmp_path: Path, clock: FrozenClock, small_chunks: int, untouched: dict[str, object]
) -> None:
    path = tmp_path / "store.sqlite"
    url = f"sqlite:///{path}"
    importing = open_services(url, actor="Ana", clock=clock)
    board = open_services(url, actor="Bruno", clock=clock).board
    seen: list[int] = []

    def landed(done: int, _total: int) -> None:
        # Deferred while the rows land: the board's index is not there.
        assert "ix_lead_board" not in _index_names(path)
        assert board.counts()[Status.NEW] == done
        # Every row arrived "now": the board's order is the newest id first.
        order = [card.id for card in board.leads_in_board_order(Status.NEW)]
        assert order == list(range(done, 0, -1))
        scope = board.scope(LeadFilter(search=f"q{done - 1:03}x"))
        assert scope is not None
        found = board.first_pages(scope, limit=5)[Status.NEW]
        assert [card.id for card in found.cards] == [done]
        seen.append(done)

    try:
        summary = importing.intake.import_file(
            lead_file(tmp_path / "a.csv", 20), on_progress=landed
        )
    finally:
        importing.close()
    assert summary.imported == 20
    assert seen == [7, 14, 20]
    assert _schema(path) == untouched
    assert not _checkpointers(), "the import's checkpoint thread ended with it"
    assert board.counts()[Status.NEW] == 20


def test_a_store_holding_more_leads_than_the_file_keeps_its_indexes(
    tmp_path: Path, clock: FrozenClock, small_chunks: int, untouched: dict[str, object]
) -> None:
    path = tmp_path / "store.sqlite"
    services = open_services(f"sqlite:///{path}", actor="Ana", clock=clock)
    try:
        services.intake.import_file(lead_file(tmp_path / "a.csv", 20))
        during: list[dict[str, object]] = []
        summary = services.intake.import_file(
            lead_file(tmp_path / "b.csv", 10, first=20),
            on_progress=lambda _done, _total: during.append(_schema(path)),
        )
    finally:
        services.close()
    assert summary.imported == 10
    assert during == [untouched, untouched]


def test_a_failed_import_still_builds_the_indexes(
    tmp_path: Path,
    clock: FrozenClock,
    small_chunks: int,
    untouched: dict[str, object],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fail_in_second_chunk(monkeypatch)
    path = tmp_path / "store.sqlite"
    services = open_services(f"sqlite:///{path}", actor="Ana", clock=clock)
    try:
        with pytest.raises(OSError, match="disk gone"):
            services.intake.import_file(lead_file(tmp_path / "a.csv", 20))
        assert services.board.counts()[Status.NEW] == SMALL_CHUNK, "one whole chunk"
    finally:
        services.close()
    assert _schema(path) == untouched
    assert not _checkpointers()


def _dead_pid() -> int:
    """The id of a process that has exited (and been reaped)."""
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def test_opening_the_store_builds_what_a_killed_import_left_deferred(
    tmp_path: Path, clock: FrozenClock, untouched: dict[str, object]
) -> None:
    path = tmp_path / "store.sqlite"
    url = f"sqlite:///{path}"
    services: Services = open_services(url, actor="Ana", clock=clock)
    try:
        assert defer_for_import(services.store.engine, rows=100)
        with services.store.engine.begin() as connection:
            # The importing process still runs (here: our parent, alive).
            connection.exec_driver_sql("UPDATE bulk_deferred SET owner_pid = ?", (os.getppid(),))
    finally:
        services.close()
    open_store(url).close()
    assert "ix_lead_board" not in _index_names(path)
    assert _schema(path)["deferred"], "left to the running import"

    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE bulk_deferred SET owner_pid = ?", (_dead_pid(),))
    open_store(url).close()
    assert _schema(path) == untouched


def test_restoring_twice_or_with_nothing_deferred_changes_nothing(
    tmp_path: Path, clock: FrozenClock, untouched: dict[str, object]
) -> None:
    path = tmp_path / "store.sqlite"
    services = open_services(f"sqlite:///{path}", actor="Ana", clock=clock)
    try:
        assert defer_for_import(services.store.engine, rows=1)
        assert not defer_for_import(services.store.engine, rows=1), "already deferred"
        restore_deferred(services.store.engine)
        restore_deferred(services.store.engine)
    finally:
        services.close()
    assert _schema(path) == untouched


def _once_the_imports_writes_end(monkeypatch: pytest.MonkeyPatch, then: Callable[[], None]) -> None:
    """Run ``then`` when the import's checkpointer closes: its last write (index or move) is in."""
    close = Checkpointer.close

    def closed_then(checkpointer: Checkpointer) -> None:
        close(checkpointer)
        then()

    monkeypatch.setattr(Checkpointer, "close", closed_then)


#: A file of 20 rows with its search index built beside the store, or chunk by chunk.
_SEARCH_INDEXED = pytest.mark.parametrize(
    "side_search_from", [1, 1000], ids=["search index beside", "search index in the chunks"]
)


@_SEARCH_INDEXED
def test_a_colleagues_write_as_the_import_ends_does_not_fail_the_finished_import(
    tmp_path: Path,
    clock: FrozenClock,
    small_chunks: int,
    untouched: dict[str, object],
    monkeypatch: pytest.MonkeyPatch,
    side_search_from: int,
) -> None:
    monkeypatch.setattr("cockpit_tui.store.side_search.MIN_ROWS", side_search_from)
    monkeypatch.setattr("cockpit_tui.store.engine.BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "store.sqlite"
    services = open_services(f"sqlite:///{path}", actor="Ana", clock=clock)
    colleague = sqlite3.connect(path, isolation_level=None)

    def colleague_begins_a_write() -> None:
        colleague.execute("BEGIN IMMEDIATE")

    _once_the_imports_writes_end(monkeypatch, colleague_begins_a_write)
    try:
        summary = services.intake.import_file(lead_file(tmp_path / "a.csv", 20))
        assert summary.imported == 20
        assert colleague.in_transaction, "the colleague held the write lock meanwhile"
    finally:
        colleague.close()
        services.close()
    assert _schema(path) == untouched


@_SEARCH_INDEXED
def test_an_import_leaves_alone_what_another_import_deferred_after_its_last_write(
    tmp_path: Path,
    clock: FrozenClock,
    small_chunks: int,
    untouched: dict[str, object],
    monkeypatch: pytest.MonkeyPatch,
    side_search_from: int,
) -> None:
    monkeypatch.setattr("cockpit_tui.store.side_search.MIN_ROWS", side_search_from)
    path = tmp_path / "store.sqlite"
    url = f"sqlite:///{path}"
    services = open_services(url, actor="Ana", clock=clock)
    other = open_services(url, actor="Bruno", clock=clock)
    begun: list[bool] = []
    _once_the_imports_writes_end(
        monkeypatch, lambda: begun.append(defer_for_import(other.store.engine, rows=1000))
    )
    try:
        summary = services.intake.import_file(lead_file(tmp_path / "a.csv", 20))
        assert summary.imported == 20
        assert begun == [True], "the other import began as this one ended"
        assert "ix_lead_board" not in _index_names(path), "the other import's to build"
        assert _schema(path)["deferred"]
        restore_deferred(other.store.engine)  # the other import ends
    finally:
        services.close()
        other.close()
    assert _schema(path) == untouched
