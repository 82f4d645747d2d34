"""Validating an import's rows, on every core for big files, part by part.

Checking each row (its phone above all) and preparing what the store writes
for it (its fingerprint, its search document) is about half of an import's
work, so from :data:`PARALLEL_ROWS` rows on it runs in forked worker
processes while the importing process writes the parts already checked:
the parts come back in file order, one at a time, as the writes need them.

The workers are forked after the file is read, so they already hold its
rows (or, for most CSV files, its lines, whose cells each worker parses for
its parts: :mod:`~cockpit_tui.services.source_lines`): a part is sent as two
numbers and comes back as plain tuples, which pickle an order of magnitude
faster than the records themselves.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import tzinfo

from cockpit_tui.domain.intake import (
    RecordValues,
    Rejection,
    fingerprint_key,
    fingerprint_of,
    validate_values,
)
from cockpit_tui.domain.search_documents import values_document
from cockpit_tui.processes import helper_started
from cockpit_tui.services.source_rows import SourceRow

#: Rows from which validation is shared between processes.
PARALLEL_ROWS = 4000

#: The rows of the file being imported, for the forked workers (set before the fork).
_ROWS: Sequence[SourceRow] = ()

#: A valid row and what the store writes for it, computed where it was validated: its
#: values (``LeadRecord(*values)`` is the record), its fingerprint as the store keeps it
#: (:func:`~cockpit_tui.domain.intake.fingerprint_key` of
#: :meth:`~cockpit_tui.domain.intake.LeadRecord.fingerprint`) and its search document
#: when its customer is new (:func:`~cockpit_tui.domain.search_documents.values_document`).
#: A plain tuple: a part of 5,000 of them crosses between processes as one pickle.
Checked = tuple[RecordValues, int, str]


def check_row(fields: dict[str, str], zone: tzinfo | None) -> Checked | Rejection:
    """Validate one row and prepare its fingerprint and search document."""
    values = validate_values(fields, zone=zone)
    if isinstance(values, Rejection):
        return values
    return (values, fingerprint_key(fingerprint_of(values)), values_document(values))


def check_rows(rows: Sequence[SourceRow], zone: tzinfo | None) -> list[Checked | Rejection]:
    """:func:`check_row` of each of ``rows``, in order."""
    document = values_document
    checked: list[Checked | Rejection] = []
    add = checked.append
    for row in rows:
        values = validate_values(row.fields, zone=zone)
        if isinstance(values, Rejection):
            add(values)
        else:
            add((values, fingerprint_key(fingerprint_of(values)), document(values)))
    return checked


def checked_parts(
    rows: Sequence[SourceRow], zone: tzinfo | None, *, part_rows: int
) -> CheckedParts:
    """Every row checked, in file order, ``part_rows`` rows at a time.

    For a big file on several cores the work starts at once in forked worker
    processes, ahead of the caller, which writes each part while the next
    ones are checked. Any failure to use processes falls back to checking
    here, part by part. Close what this returns (it is a context manager)
    when the caller stops before the last part: the workers end then.
    """
    bounds = [
        (start, min(start + part_rows, len(rows))) for start in range(0, len(rows), part_rows)
    ]
    cores = os.cpu_count() or 1
    pool = None
    if len(rows) >= PARALLEL_ROWS and cores >= 2 and "fork" in mp.get_all_start_methods():
        pool = _start(rows, zone, bounds, cores)
    return CheckedParts(rows, zone, bounds, pool)


def _start(
    rows: Sequence[SourceRow], zone: tzinfo | None, bounds: list[tuple[int, int]], cores: int
) -> tuple[ProcessPoolExecutor, list[Future[list[Checked | Rejection]]]] | None:
    """Fork the workers (they inherit ``rows``) and hand them every part, in order.

    Forked before the store's write path is loaded (SQLAlchemy: a fifth of a
    second), which only this process needs: the workers start on the first
    part meanwhile, loading what only they need (the phone rules) themselves.
    """
    global _ROWS
    _ROWS = rows
    try:
        pool = ProcessPoolExecutor(
            # The importing process writes every row itself (SQLite has one writer):
            # it is the critical path and keeps a core; the workers share the others.
            max_workers=max(1, cores - 1),
            mp_context=mp.get_context("fork"),
            initializer=helper_started,
            initargs=(os.getpid(),),
        )
        return pool, [pool.submit(_check_part, start, end, zone) for start, end in bounds]
    except (OSError, BrokenProcessPool):
        return None
    finally:
        _ROWS = ()  # the workers were forked with it; the caller keeps its own list


class CheckedParts:
    """The checked parts of a file, in order (iterate once), and the workers checking them.

    Args:
        rows: The file's rows.
        zone: Time zone of dates written without one.
        bounds: Each part's (start, end) in ``rows``.
        started: The workers' pool and each part's future, when workers check the rows.
    """

    def __init__(
        self,
        rows: Sequence[SourceRow],
        zone: tzinfo | None,
        bounds: list[tuple[int, int]],
        started: tuple[ProcessPoolExecutor, list[Future[list[Checked | Rejection]]]] | None,
    ) -> None:
        self._rows, self._zone, self._bounds = rows, zone, bounds
        self._pool: ProcessPoolExecutor | None = None
        # A part given is let go: its rows are written by then.
        self._pending: deque[Future[list[Checked | Rejection]]] = deque()
        if started is not None:
            self._pool, futures = started
            self._pending.extend(futures)

    def __iter__(self) -> Iterator[list[Checked | Rejection]]:
        given = 0
        try:
            while self._pending:
                part = self._pending.popleft().result()
                given += 1
                yield part
        except (OSError, BrokenProcessPool):
            self._pending.clear()  # the workers are gone: the rest is checked here
        finally:
            self.close()
        for start, end in self._bounds[given:]:
            yield check_rows(self._rows[start:end], self._zone)

    def cancel(self) -> None:
        """Give up the parts not begun (a caller that stops early); :meth:`close` ends the workers.

        Those under way finish meanwhile, while the caller does its own ending.
        """
        for future in self._pending:
            future.cancel()

    def close(self) -> None:
        """End the workers, the parts not begun cancelled (a caller that stops early)."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> CheckedParts:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _check_part(start: int, end: int, zone: tzinfo | None) -> list[Checked | Rejection]:
    """In a worker: rows ``start``–``end`` of the file, checked."""
    return check_rows(_ROWS[start:end], zone)
