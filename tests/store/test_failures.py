"""Real driver and OS failures become the user's sentence (issue 20, item 8).

Each error here is produced by SQLite or the OS itself (a read-only
connection, a page limit standing in for a full disk, a held lock), not
built by hand, so a change in how they are recognised shows.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.domain.events import IngestProblem
from cockpit_tui.i18n.translate import Translator, describe_error
from cockpit_tui.services import open_services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.store.failures import explain_failure
from tests.conftest import NOW


def _sqlite_error(path: Path, statement: str, *, uri: str | None = None) -> sqlite3.Error:
    connection = sqlite3.connect(uri or str(path), uri=uri is not None, isolation_level=None)
    try:
        connection.execute(statement)
    except sqlite3.Error as error:
        return error
    finally:
        connection.close()
    raise AssertionError("no error")


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / "t.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (x TEXT)")
    return path


def test_a_read_only_store_says_it_cannot_be_written(table: Path) -> None:
    error = _sqlite_error(table, "INSERT INTO t VALUES ('a')", uri=f"file:{table}?mode=ro")
    explained = explain_failure(error, store=str(table))
    assert explained is not None
    assert explained.message_id == "error.store_read_only"
    assert str(table) in describe_error(explained, Translator("en"))


def test_a_full_disk_says_so(table: Path) -> None:
    connection = sqlite3.connect(table, isolation_level=None)
    connection.execute("PRAGMA max_page_count = 2")
    with pytest.raises(sqlite3.Error) as caught:
        connection.execute("INSERT INTO t VALUES (?)", ("x" * 100_000,))
    connection.close()
    explained = explain_failure(caught.value, store=str(table))
    assert explained is not None
    assert explained.message_id == "error.disk_full"
    os_error = OSError(errno.ENOSPC, "No space left on device", "/var/x.bak")
    explained = explain_failure(os_error)
    assert explained is not None
    assert describe_error(explained, Translator("en")).startswith("The disk is full writing to")


def test_a_lock_held_by_another_process_says_busy(table: Path) -> None:
    holder = sqlite3.connect(table, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    waiter = sqlite3.connect(table, isolation_level=None, timeout=0.05)
    try:
        with pytest.raises(sqlite3.Error) as caught:
            waiter.execute("BEGIN IMMEDIATE")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        waiter.close()
    explained = explain_failure(caught.value)
    assert explained is not None
    assert explained.message_id == "error.store_busy"


def test_a_bug_is_not_disguised_as_a_user_error() -> None:
    assert explain_failure(KeyError("x")) is None


def test_an_ingest_cut_by_a_store_failure_says_how_many_were_applied_and_that_a_rerun_is_safe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "feed.sqlite"
    monkeypatch.setattr("cockpit_tui.store.engine.BUSY_TIMEOUT_MS", 100)
    services = open_services(f"sqlite:///{path}", actor="feed", clock=FrozenClock(NOW))
    holder = sqlite3.connect(path, isolation_level=None)

    def feed() -> Iterator[str]:
        for n in range(1, 4):
            if n == 3:
                holder.execute("BEGIN IMMEDIATE")  # another process takes the lock for long
            yield (
                f'{{"event": "lead.created", "id": "e{n}", '
                f'"lead": {{"name": "C {n}", "phone": "1198765432{n}"}}}}'
            )

    problems: list[IngestProblem] = []
    try:
        with pytest.raises(CockpitError) as caught:
            services.intake.ingest(feed(), on_problem=problems.append)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    sentence = describe_error(caught.value, Translator("en"))
    assert sentence.startswith("Ingest stopped at line 3 (2 events applied before it; running it")
    assert "busy" in sentence
    assert len(services.board.leads_in_board_order(None)) == 2
    services.close()
