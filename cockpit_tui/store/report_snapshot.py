"""A few read connections that see one snapshot of the store, for one report.

The manager's report is ~90 small queries; run one after another on the
shared reader they cost more than the report's budget, and a write landing
between two of them could make one figure newer than another. Here each
query runs on one of a few dedicated connections, each inside a read
transaction, so independent queries can run at once (``sqlite3`` and
``psycopg`` release the GIL while a query runs; SQLite in WAL mode lets
readers run beside each other and beside a writer) and every figure comes
from the same state of the store:

- PostgreSQL: the first connection opens a ``REPEATABLE READ READ ONLY``
  transaction and exports its snapshot; the others adopt it
  (``SET TRANSACTION SNAPSHOT``): exactly one snapshot.
- SQLite: a deferred read transaction per connection takes its snapshot at
  its first read; the connections then compare the newest change-log id
  (every lead write appends to the log) and start again, a few times at
  most, if a write landed in between.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from cockpit_tui.store.reader import StoreReader

#: How many times the SQLite connections start their snapshots again when a
#: write lands while they start; after that the report reads on (as before).
_SQLITE_ATTEMPTS = 3
_PG_SNAPSHOT_ID = re.compile(r"[0-9A-Fa-f-]+")


@contextmanager
def report_snapshot(reader: StoreReader, *, connections: int) -> Iterator[list[StoreReader]]:
    """``connections`` new readers of ``reader``'s store, each in a read transaction on one
    snapshot; their connections are closed (the transactions ended) when the block ends."""
    with ExitStack() as stack:
        readers: list[StoreReader] = []
        for _ in range(max(1, connections)):
            sibling = reader.sibling()
            stack.callback(sibling.close)
            readers.append(sibling)
        if readers[0].is_sqlite:
            _begin_sqlite(readers)
        else:
            _begin_postgres(readers)
        yield readers


def _begin_postgres(readers: list[StoreReader]) -> None:
    first, *others = readers
    first.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    row = first.fetchone("SELECT pg_export_snapshot()")
    snapshot = str(row[0]) if row else ""
    if not _PG_SNAPSHOT_ID.fullmatch(snapshot):  # never seen: read on, unshared
        snapshot = ""
    for other in others:
        other.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        if snapshot:
            other.execute(f"SET TRANSACTION SNAPSHOT '{snapshot}'")


def _begin_sqlite(readers: list[StoreReader]) -> None:
    for attempt in range(_SQLITE_ATTEMPTS):
        marks = set()
        for each in readers:
            each.execute("BEGIN DEFERRED")
            marks.add(each.last_change_id())  # the first read takes the snapshot
        if len(marks) == 1 or attempt == _SQLITE_ATTEMPTS - 1:
            return
        for each in readers:
            each.execute("ROLLBACK")
