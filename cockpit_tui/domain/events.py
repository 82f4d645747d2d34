"""Reading one line of an event feed: either a checked event or a problem with its reason.

Pure and total: whatever a line holds (any JSON value, any text, absurd
numbers, deep nesting), :func:`parse_event` returns an :class:`IncomingEvent`
or an :class:`IngestProblem`; it never raises. The service applies the event.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, tzinfo
from functools import partial
from typing import Any

from cockpit_tui.domain.intake import field_of, parse_when
from cockpit_tui.domain.sanitize import clean_message, clean_optional, clean_text

#: A line longer than this is refused before it is parsed (a feed's events are
#: a few kilobytes; a message body is cut at 4,000 characters anyway).
MAX_EVENT_LINE = 256 * 1024
#: Longest event id kept (ids are remembered to make events idempotent).
MAX_EVENT_ID = 200
#: Lead ids are 64-bit integers in both backends.
MAX_LEAD_ID = 2**63 - 1
KNOWN_EVENTS = ("lead.created", "message.received")


@dataclass(frozen=True, slots=True)
class IngestProblem:
    """A bad line of an event feed.

    Attributes:
        line: Line number in the feed.
        reason: Catalog id of the reason.
        values: Values for the sentence (never customer data).
    """

    line: int
    reason: str
    values: dict[str, str]


@dataclass(frozen=True, slots=True)
class IncomingEvent:
    """One well-formed event, its values checked and cleaned.

    Attributes:
        kind: "lead.created" or "message.received".
        event_id: The sender's id (makes the event idempotent).
        at: When it happened (the feed's ``at``, or the time it was read).
        lead_fields: For ``lead.created``: the lead's values by field, as text.
        text: For ``message.received``: the cleaned message.
        lead_id: The lead named by id, if any.
        lead_external_id: The lead named by the sender's id, cleaned as stored.
        phone: The lead named by its customer's phone, as written.
    """

    kind: str
    event_id: str
    at: datetime
    lead_fields: dict[str, str] | None = None
    text: str = ""
    lead_id: int | None = None
    lead_external_id: str | None = None
    phone: str | None = None


def parse_event(
    line: str, number: int, *, default_at: datetime, zone: tzinfo | None = None
) -> IncomingEvent | IngestProblem:
    """Check one NDJSON line.

    Args:
        line: The line as read.
        number: Its line number (for the problem).
        default_at: The event's time when it gives none.
        zone: Time zone of dates written without one (None: the machine's).
    """

    problem = partial(_problem, number)
    if len(line) > MAX_EVENT_LINE:
        return problem("ingest.line_too_long", size=str(len(line)))
    try:
        event = json.loads(line)
    except (ValueError, RecursionError):
        # ValueError covers JSONDecodeError and integers of more than 4,300 digits;
        # RecursionError, thousands of nested brackets.
        return problem("ingest.not_json")
    if not isinstance(event, dict):
        return problem("ingest.not_object")
    kind = event.get("event")
    if not isinstance(kind, str) or not kind.strip():
        return problem("ingest.missing_field", field="event")
    if kind not in KNOWN_EVENTS:
        return problem("ingest.unknown_event", event=clean_text(kind, max_length=60))
    event_id = _scalar_text(event.get("id"))
    if event_id is None or not event_id.strip():
        return problem("ingest.missing_field", field="id")
    if len(event_id) > MAX_EVENT_ID:
        return problem("ingest.bad_field", field="id")
    at = default_at
    raw_at = event.get("at")
    if raw_at is not None:
        parsed_at = parse_when(raw_at, zone) if isinstance(raw_at, str) else None
        if parsed_at is None:
            return problem("ingest.bad_field", field="at")
        at = parsed_at
    if kind == "lead.created":
        return _lead_created(event, event_id, at, number)
    return _message_received(event, event_id, at, number)


def _lead_created(
    event: dict[str, Any], event_id: str, at: datetime, number: int
) -> IncomingEvent | IngestProblem:
    problem = partial(_problem, number)
    lead = event.get("lead")
    if not isinstance(lead, dict):
        return problem("ingest.missing_field", field="lead")
    fields: dict[str, str] = {}
    for key, value in lead.items():
        name = field_of(key)
        if name is None or value is None:
            continue
        as_text = _consent_text(value) if name == "consent" else _scalar_text(value)
        if as_text is None:
            return problem("ingest.bad_field", field=f"lead.{name}")
        fields[name] = as_text
    return IncomingEvent("lead.created", event_id, at, lead_fields=fields)


def _message_received(
    event: dict[str, Any], event_id: str, at: datetime, number: int
) -> IncomingEvent | IngestProblem:
    problem = partial(_problem, number)
    raw_text = event.get("text")
    if raw_text is not None and not isinstance(raw_text, str):
        return problem("ingest.bad_field", field="text")
    body = clean_message(raw_text or "")
    if not body:
        return problem("ingest.missing_field", field="text")
    lead_id = None
    if event.get("lead_id") is not None:
        lead_id = _lead_id(event["lead_id"])
        if lead_id is None:
            return problem("ingest.bad_field", field="lead_id")
    external_id = None
    if event.get("lead_external_id") is not None:
        raw_external = _scalar_text(event["lead_external_id"])
        if raw_external is None:
            return problem("ingest.bad_field", field="lead_external_id")
        # Cleaned exactly as a stored lead's external id (see validate()).
        external_id = clean_optional(raw_external)
    phone = None
    if event.get("phone") is not None:
        phone = _scalar_text(event["phone"])
        if phone is None:
            return problem("ingest.bad_field", field="phone")
        phone = clean_text(phone, max_length=40) or None
    if lead_id is None and not external_id and not phone:
        return problem("ingest.missing_field", field="lead_id")
    return IncomingEvent(
        "message.received",
        event_id,
        at,
        text=body,
        lead_id=lead_id,
        lead_external_id=external_id,
        phone=phone,
    )


def _problem(number: int, reason: str, **values: str) -> IngestProblem:
    return IngestProblem(number, reason, values)


def _scalar_text(value: object) -> str | None:
    """A JSON string or number as text (numbers as JSON writes them); None for anything else."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return json.dumps(value)
    except ValueError:  # an integer too long to write out
        return None


def _consent_text(value: object) -> str | None:
    """``consent`` may also be a yes/no or a per-channel object: JSON text for its parser."""
    if isinstance(value, bool | dict | list):
        try:
            return json.dumps(value, ensure_ascii=False)[:2000]
        except (ValueError, RecursionError):
            return None
    return _scalar_text(value)


def _lead_id(value: object) -> int | None:
    """A lead id given as a number or digits, within the store's range; else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        value = value.strip()
        if len(value) > 19:
            return None
        value = int(value)
    if not isinstance(value, int) or not 1 <= value <= MAX_LEAD_ID:
        return None
    return value
