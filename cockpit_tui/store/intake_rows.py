"""An import batch's rows, built in one pass as the tuples the driver inserts.

:func:`~cockpit_tui.store.intake.apply_values` reads what the store already
holds for a batch (:class:`Matches`), then :func:`build_rows` decides for each
record whether it was imported before, merges into an open lead or makes a
new one, and builds every table's rows as tuples in their columns' order: no
per-row dictionaries, method calls or enum look-ups (this runs for each of a
file's rows, on the import's one writing process).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from functools import lru_cache
from operator import itemgetter
from typing import Final

from cockpit_tui.domain import attention
from cockpit_tui.domain.intake import RecordValues
from cockpit_tui.domain.models import AttentionState, Direction
from cockpit_tui.domain.search_documents import values_document
from cockpit_tui.domain.statuses import CLOSED_STATUSES, Status
from cockpit_tui.store.codec import to_cents, to_micros
from cockpit_tui.store.response_clock import NOT_WAITING

#: Positions in :data:`RecordValues` that identify a customer.
PHONE: Final = 1
EMAIL: Final = 2
EXTERNAL_ID: Final = 8

ATTENTION_COLUMNS = (
    "last_activity_at",
    "attention_at",
    "unread_count",
    "needs_attention",
    "sort_at",
)
CUSTOMER_COLUMNS = ("id", "name", "phone", "email", "created_at")
#: An imported message's columns; the rest are the same for all (:data:`MESSAGE_CONSTANTS`,
#: and no author or delivery time), so no row carries them.
MESSAGE_COLUMNS = ("lead_id", "body", "at", "read_at")
MESSAGE_CONSTANTS = {"direction": Direction.INBOUND.value}
CHANGE_COLUMNS = ("at", "kind", "lead_id", "actor")
PRINT_COLUMNS = ("fingerprint_hi", "fingerprint_lo", "lead_id", "at")
#: A new lead's columns: its own values, then the attention and response-clock columns.
LEAD_COLUMNS = (
    "id",
    "customer_id",
    "status",
    "version",
    "assigned_to",
    "vehicle",
    "price",
    "source",
    "external_id",
    "created_at",
    *ATTENTION_COLUMNS,
    *NOT_WAITING,
)

#: A fingerprint key's halves are stored as signed 64-bit integers (codec.print_halves,
#: written out in the loop below: it runs for every imported row).
_SIGN, _WRAP = 1 << 63, 1 << 64
_LOW = _WRAP - 1
_STATUS_VALUES = {status: status.value for status in Status}

Row = tuple[object, ...]


@dataclass(slots=True)
class BatchResult:
    """What a batch did.

    Attributes:
        created: New leads.
        merged: Rows that were duplicates of an open lead (their message was added to it).
        already: Rows imported before (same fingerprint): nothing done.
        lead_ids: For each record, the lead it created or landed on.
        created_ids: The new leads, in arrival order.
    """

    created: int = 0
    merged: int = 0
    already: int = 0
    lead_ids: list[int] = field(default_factory=list)
    created_ids: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Matches:
    """What the store (and the batch so far) holds for a batch's records; updated as it goes.

    Attributes:
        known: Fingerprint key (:func:`~cockpit_tui.domain.intake.fingerprint_key`) → the
            lead it was imported into.
        key_to_lead: Identity key ("id:…", "phone:…", "email:…") → the open lead it names.
        customers: Identity key → customer id.
        states: Attention state of each lead a record may merge into.
        next_customer: Id of the next new customer.
        next_lead: Id of the next new lead.
    """

    known: dict[int, int]
    key_to_lead: dict[str, int]
    customers: dict[str, int]
    states: dict[int, AttentionState]
    next_customer: int
    next_lead: int


@dataclass(slots=True)
class BatchRows:
    """Every row a batch writes, as tuples in the columns' order of each table.

    Attributes:
        customers: New customers (:data:`CUSTOMER_COLUMNS`).
        leads: New leads by id, their own values only (see :func:`finished_leads`).
        arrived_at: When each new lead arrived.
        messages: Messages (:data:`MESSAGE_COLUMNS`).
        changes: Change-log rows (:data:`CHANGE_COLUMNS`).
        prints: Fingerprints (:data:`PRINT_COLUMNS`).
        touched: Leads that received a message (stored ones, or new ones merged into).
        waits: Leads whose response clock starts, and when.
        fresh_docs: Search documents of new leads, made of their record alone.
    """

    customers: list[Row] = field(default_factory=list)
    leads: dict[int, Row] = field(default_factory=dict)
    arrived_at: dict[int, datetime] = field(default_factory=dict)
    messages: list[Row] = field(default_factory=list)
    changes: list[Row] = field(default_factory=list)
    prints: list[Row] = field(default_factory=list)
    touched: set[int] = field(default_factory=set)
    waits: dict[int, datetime] = field(default_factory=dict)
    fresh_docs: dict[int, str] = field(default_factory=dict)

    def new_waits(self) -> dict[datetime, datetime]:
        """The instants new leads start waiting at (for their clock columns, once each)."""
        leads = self.leads
        return {since: since for lead_id, since in self.waits.items() if lead_id in leads}


def contacts(records: Sequence[RecordValues]) -> tuple[list[str], list[str], list[str]]:
    """The batch's distinct phones and e-mails (``[""]`` for none) and external ids.

    In no particular order (they are looked up as sets); taken by C-level maps,
    not a Python loop: this reads every row of a chunk three times.
    """
    phones, emails, external_ids = (
        set(map(itemgetter(position), records)) for position in (PHONE, EMAIL, EXTERNAL_ID)
    )
    for found in (phones, emails, external_ids):
        found.discard(None)
        found.discard("")
    return list(phones) or [""], list(emails) or [""], list(external_ids)


def identity_keys(values: RecordValues) -> list[str]:
    """:meth:`~cockpit_tui.domain.intake.LeadRecord.identity_keys` of a record's values."""
    keys = []
    if values[EXTERNAL_ID]:
        keys.append(f"id:{values[EXTERNAL_ID]}")
    if values[PHONE]:
        keys.append(f"phone:{values[PHONE]}")
    if values[EMAIL]:
        keys.append(f"email:{values[EMAIL]}")
    return keys


def build_rows(
    records: Sequence[RecordValues],
    prints: Sequence[int],
    documents: Sequence[str] | None,
    matches: Matches,
    result: BatchResult,
    *,
    actor: str,
    now: datetime,
    fingerprints: bool,
) -> BatchRows:
    """Decide each record's fate, in order, and build the rows it writes.

    ``prints`` are the records' fingerprint keys. A record whose fingerprint is
    known was imported before; one whose external id, phone or e-mail names an
    open lead (stored, or new earlier in the batch) adds its message to it; any
    other is a new lead, of the customer those keys name or of a new one.
    ``matches`` and ``result`` are updated as records are placed.
    """
    rows = BatchRows()
    known, key_to_lead, customers, states = (
        matches.known,
        matches.key_to_lead,
        matches.customers,
        matches.states,
    )
    next_customer, next_lead = matches.next_customer, matches.next_lead
    new_customers, new_leads, arrived_at = rows.customers, rows.leads, rows.arrived_at
    messages, changes, new_prints = rows.messages, rows.changes, rows.prints
    touched, waits, fresh_docs = rows.touched, rows.waits, rows.fresh_docs
    created_ids, lead_ids = result.created_ids, result.lead_ids
    now_us = to_micros(now)
    # A file without dates: every row arrives "now", so these are computed once per instant.
    micros: dict[datetime, int] = {now: now_us}
    arrivals: dict[datetime, AttentionState] = {}
    already = merged = created = 0
    for index, (values, fingerprint) in enumerate(zip(records, prints, strict=True)):
        if fingerprint in known:
            already += 1
            lead_ids.append(known[fingerprint])
            continue
        (
            name,
            phone,
            email,
            vehicle,
            price,
            source,
            message,
            when,
            external_id,
            seller,
            status,
            _,
        ) = values
        at = when or now
        at_us = micros.get(at)
        if at_us is None:
            at_us = micros[at] = to_micros(at)
        # The identity keys (:func:`identity_keys`), written out: this runs for every row.
        id_key = f"id:{external_id}" if external_id else None
        phone_key = f"phone:{phone}" if phone else None
        email_key = f"email:{email}" if email else None
        target = None if id_key is None else key_to_lead.get(id_key)
        if target is None and phone_key is not None:
            target = key_to_lead.get(phone_key)
        if target is None and email_key is not None:
            target = key_to_lead.get(email_key)
        if target is not None:
            if message:
                fresh_docs.pop(target, None)  # it now has more messages: read it back
                messages.append((target, message, at_us, None))
                states[target] = attention.on_inbound_message(states[target], at)
                waits.setdefault(target, at)
                touched.add(target)
                changes.append((now_us, "message.in", target, actor))
            merged += 1
            lead_id = target
        else:
            customer_id = None if id_key is None else customers.get(id_key)
            if customer_id is None and phone_key is not None:
                customer_id = customers.get(phone_key)
            if customer_id is None and email_key is not None:
                customer_id = customers.get(email_key)
            if customer_id is None:
                # A new customer: the lead's search document is made of this record alone.
                fresh_docs[next_lead] = (
                    documents[index] if documents is not None else values_document(values)
                )
                customer_id = next_customer
                next_customer += 1
                new_customers.append((customer_id, name, phone, email, at_us))
                if phone_key is not None:
                    customers[phone_key] = customer_id
                if email_key is not None:
                    customers[email_key] = customer_id
            lead_id = next_lead
            next_lead += 1
            arrived = arrivals.get(at)
            if arrived is None:
                arrived = arrivals[at] = attention.on_arrival(at)
            states[lead_id] = arrived
            if status not in CLOSED_STATUSES:
                waits[lead_id] = at
            new_leads[lead_id] = (
                lead_id,
                customer_id,
                _STATUS_VALUES[status],
                1,
                seller,
                vehicle,
                None if price is None else _cents(price),
                source,
                external_id,
                at_us,
            )
            arrived_at[lead_id] = at
            if message:
                messages.append((lead_id, message, at_us, at_us))
            changes.append((now_us, "lead.created", lead_id, actor))
            if id_key is not None:
                key_to_lead[id_key] = lead_id
            if phone_key is not None:
                key_to_lead[phone_key] = lead_id
            if email_key is not None:
                key_to_lead[email_key] = lead_id
            created += 1
            created_ids.append(lead_id)
        if fingerprints:
            known[fingerprint] = lead_id
            high, low = fingerprint >> 64, fingerprint & _LOW
            new_prints.append(
                (
                    high - _WRAP if high >= _SIGN else high,
                    low - _WRAP if low >= _SIGN else low,
                    lead_id,
                    now_us,
                )
            )
        lead_ids.append(lead_id)
    result.already += already
    result.merged += merged
    result.created += created
    matches.next_customer, matches.next_lead = next_customer, next_lead
    return rows


def finished_leads(
    rows: BatchRows,
    states: Mapping[int, AttentionState],
    clocks: Mapping[datetime, Mapping[str, int | None]],
) -> list[Row]:
    """The new leads' rows completed with their attention and response-clock columns.

    Args:
        rows: The batch's rows.
        states: Every lead's attention state after the batch.
        clocks: The clock columns of a lead starting to wait at each instant of
            :meth:`BatchRows.new_waits`.

    A lead no later record reached shares its columns with every lead that
    arrived at the same instant (a file without dates: all of them); one a
    later record merged into has its own.
    """
    waits, touched, arrived_at = rows.waits, rows.touched, rows.arrived_at
    idle = tuple(NOT_WAITING.values())
    clock_values = {since: tuple(marks.values()) for since, marks in clocks.items()}
    shared: dict[tuple[datetime, bool], Row] = {}
    finished = []
    for lead_id, row in rows.leads.items():
        if lead_id in touched:
            since = waits.get(lead_id)
            clock = idle if since is None else clock_values[since]
            finished.append(row + attention_values(states[lead_id]) + clock)
            continue
        at = arrived_at[lead_id]
        waiting = lead_id in waits
        tail = shared.get((at, waiting))
        if tail is None:
            clock = clock_values[at] if waiting else idle
            tail = shared[(at, waiting)] = attention_values(states[lead_id]) + clock
        finished.append(row + tail)
    return finished


def attention_values(state: AttentionState) -> Row:
    """The attention columns (:data:`ATTENTION_COLUMNS`) of a lead in ``state``."""
    return (
        to_micros(state.last_activity_at),
        None if state.attention_at is None else to_micros(state.attention_at),
        state.unread_count,
        1 if state.attention_at is not None else 0,
        to_micros(attention.sort_at(state)),
    )


@lru_cache(maxsize=1024)
def _cents(price: Decimal) -> int:
    """:func:`to_cents`, once per distinct price (a file repeats its prices)."""
    return to_cents(price)
