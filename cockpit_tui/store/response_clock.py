"""The response clock stored on each lead, kept by the write paths in their own transaction.

A lead waits from its arrival, or from a customer's message after the last
response, until a response (a reply, a note or logged call, "atendido").
While it waits it stores ``waiting_since`` and the two instants its SLA
state changes (:class:`~cockpit_tui.domain.business_time.SlaMarks`:
``response_due_soon_at``, ``response_due_at``), so reading the state of any
number of leads is comparisons, and "waiting leads by deadline" an index
range. The first response stores ``first_response_at`` and the business
seconds it took from the lead's arrival.

The marks come from the store's calendar (``business_hours``, ``timezone``,
``holidays``, ``extra_holidays``) and ``sla_minutes``, read from
``store_setting`` inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from sqlalchemy import Connection, bindparam, text

from cockpit_tui.domain.business_time import BusinessCalendar, SlaMarks
from cockpit_tui.domain.calendar_values import CALENDAR_KEYS, calendar_from_values
from cockpit_tui.domain.store_settings import setting_spec
from cockpit_tui.store.codec import from_micros, to_micros
from cockpit_tui.store.driver_sql import run_many


@dataclass(frozen=True, slots=True)
class ResponsePolicy:
    """The store's calendar and first-response target, as its settings say now.

    Attributes:
        calendar: The business calendar the clock runs on.
        minutes: ``sla_minutes``.
    """

    calendar: BusinessCalendar
    minutes: int

    def marks(self, since: datetime) -> SlaMarks:
        """When a lead waiting since ``since`` becomes due soon and breached."""
        return self.calendar.sla_marks(since, minutes=self.minutes)

    def seconds(self, start: datetime, end: datetime) -> int:
        """Business seconds from ``start`` to ``end`` (0 when ``end`` is not after it)."""
        return 0 if end <= start else round(self.calendar.seconds_between(start, end))


def response_policy(connection: Connection) -> ResponsePolicy:
    """The policy from the store's settings, read in the caller's transaction."""
    statement = text("SELECT key, value FROM store_setting WHERE key IN :keys").bindparams(
        bindparam("keys", expanding=True)
    )
    stored = {
        str(key): value for key, value in connection.execute(statement, {"keys": CALENDAR_KEYS})
    }

    def value(key: str) -> str | None:
        if key not in stored:
            return setting_spec(key).default
        return str(stored[key]) if stored[key] else None

    calendar = calendar_from_values(
        business_hours=value("business_hours"),
        timezone=value("timezone"),
        holidays=value("holidays"),
        extra_holidays=value("extra_holidays"),
    )
    return ResponsePolicy(calendar, int(value("sla_minutes") or 5))


#: The response-clock columns of a lead that is not waiting.
NOT_WAITING: dict[str, int | None] = {
    "waiting_since": None,
    "response_due_soon_at": None,
    "response_due_at": None,
}


Key = TypeVar("Key", bound=Hashable)


def arrival_columns(
    connection: Connection, waits: Mapping[Key, datetime]
) -> dict[Key, dict[str, int | None]]:
    """The response-clock columns of new leads that start waiting at the instants given.

    For rows about to be inserted (an import's new leads), so the clock is
    written with them instead of by an update after; the same marks as
    :func:`start_waiting` gives. ``waits`` is keyed by lead id, or by anything
    else that the answer is then keyed by (an import asks once per instant).
    """
    if not waits:
        return {}
    policy = response_policy(connection)
    # A file without dates: every lead arrives "now", so leads share one (read-only) mapping.
    known: dict[datetime, dict[str, int | None]] = {}
    columns: dict[Key, dict[str, int | None]] = {}
    for lead_id, since in waits.items():
        found = known.get(since)
        if found is None:
            marks = policy.marks(since)
            found = known[since] = {
                "waiting_since": to_micros(since),
                "response_due_soon_at": to_micros(marks.due_soon_at),
                "response_due_at": to_micros(marks.due_at),
            }
        columns[lead_id] = found
    return columns


def start_waiting(
    connection: Connection, waits: Mapping[int, datetime], *, policy: ResponsePolicy | None = None
) -> None:
    """Leads in ``waits`` that are not waiting start waiting at the instant given.

    A lead already waiting keeps its earlier start (its customer wrote again
    before anyone answered).
    """
    if not waits:
        return
    statement = text("SELECT id FROM lead WHERE id IN :ids AND waiting_since IS NULL").bindparams(
        bindparam("ids", expanding=True)
    )
    idle = [int(lead_id) for (lead_id,) in connection.execute(statement, {"ids": list(waits)})]
    if not idle:
        return
    policy = policy or response_policy(connection)
    rows = []
    known: dict[datetime, SlaMarks] = {}  # a file without dates: every lead arrives "now"
    for lead_id in idle:
        since = waits[lead_id]
        marks = known.get(since)
        if marks is None:
            marks = known[since] = policy.marks(since)
        rows.append(
            {
                "id": lead_id,
                "since": to_micros(since),
                "soon": to_micros(marks.due_soon_at),
                "due": to_micros(marks.due_at),
            }
        )
    connection.execute(
        text(
            "UPDATE lead SET waiting_since = :since, response_due_soon_at = :soon, "
            "response_due_at = :due WHERE id = :id"
        ),
        rows,
    )


def recompute_waiting(connection: Connection) -> int:
    """Recompute the marks of every waiting lead (after a calendar or SLA setting changed).

    It runs inside the settings change's write transaction, so other writers
    wait for it: the marks are computed once per instant and written by the
    driver in one batch (30,000 waiting leads took 3 s through the ORM's
    parameter handling, under half a second this way).

    Returns:
        How many leads were waiting.
    """
    policy = response_policy(connection)
    known: dict[int, tuple[int, int]] = {}
    rows: list[tuple[object, ...]] = []
    for lead_id, since in connection.exec_driver_sql(
        "SELECT id, waiting_since FROM lead WHERE waiting_since IS NOT NULL"
    ):
        at = int(since)
        pair = known.get(at)
        if pair is None:
            marks = policy.marks(from_micros(at))
            pair = known[at] = (to_micros(marks.due_soon_at), to_micros(marks.due_at))
        rows.append((*pair, int(lead_id)))
    run_many(
        connection,
        "UPDATE lead SET response_due_soon_at = ?, response_due_at = ? WHERE id = ?",
        rows,
    )
    return len(rows)


def backfill_first_responses(connection: Connection) -> None:
    """Business seconds of stored first responses that have none yet (the migration's)."""
    policy = response_policy(connection)
    rows = [
        {
            "id": int(lead_id),
            "seconds": policy.seconds(from_micros(int(created)), from_micros(int(first))),
        }
        for lead_id, created, first in connection.execute(
            text(
                "SELECT id, created_at, first_response_at FROM lead "
                "WHERE first_response_at IS NOT NULL AND first_response_seconds IS NULL"
            )
        )
    ]
    if rows:
        connection.execute(
            text("UPDATE lead SET first_response_seconds = :seconds WHERE id = :id"), rows
        )
