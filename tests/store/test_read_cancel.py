"""A search read overtaken by more keys is stopped, on SQLite and on PostgreSQL (issue 18).

The board interrupts its search reader when a newer search starts
(``BoardService.interrupt_search``): SQLite through ``interrupt``,
PostgreSQL through a cancel request. Either way the stale read ends with the
store's error (the board drops it with its stale result) and the reader reads
on.
"""

from __future__ import annotations

import threading
import time

from cockpit_tui.domain.errors import StoreUnavailableError
from cockpit_tui.services import Services

#: A read that runs for minutes unless it is stopped.
SLOW_READ = {
    True: "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT 500000000) "
    "SELECT COUNT(*) FROM n",
    False: "SELECT pg_sleep(600)",
}


def test_a_stale_search_read_is_stopped_and_the_reader_reads_on(services: Services) -> None:
    reader = services.store.search_reader
    outcome: list[object] = []

    def read() -> None:
        try:
            reader.fetchall(SLOW_READ[reader.is_sqlite])
        except StoreUnavailableError as error:
            outcome.append(error)
        else:
            outcome.append("ran to its end")

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while thread.is_alive():  # interrupted as soon as it runs (before that, nothing to stop)
        assert time.monotonic() < deadline, "the stale read was never stopped"
        services.board.interrupt_search()
        thread.join(0.05)
    assert len(outcome) == 1
    assert isinstance(outcome[0], StoreUnavailableError), outcome
    assert reader.fetchall("SELECT 1") == [(1,)], "the reader reads on"
    services.board.interrupt_search()  # nothing runs: the next read is left alone
    assert reader.fetchall("SELECT 2") == [(2,)]
