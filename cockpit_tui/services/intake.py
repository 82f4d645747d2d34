"""Leads arriving from outside: CSV/JSON files, an NDJSON event feed.

Files are read whole (a store's export is megabytes, not gigabytes), every
row is validated, and the good rows are written in chunks of
:data:`CHUNK_ROWS`, one transaction each: a crash or Ctrl-C leaves every row
either fully in or out, an open board shows each chunk as it commits, and
re-running the same file adds nothing (each row's fingerprint is kept).
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cockpit_tui.domain.intake import LeadRecord, Rejection, field_of, validate
from cockpit_tui.services.clock import Clock
from cockpit_tui.services.source_files import SourceRow, read_source, write_rejects
from cockpit_tui.store.handle import Store

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

    from cockpit_tui.store.intake import BatchResult

#: Rows per transaction when importing.
CHUNK_ROWS = 2000

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


@dataclass(frozen=True, slots=True)
class IngestProblem:
    """A bad line of an event feed.

    Attributes:
        line: Line number in the feed.
        reason: Catalog id of the reason.
        values: Values for the sentence.
    """

    line: int
    reason: str
    values: dict[str, str]


#: Rows from which validation is shared between processes.
PARALLEL_ROWS = 4000


def validate_all(rows: list[SourceRow], zone: tzinfo | None) -> list[LeadRecord | Rejection]:
    """Validate every row, on every core for big files.

    Checking a phone with phonenumbers is most of an import's time. For a big
    file the rows are split between worker processes (forked, so they start
    with phonenumbers loaded), while this process loads the write path
    (SQLAlchemy, another ~0.4 s) in the meantime. Any failure to use
    processes falls back to validating here.
    """
    cores = os.cpu_count() or 1
    if len(rows) < PARALLEL_ROWS or cores < 2 or "fork" not in mp.get_all_start_methods():
        return [validate(row.fields, zone=zone) for row in rows]
    import phonenumbers  # noqa: F401  (loaded before the fork, so workers share it)

    fields = [row.fields for row in rows]
    size = -(-len(fields) // cores)
    parts = [fields[start : start + size] for start in range(0, len(fields), size)]
    try:
        with ProcessPoolExecutor(max_workers=cores, mp_context=mp.get_context("fork")) as pool:
            pending = [pool.submit(_validate_part, part, zone) for part in parts]
            from cockpit_tui.store import engine  # noqa: F401  (loads while workers validate)

            return [checked for future in pending for checked in future.result()]
    except (OSError, BrokenProcessPool):
        return [validate(row.fields, zone=zone) for row in rows]


def _validate_part(part: list[dict[str, str]], zone: tzinfo | None) -> list[LeadRecord | Rejection]:
    return [validate(fields, zone=zone) for fields in part]


class _DryRunError(Exception):
    """Raised inside a dry run's transaction to roll it back."""


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
        from cockpit_tui.store.engine import write_connection
        from cockpit_tui.store.intake import apply_records

        source = read_source(path, encoding=encoding)
        summary = ImportSummary()
        valid: list[LeadRecord] = []
        for row, checked in zip(source.rows, validate_all(source.rows, self._zone), strict=True):
            if isinstance(checked, Rejection):
                summary.rejected.append((row, checked))
            else:
                valid.append(checked)
        total = len(valid)
        chunks = [valid[start : start + CHUNK_ROWS] for start in range(0, total, CHUNK_ROWS)]
        done = 0

        def count(result: BatchResult, size: int) -> None:
            nonlocal done
            summary.imported += result.created
            summary.merged += result.merged
            summary.already += result.already
            done += size
            if on_progress is not None:
                on_progress(done, total)

        if dry_run:
            with _rolled_back(self._store) as connection:
                for chunk in chunks:
                    result = apply_records(
                        connection, chunk, actor=self._actor, now=self._clock.now()
                    )
                    count(result, len(chunk))
        else:
            for chunk in chunks:
                with write_connection(self._store.engine) as connection:
                    result = apply_records(
                        connection, chunk, actor=self._actor, now=self._clock.now()
                    )
                    _record_consent(connection, chunk, "import", self._actor, self._clock.now())
                count(result, len(chunk))
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

    # -- events ----------------------------------------------------------------

    def ingest(
        self,
        lines: Iterable[str],
        *,
        on_problem: Callable[[IngestProblem], None],
        on_applied: Callable[[int], None] | None = None,
    ) -> tuple[int, int, int]:
        """Apply NDJSON events as they arrive (one transaction each).

        Returns:
            (applied, repeated, bad) counts.
        """
        applied = repeated = bad = 0
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            outcome = self._apply_event(line, number)
            if isinstance(outcome, IngestProblem):
                bad += 1
                on_problem(outcome)
            elif outcome:
                applied += 1
                if on_applied is not None:
                    on_applied(applied)
            else:
                repeated += 1
        return applied, repeated, bad

    def _apply_event(self, line: str, number: int) -> IngestProblem | bool:
        try:
            event = json.loads(line)
        except json.JSONDecodeError:
            return IngestProblem(number, "ingest.not_json", {})
        if not isinstance(event, dict):
            return IngestProblem(number, "ingest.not_object", {})
        kind = event.get("event")
        event_id = event.get("id")
        if not isinstance(kind, str) or not kind:
            return IngestProblem(number, "ingest.missing_field", {"field": "event"})
        if kind not in ("lead.created", "message.received"):
            return IngestProblem(number, "ingest.unknown_event", {"event": kind[:60]})
        if not isinstance(event_id, str | int) or str(event_id).strip() == "":
            return IngestProblem(number, "ingest.missing_field", {"field": "id"})
        at = self._clock.now()
        if event.get("at") is not None:
            from cockpit_tui.domain.intake import parse_when

            parsed = parse_when(str(event["at"]), self._zone)
            if parsed is None:
                return IngestProblem(number, "ingest.bad_field", {"field": "at"})
            at = parsed
        if kind == "lead.created":
            return self._lead_created(event, str(event_id), at, number)
        return self._message_received(event, str(event_id), at, number)

    def _lead_created(
        self, event: dict[str, Any], event_id: str, at: datetime, number: int
    ) -> IngestProblem | bool:
        from cockpit_tui.store.engine import write_session
        from cockpit_tui.store.intake import apply_records, event_seen, remember_event

        lead = event.get("lead")
        if not isinstance(lead, dict):
            return IngestProblem(number, "ingest.missing_field", {"field": "lead"})
        fields = {
            name: value if isinstance(value, str) else json.dumps(value)
            for key, value in lead.items()
            if (name := field_of(str(key))) is not None and value is not None
        }
        checked = validate(fields, zone=self._zone)
        if isinstance(checked, Rejection):
            return IngestProblem(number, checked.reason, dict(checked.values))
        if checked.created_at is None:
            from dataclasses import replace

            checked = replace(checked, created_at=at)
        with write_session(self._store.engine) as session:
            if event_seen(session, event_id=event_id):
                return False
            apply_records(
                session.connection(),
                [checked],
                actor=self._actor,
                now=self._clock.now(),
                fingerprints=False,
            )
            _record_consent(session, [checked], "ingest", self._actor, self._clock.now())
            remember_event(session, event_id=event_id, at=self._clock.now())
        return True

    def _message_received(
        self, event: dict[str, Any], event_id: str, at: datetime, number: int
    ) -> IngestProblem | bool:
        from cockpit_tui.domain.sanitize import clean_message
        from cockpit_tui.services.leads import add_inbound_message
        from cockpit_tui.store.intake import event_seen, remember_event
        from cockpit_tui.store.lead_write import lead_write

        body = clean_message(event.get("text") or "")
        if not body:
            return IngestProblem(number, "ingest.missing_field", {"field": "text"})
        with lead_write(self._store.engine, actor=self._actor, now=self._clock.now()) as write:
            session = write.session
            if event_seen(session, event_id=event_id):
                return False
            lead_id = _find_lead(session, event)
            if lead_id is None:
                return IngestProblem(number, "ingest.unknown_lead", {})
            add_inbound_message(write, write.lead(lead_id), body, at=at)
            remember_event(session, event_id=event_id, at=self._clock.now())
        return True


def _record_consent(
    executor: Session | Connection,
    records: list[LeadRecord],
    source: str,
    actor: str,
    at: datetime,
) -> None:
    """The consent the records carried (issue 19), in the transaction that wrote them."""
    from cockpit_tui.domain.consent import ConsentSource
    from cockpit_tui.services.consent import record_intake_consent

    record_intake_consent(executor, records, source=ConsentSource(source), actor=actor, at=at)


def _find_lead(session: Session, event: dict[str, Any]) -> int | None:
    """The lead a message names: ``lead_id``, ``lead_external_id`` or ``phone``."""
    from cockpit_tui.domain.phones import normalize_phone
    from cockpit_tui.store.intake import find_lead

    if event.get("lead_id") is not None:
        try:
            return find_lead(session, lead_id=int(event["lead_id"]))
        except (TypeError, ValueError):
            return None
    if event.get("lead_external_id"):
        return find_lead(session, external_id=str(event["lead_external_id"]))
    if event.get("phone"):
        phone = normalize_phone(str(event["phone"]))
        return None if phone is None else find_lead(session, phone=phone)
    return None


@contextmanager
def _rolled_back(store: Store) -> Iterator[Connection]:
    """One write transaction for a whole dry run, rolled back at the end."""
    from cockpit_tui.store.engine import write_connection

    try:
        with write_connection(store.engine) as connection:
            yield connection
            raise _DryRunError
    except _DryRunError:
        pass
