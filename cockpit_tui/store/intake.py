"""Writing incoming leads in batches: new cards, or messages merged into open ones.

Keyword-only functions that take a connection in a write transaction. Ids are
chosen up front (the caller holds the store's write lock), so a batch of 2,000
rows is a handful of ``executemany`` statements, not thousands of round trips. Plain
SQL, without the ORM's models: importing SQLModel alone costs a quarter of a
second, an eighth of the budget for importing 10,000 rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from functools import lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, bindparam, text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

from cockpit_tui.domain import attention
from cockpit_tui.domain.intake import LeadRecord
from cockpit_tui.domain.models import AttentionState, Direction
from cockpit_tui.domain.statuses import CLOSED_STATUSES
from cockpit_tui.store.bulk_rows import insert_rows, match_rows
from cockpit_tui.store.codec import from_micros, to_cents, to_micros
from cockpit_tui.store.distribution import distribute_new_leads
from cockpit_tui.store.engine import sync_serial_ids
from cockpit_tui.store.response_clock import (
    NOT_WAITING,
    arrival_columns,
    start_waiting,
)
from cockpit_tui.store.search_index import record_document, refresh_search


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
class DryRunMemo:
    """What a dry run's earlier chunks would have written, for the chunks after them.

    A dry run writes nothing, so the next chunk's queries cannot see the
    leads, customers and fingerprints the earlier ones would have added;
    they are kept here instead (a few dictionaries, only for the run).
    """

    known: dict[str, int] = field(default_factory=dict)
    key_to_lead: dict[str, int] = field(default_factory=dict)
    customers: dict[str, int] = field(default_factory=dict)
    states: dict[int, AttentionState] = field(default_factory=dict)
    next_customer: int = 0
    next_lead: int = 0


def _query(connection: Connection, sql: str, **lists: Sequence[object]) -> list[Any]:
    """Run a read with list parameters (``IN :name``), no ORM models involved."""
    statement = text(sql).bindparams(*(bindparam(name, expanding=True) for name in lists))
    return list(connection.execute(statement, dict(lists)))


def apply_records(
    connection: Connection,
    records: Sequence[LeadRecord],
    *,
    actor: str,
    now: datetime,
    fingerprints: bool = True,
    dry_run: DryRunMemo | None = None,
    prints: Sequence[str] | None = None,
    documents: Sequence[str] | None = None,
) -> BatchResult:
    """Create or merge ``records`` (in order) inside the caller's transaction.

    A record whose external id, phone or e-mail matches an open lead (in the
    store or earlier in the batch) adds its message to that lead, which goes
    to the top of its column with the name in bold, instead of becoming a
    second card. A matching customer whose leads are all closed gets a new
    negotiation (a new card, same customer).

    Args:
        connection: A connection inside a write transaction.
        records: Valid, cleaned leads.
        actor: Recorded in the change log.
        now: The present (for records without a date, and the log).
        fingerprints: Remember each record so the same row is never imported twice.
        dry_run: Count only: write nothing (a read transaction is enough, so no
            write lock is taken) and carry what would have been written in this memo.
        prints: Each record's :meth:`~LeadRecord.fingerprint`, when already computed
            (an import's validation workers compute them).
        documents: Each record's search document made of the record alone
            (:func:`record_document`), when already computed; used for new customers.
    """
    result = BatchResult()
    if prints is None:
        prints = [record.fingerprint() for record in records]
    known: dict[str, int] = {}
    if fingerprints and prints:
        rows = match_rows(
            connection,
            "SELECT fingerprint, lead_id FROM import_fingerprint WHERE fingerprint {in_prints}",
            prints=prints,
        )
        known = {str(fp): int(lead_id) for fp, lead_id in rows}
    if dry_run is not None:
        known.update((fp, dry_run.known[fp]) for fp in prints if fp in dry_run.known)

    phones = sorted({r.phone for r in records if r.phone}) or [""]
    emails = sorted({r.email for r in records if r.email}) or [""]
    external_ids = sorted({r.external_id for r in records if r.external_id})

    key_to_lead: dict[str, int] = {}
    if external_ids:
        for lead_id, external_id in match_rows(
            connection,
            "SELECT id, external_id FROM lead WHERE external_id {in_ids} ORDER BY id",
            ids=external_ids,
        ):
            key_to_lead[f"id:{external_id}"] = int(lead_id)
    customers: dict[str, int] = {}
    if phones != [""] or emails != [""]:
        for customer_id, phone, email in match_rows(
            connection,
            "SELECT id, phone, email FROM customer "
            "WHERE phone {in_phones} OR email {in_emails} ORDER BY id",
            phones=phones,
            emails=emails,
        ):
            for key in (f"phone:{phone}" if phone else None, f"email:{email}" if email else None):
                if key and key not in customers:
                    customers[key] = int(customer_id)
        for lead_id, phone, email in match_rows(
            connection,
            "SELECT l.id, c.phone, c.email FROM lead l JOIN customer c ON c.id = l.customer_id "
            "WHERE (c.phone {in_phones} OR c.email {in_emails}) AND l.status NOT IN "
            f"({', '.join(repr(status.value) for status in sorted(CLOSED_STATUSES))}) "
            "ORDER BY l.id",
            phones=phones,
            emails=emails,
        ):
            for key in (f"phone:{phone}" if phone else None, f"email:{email}" if email else None):
                if key:
                    key_to_lead[key] = int(lead_id)

    if dry_run is not None:
        # Leads the earlier chunks would have created are newer than any stored one.
        for key in {key for record in records for key in record.identity_keys()}:
            if key in dry_run.key_to_lead:
                key_to_lead[key] = dry_run.key_to_lead[key]
            if key in dry_run.customers:
                customers.setdefault(key, dry_run.customers[key])
    states: dict[int, AttentionState] = {} if dry_run is None else dry_run.states
    existing_targets = sorted(set(key_to_lead.values()) - set(states))
    if existing_targets:
        for lead_id, attention_at, unread, last_activity in match_rows(
            connection,
            "SELECT id, attention_at, unread_count, last_activity_at FROM lead WHERE id {in_ids}",
            ids=existing_targets,
        ):
            states[int(lead_id)] = AttentionState(
                None if attention_at is None else from_micros(int(attention_at)),
                int(unread),
                from_micros(int(last_activity)),
            )

    next_customer = int(connection.scalar(text("SELECT MAX(id) FROM customer")) or 0) + 1
    next_lead = int(connection.scalar(text("SELECT MAX(id) FROM lead")) or 0) + 1
    if dry_run is not None:
        next_customer = max(next_customer, dry_run.next_customer)
        next_lead = max(next_lead, dry_run.next_lead)
    new_customers: list[dict[str, Any]] = []
    new_leads: dict[int, dict[str, Any]] = {}
    messages: list[dict[str, Any]] = []
    changes: list[dict[str, Any]] = []
    new_prints: list[dict[str, Any]] = []
    touched: set[int] = set()
    waits: dict[int, datetime] = {}  # issue 15: leads whose response clock starts
    fresh_docs: dict[int, str] = {}  # search documents of new leads, built without a read
    now_us = to_micros(now)

    # A file without dates: every row arrives "now", so these are computed once per instant.
    micros: dict[datetime, int] = {now: now_us}
    arrivals: dict[datetime, AttentionState] = {}
    for index, (record, fingerprint) in enumerate(zip(records, prints, strict=True)):
        if fingerprint in known:
            result.already += 1
            result.lead_ids.append(known[fingerprint])
            continue
        at = record.created_at or now
        at_us = micros.get(at)
        if at_us is None:
            at_us = micros[at] = to_micros(at)
        keys = record.identity_keys()
        target = next((key_to_lead[k] for k in keys if k in key_to_lead), None)
        if target is not None:
            if record.message:
                fresh_docs.pop(target, None)  # it now has more messages: read it back
                messages.append(_message(target, record.message, at_us, read=False))
                states[target] = attention.on_inbound_message(states[target], at)
                waits.setdefault(target, at)
                touched.add(target)
                changes.append(_change("message.in", target, actor, now_us))
            result.merged += 1
            lead_id = target
        else:
            customer_id = next((customers[k] for k in keys if k in customers), None)
            if customer_id is None:
                # A new customer: the lead's search document is made of this record alone.
                fresh_docs[next_lead] = (
                    documents[index] if documents is not None else record_document(record)
                )
                customer_id = next_customer
                next_customer += 1
                new_customers.append(
                    {
                        "id": customer_id,
                        "name": record.name,
                        "phone": record.phone,
                        "email": record.email,
                        "created_at": at_us,
                    }
                )
                for key in keys:
                    if not key.startswith("id:"):
                        customers[key] = customer_id
            lead_id = next_lead
            next_lead += 1
            arrived = arrivals.get(at)
            if arrived is None:
                arrived = arrivals[at] = attention.on_arrival(at)
            states[lead_id] = arrived
            if record.status not in CLOSED_STATUSES:
                waits[lead_id] = at
            new_leads[lead_id] = {
                "id": lead_id,
                "customer_id": customer_id,
                "status": record.status.value,
                "version": 1,
                "assigned_to": record.salesperson,
                "vehicle": record.vehicle,
                "price": None if record.price is None else _cents(record.price),
                "source": record.source,
                "external_id": record.external_id,
                "created_at": at_us,
            }
            if record.message:
                messages.append(_message(lead_id, record.message, at_us, read=True))
            changes.append(_change("lead.created", lead_id, actor, now_us))
            for key in keys:
                key_to_lead[key] = lead_id
            result.created += 1
            result.created_ids.append(lead_id)
        if fingerprints:
            known[fingerprint] = lead_id
            new_prints.append({"fingerprint": fingerprint, "lead_id": lead_id, "at": now_us})
        result.lead_ids.append(lead_id)

    if dry_run is not None:
        dry_run.known.update(known)
        dry_run.key_to_lead.update(key_to_lead)
        dry_run.customers.update(customers)
        dry_run.next_customer, dry_run.next_lead = next_customer, next_lead
        return result
    # New leads are inserted with their response clock already running.
    clocks = arrival_columns(connection, {k: at for k, at in waits.items() if k in new_leads})
    attention_columns: dict[AttentionState, dict[str, Any]] = {}  # new leads share a few
    for lead_id, row in new_leads.items():
        state = states[lead_id]
        found = attention_columns.get(state)
        if found is None:
            found = attention_columns[state] = _attention_columns(state)
        row.update(found)
        row.update(clocks.get(lead_id, NOT_WAITING))
    _insert_many(connection, "customer", new_customers)
    _insert_many(connection, "lead", list(new_leads.values()))
    old_touched = sorted(touched - set(new_leads))
    if old_touched:
        columns = list(_attention_columns(states[old_touched[0]]))
        sql = f"UPDATE lead SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?"
        _run_many(
            connection,
            sql,
            [(*_attention_columns(states[lead_id]).values(), lead_id) for lead_id in old_touched],
        )
    _insert_many(connection, "message", messages)
    _insert_many(connection, "import_fingerprint", new_prints)
    _insert_many(connection, "change_log", changes)
    if new_customers or new_leads:
        sync_serial_ids(connection, ("customer", "lead"))
    refresh_search(connection, sorted(touched | set(new_leads)), known=fresh_docs)
    # Issue 15: the response clock, and round-robin in the transaction that creates the leads.
    start_waiting(connection, {k: at for k, at in waits.items() if k not in new_leads})
    distribute_new_leads(connection, lead_ids=result.created_ids, actor=actor, now=now)
    return result


@lru_cache(maxsize=1024)
def _cents(price: Decimal) -> int:
    """:func:`to_cents`, once per distinct price (a file repeats its prices)."""
    return to_cents(price)


def _run_many(connection: Connection, sql: str, rows: list[tuple[object, ...]]) -> None:
    """``executemany`` at the driver level: a batch without per-value ORM type processing."""
    if not rows:
        return
    if connection.dialect.paramstyle != "qmark":
        sql = sql.replace("?", "%s")
    connection.exec_driver_sql(sql, rows)


def _insert_many(connection: Connection, table: str, rows: list[dict[str, Any]]) -> None:
    """Insert rows whose values are already as stored (microseconds, cents)."""
    if not rows:
        return
    columns = list(rows[0])
    if len(columns) == 1:
        insert_rows(connection, table, columns, [(row[columns[0]],) for row in rows])
        return
    values = itemgetter(*columns)  # tuples built in C: this runs for every imported row
    insert_rows(connection, table, columns, [values(row) for row in rows])


def _attention_columns(state: AttentionState) -> dict[str, Any]:
    return {
        "last_activity_at": to_micros(state.last_activity_at),
        "attention_at": None if state.attention_at is None else to_micros(state.attention_at),
        "unread_count": state.unread_count,
        "needs_attention": 1 if state.attention_at is not None else 0,
        "sort_at": to_micros(attention.sort_at(state)),
    }


def _message(lead_id: int, body: str, at: int, *, read: bool) -> dict[str, Any]:
    return {
        "lead_id": lead_id,
        "direction": Direction.INBOUND.value,
        "body": body,
        "at": at,
        "author": None,
        "read_at": at if read else None,
        "delivered_at": None,
    }


def _change(kind: str, lead_id: int, actor: str, at: int) -> dict[str, Any]:
    return {"at": at, "kind": kind, "lead_id": lead_id, "actor": actor}


def event_seen(session: Session, *, event_id: str) -> bool:
    """Whether an event with this id was applied before."""
    found = session.connection().scalar(
        text("SELECT id FROM ingested_event WHERE id = :id"), {"id": event_id}
    )
    return found is not None


def events_seen(session: Session, *, event_ids: Sequence[str]) -> set[str]:
    """The ids among ``event_ids`` of events applied before (one query for a batch)."""
    if not event_ids:
        return set()
    rows = _query(
        session.connection(), "SELECT id FROM ingested_event WHERE id IN :ids", ids=event_ids
    )
    return {str(row[0]) for row in rows}


def remember_events(session: Session, *, event_ids: Sequence[str], at: datetime) -> None:
    """Record the ids of applied events (in the transaction that applied them)."""
    rows = [{"id": event_id, "at": to_micros(at)} for event_id in event_ids]
    _insert_many(session.connection(), "ingested_event", rows)


def remember_event(session: Session, *, event_id: str, at: datetime) -> None:
    """Record an applied event's id (in the transaction that applied it)."""
    _insert_many(session.connection(), "ingested_event", [{"id": event_id, "at": to_micros(at)}])


def find_lead(
    session: Session,
    *,
    lead_id: int | None = None,
    external_id: str | None = None,
    phone: str | None = None,
) -> int | None:
    """The lead an incoming message belongs to, by id, external id or phone.

    By external id, the newest lead with it; by phone, the customer's newest
    open negotiation, else their newest lead.
    """
    connection = session.connection()
    if lead_id is not None:
        found = connection.scalar(text("SELECT id FROM lead WHERE id = :id"), {"id": lead_id})
    elif external_id is not None:
        found = connection.scalar(
            text("SELECT id FROM lead WHERE external_id = :ext ORDER BY id DESC LIMIT 1"),
            {"ext": external_id},
        )
    elif phone is not None:
        found = connection.scalar(
            text(
                "SELECT l.id FROM lead l JOIN customer c ON c.id = l.customer_id "
                "WHERE c.phone = :phone "
                "ORDER BY CASE WHEN l.status IN ('sold', 'lost') THEN 1 ELSE 0 END, l.id DESC "
                "LIMIT 1"
            ),
            {"phone": phone},
        )
    else:
        found = None
    return None if found is None else int(found)
