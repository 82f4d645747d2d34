"""Leads arriving from outside: CSV/JSON files, an NDJSON event feed.

Files are read whole (a store's export is megabytes, not gigabytes), every
row is validated, and the good rows are written in chunks of
:data:`CHUNK_ROWS`, one transaction each: a crash or Ctrl-C leaves every row
either fully in or out, an open board shows each chunk as it commits, and
re-running the same file adds nothing (each row's fingerprint is kept).
A file of 10,000 rows or more into a store holding fewer leads (a dealership
loading its leads) is searched when the import ends, not chunk by chunk:
its index is built beside the store meanwhile
(:mod:`cockpit_tui.store.side_search`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from cockpit_tui.collector import collector_paused
from cockpit_tui.domain.errors import CockpitError, Interrupted
from cockpit_tui.domain.events import IncomingEvent, IngestProblem, parse_event
from cockpit_tui.domain.intake import LeadRecord, Rejection
from cockpit_tui.services.clock import Clock
from cockpit_tui.services.ctrl_c import CtrlC, ctrl_c_held
from cockpit_tui.services.intake_events import QUEUED, EventWriter, Queued, record_consent
from cockpit_tui.services.intake_validation import Checked, checked_parts
from cockpit_tui.services.source_files import SourceFile, read_source, write_rejects
from cockpit_tui.services.source_rows import SourceRow
from cockpit_tui.store.handle import Store

if TYPE_CHECKING:
    from cockpit_tui.store.intake import BatchResult, DryRunMemo
    from cockpit_tui.store.side_search import Batch, SideSearch
    from cockpit_tui.store.transaction import Connection
    from cockpit_tui.store.unmatched import UnmatchedMessage

#: Rows per transaction when importing.
CHUNK_ROWS = 5000
#: Positions in a record's values (:data:`~cockpit_tui.domain.intake.RecordValues`).
_SALESPERSON: Final = 9
_CONSENT: Final = 11

ProgressCallback = Callable[[int, int], None]


@dataclass(slots=True)
class ImportSummary:
    """What an import did (or, with ``dry_run``, would do).

    Attributes:
        imported: New leads.
        merged: Rows added to an existing open lead (same id, phone or e-mail).
        already: Rows imported by an earlier run (nothing done).
        rejected: Rows refused, with their reasons.
        rejects_path: Where the refused rows were written, if any were.
        rejects_unwritable: Where they should have gone, when that folder is not writable.
    """

    imported: int = 0
    merged: int = 0
    already: int = 0
    rejected: list[tuple[SourceRow, Rejection]] = field(default_factory=list)
    rejects_path: Path | None = None
    rejects_unwritable: Path | None = None


def _grew(path: Path, size: int) -> bool:
    """Whether ``path`` is no longer ``size`` bytes long (another program is writing it)."""
    try:
        return path.stat().st_size != size
    except OSError:
        return True


class IntakeService:
    """Imports files and applies events for one salesperson (recorded as the actor).

    Args:
        store: The open store.
        actor: Who is importing.
        clock: Time source.
        zone: Time zone of dates written without one (None: the machine's local time).
    """

    def __init__(self, store: Store, *, actor: str, clock: Clock, zone: tzinfo | None = None):
        self._store = store
        self._actor = actor
        self._clock = clock
        self._zone = zone

    def _join_team(self, names: set[str]) -> None:
        """The salespeople an import named (``vendedor``) join the team: leads can go to them."""
        from cockpit_tui.services.team import TeamService

        team = TeamService(self._store, actor=self._actor, clock=self._clock)
        for name in sorted(names):
            team.add(name)

    def import_file(
        self,
        path: Path,
        *,
        encoding: str | None = None,
        dry_run: bool = False,
        on_progress: ProgressCallback | None = None,
        describe: Callable[[Rejection], str] = lambda rejection: rejection.reason,
    ) -> ImportSummary:
        """Import a file; bad rows go to ``FILE.rejects.csv`` next to it.

        Args:
            path: The CSV or JSON file.
            encoding: Force an encoding instead of UTF-8-then-cp1252.
            dry_run: Validate and count, write nothing.
            on_progress: Called with (rows done, rows to write) after each chunk.
            describe: A refusal's reason in the user's language, for the rejects file.

        Raises:
            InvalidInputError: the file as a whole cannot be read (see :func:`read_source`).
        """
        # An import makes millions of objects that form no cycles; forked validation
        # workers inherit the pause, so they do not walk (and copy) the shared rows either.
        with collector_paused():
            return self._import_file(path, encoding, dry_run, on_progress, describe)

    def _import_file(
        self,
        path: Path,
        encoding: str | None,
        dry_run: bool,
        on_progress: ProgressCallback | None,
        describe: Callable[[Rejection], str],
    ) -> ImportSummary:
        source = read_source(path, encoding=encoding)
        # From here Ctrl-C stops the import between two chunks, after what it put off is
        # done (see services/ctrl_c.py): raised inside a write, it would leave the store locked.
        with ctrl_c_held() as ctrl_c:
            return self._import_rows(path, source, dry_run, on_progress, describe, ctrl_c)

    def _import_rows(
        self,
        path: Path,
        source: SourceFile,
        dry_run: bool,
        on_progress: ProgressCallback | None,
        describe: Callable[[Rejection], str],
        ctrl_c: CtrlC,
    ) -> ImportSummary:
        summary = ImportSummary()
        total = len(source.rows)
        done = 0
        salespeople: set[str] = set()
        with ExitStack() as stack:
            # Started first: the workers check rows while this process loads the write path.
            # Closed last: the workers finish the parts under way while the session ends.
            parts = stack.enter_context(
                checked_parts(source.rows, self._zone, part_rows=CHUNK_ROWS)
            )
            memo = reading = side = None
            if dry_run:
                # Counted in one read transaction (a snapshot): never the write lock.
                from cockpit_tui.store.intake import DryRunMemo

                memo = DryRunMemo()
                read_engine = self._store.engine.execution_options(cockpit_read_only=True)
                reading = stack.enter_context(read_engine.connect())
            else:
                from cockpit_tui.store.import_transactions import import_session

                # Chunks commit without waiting for the disk (the end waits once); into a
                # small store, indexes are built after the rows; the calendar loads now.
                # A big file into a small store: its search index is built beside it.
                session = import_session(self._store.engine, rows=total, now=self._clock.now())
                side = stack.enter_context(session)
            for number, part in enumerate(parts):
                if ctrl_c.requested:
                    parts.cancel()
                    break
                first = number * CHUNK_ROWS
                if first + len(part) >= total and source.open_ended and _grew(path, source.size):
                    # The last line had no line break and the file has grown since:
                    # it was a row still being written, imported whole by the next run.
                    part[-1] = Rejection("intake.incomplete_row")
                chunk = [checked for checked in part if not isinstance(checked, Rejection)]
                if len(chunk) < len(part):
                    # One by one: the rows of most CSV files are parsed when asked for.
                    summary.rejected += [
                        (source.rows[first + index], checked)
                        for index, checked in enumerate(part)
                        if isinstance(checked, Rejection)
                    ]
                if chunk:
                    result = self._write_chunk(chunk, reading=reading, memo=memo, side=side)
                    summary.imported += result.created
                    summary.merged += result.merged
                    summary.already += result.already
                    salespeople |= {name for c in chunk if (name := c[0][_SALESPERSON])}
                done += len(part)
                if on_progress is not None:
                    on_progress(done, total)
        if dry_run:
            if done < total:
                raise KeyboardInterrupt  # nothing was written: the plain Ctrl-C sentence says so
        else:
            self._join_team(salespeople)
            if done < total:
                # Whole chunks are in; a re-run skips them by their fingerprints.
                raise Interrupted("cli.import_interrupted", done=done, total=total)
        rejects = path.with_name(path.name + ".rejects.csv")
        try:
            if summary.rejected and not dry_run:
                write_rejects(rejects, source, summary.rejected, describe)
                summary.rejects_path = rejects
            elif not dry_run and rejects.exists():
                rejects.unlink()  # an old list of refusals would now be wrong
        except OSError:
            # The rows are imported; only the list of refusals has nowhere to go.
            summary.rejects_unwritable = rejects
        return summary

    def _write_chunk(
        self,
        chunk: list[Checked],
        *,
        reading: Connection | None,
        memo: DryRunMemo | None,
        side: SideSearch | None = None,
    ) -> BatchResult:
        """Write one chunk in its own transaction (or count it in the dry run's ``reading``).

        With ``side``, its search documents go to it once the chunk committed.
        """
        from cockpit_tui.store.import_transactions import bulk_write
        from cockpit_tui.store.intake import apply_values

        records, prints, documents = (list(column) for column in zip(*chunk, strict=True))
        now = self._clock.now()
        if reading is not None:
            return apply_values(
                reading, records, actor=self._actor, now=now, dry_run=memo, prints=prints
            )
        searches: list[Batch] = []
        with bulk_write(self._store.engine) as connection:
            result = apply_values(
                connection,
                records,
                actor=self._actor,
                now=now,
                prints=prints,
                documents=documents,
                search_later=None if side is None else searches.append,
            )
            # Consent is rare: only the rows that carry it become records.
            carrying = [LeadRecord(*values) for values in records if values[_CONSENT]]
            record_consent(connection, carrying, "import", self._actor, self._clock.now())
        if side is not None:
            for batch in searches:
                side.add(batch)
        return result

    # -- events ----------------------------------------------------------------

    def unmatched_messages(self) -> list[UnmatchedMessage]:
        """The "sem lead" queue: feed messages that matched no lead yet, oldest first."""
        from cockpit_tui.store import unmatched

        read_engine = self._store.engine.execution_options(cockpit_read_only=True)
        with read_engine.connect() as connection:
            return unmatched.listed(connection)

    def ingest(
        self,
        lines: Iterable[str],
        *,
        on_problem: Callable[[IngestProblem], None],
        on_applied: Callable[[int], None] | None = None,
        on_unmatched: Callable[[int], None] | None = None,
    ) -> tuple[int, int, int]:
        """Apply NDJSON events as they arrive (one transaction each).

        A message that matches no lead is kept in the "sem lead" queue (counted
        as applied, reported through ``on_unmatched`` with its line number).

        Returns:
            (applied, repeated, bad) counts.
        """
        applied = repeated = bad = 0
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                outcome = self._apply_event(line, number)
            except Exception as error:
                # The store failed (lost connection, lock held too long, full disk,
                # damaged file): this event's transaction rolled back, the earlier
                # ones are committed, and a re-run skips them by their ids.
                from cockpit_tui.store.failures import explain_failure

                cause = explain_failure(error, store=self._store.url.describe())
                if cause is None:
                    raise
                raise CockpitError(
                    "error.ingest_interrupted", line=number, count=applied, cause=cause
                ) from error
            if isinstance(outcome, IngestProblem):
                bad += 1
                on_problem(outcome)
            elif outcome is QUEUED:
                applied += 1
                if on_unmatched is not None:
                    on_unmatched(number)
            elif outcome:
                applied += 1
                if on_applied is not None:
                    on_applied(applied)
            else:
                repeated += 1
        return applied, repeated, bad

    def _apply_event(self, line: str, number: int) -> IngestProblem | bool | Queued:
        from cockpit_tui.store.lead_write import lead_write

        parsed = parse_event(line, number, default_at=self._clock.now(), zone=self._zone)
        if isinstance(parsed, IngestProblem):
            return parsed
        now = self._clock.now()
        writer = EventWriter(self._actor, now, self._zone)
        prepared = writer.prepare(parsed, number)
        with lead_write(self._store.engine, actor=self._actor, now=now) as write:
            return writer.apply_in(write, prepared)

    def apply_event(self, event: dict[str, Any], number: int = 1) -> IngestProblem | bool:
        """Apply one decoded event in its own transaction (``cockpit ingest``'s path).

        Also used by ``cockpit serve`` for WhatsApp messages, so an event id is
        applied once whichever way it arrives, through the same parser. A
        message that matches no lead waits in the "sem lead" queue and counts
        as applied.

        Returns:
            True when applied, False when its id was applied before, else the problem.
        """
        line = _encoded(event)
        if line is None:
            return IngestProblem(number, "ingest.not_object", {})
        outcome = self._apply_event(line, number)
        return True if isinstance(outcome, Queued) else outcome

    def apply_events(self, events: Sequence[tuple[int, Any]]) -> list[IngestProblem | bool]:
        """Apply decoded events, in order, in one transaction (``POST /api/v1/events``).

        The same parser and writes as :meth:`apply_event`, one commit for the
        lot: a store failure leaves none of them applied (the caller is told
        and may send them again; their ids keep a resend from doubling them).
        An event refused for its content does not stop the others.

        Args:
            events: (line number, decoded JSON) pairs.

        Returns:
            For each event: True (applied), False (its id was applied before) or the problem.
        """
        from cockpit_tui.store.lead_write import lead_write

        now = self._clock.now()
        parsed: list[tuple[int, IngestProblem | IncomingEvent]] = []
        for number, event in events:
            line = _encoded(event) if isinstance(event, dict) else None
            if line is None:
                parsed.append((number, IngestProblem(number, "ingest.not_object", {})))
            else:
                parsed.append((number, parse_event(line, number, default_at=now, zone=self._zone)))
        writer = EventWriter(self._actor, now, self._zone)
        good = [writer.prepare(e, n) for n, e in parsed if isinstance(e, IncomingEvent)]
        with lead_write(self._store.engine, actor=self._actor, now=now) as write:
            applied = iter(writer.apply_all_in(write, good))
        outcomes: list[IngestProblem | bool] = []
        for _, event in parsed:
            outcome = event if isinstance(event, IngestProblem) else next(applied)
            outcomes.append(True if isinstance(outcome, Queued) else outcome)
        return outcomes


def _encoded(event: object) -> str | None:
    """An event as one JSON line for the parser (None: it cannot be written as JSON)."""
    try:
        return json.dumps(event, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        return None
