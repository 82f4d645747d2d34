"""Writing incoming leads in batches: new cards, or messages merged into open ones.

Keyword-only functions that take a connection in a write transaction. Ids are
chosen up front (the caller holds the store's write lock), so a batch of 2,000
rows is a handful of ``executemany`` statements, not thousands of round trips. Plain
SQL, without the ORM's models: importing SQLModel alone costs a quarter of a
second, an eighth of the budget for importing 10,000 rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, bindparam, text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from cockpit_tui.store.side_search import Batch

from cockpit_tui.domain.intake import (
    LeadRecord,
    RecordValues,
    fingerprint_key,
    fingerprint_of,
    record_values,
)
from cockpit_tui.domain.models import AttentionState
from cockpit_tui.domain.statuses import CLOSED_STATUSES
from cockpit_tui.store.bulk_rows import insert_rows, match_rows
from cockpit_tui.store.codec import from_micros, print_highs, print_key, to_micros
from cockpit_tui.store.distribution import distribute_new_leads
from cockpit_tui.store.engine import sync_serial_ids
from cockpit_tui.store.intake_rows import (
    ATTENTION_COLUMNS,
    CHANGE_COLUMNS,
    CUSTOMER_COLUMNS,
    LEAD_COLUMNS,
    MESSAGE_COLUMNS,
    MESSAGE_CONSTANTS,
    PRINT_COLUMNS,
    Matches,
    attention_values,
    build_rows,
    contacts,
    finished_leads,
    identity_keys,
)
from cockpit_tui.store.intake_rows import BatchResult as BatchResult
from cockpit_tui.store.response_clock import arrival_columns, start_waiting
from cockpit_tui.store.search_index import refresh_search

#: Customers with any of a batch's phones or e-mails, and their open leads. Each phone and
#: e-mail is looked up in its index (two lookups, not one OR: PostgreSQL may answer an OR
#: with a scan): on SQLite joined from the list (see
#: :func:`~cockpit_tui.store.bulk_rows.match_rows`), on PostgreSQL as a set the query joins
#: (the ``unnest`` joined measured slower there: 1.7 s more over 100,000 rows).
_CUSTOMERS_AND_OPEN_LEADS = (
    "SELECT c.id, c.phone, c.email, l.id FROM customer c LEFT JOIN lead l "
    "ON l.customer_id = c.id AND l.status NOT IN "
    f"({', '.join(repr(status.value) for status in sorted(CLOSED_STATUSES))}) "
    "WHERE c.id IN ({by_contact})"
)
_BY_CONTACT_SQLITE = (
    "SELECT k.id FROM {each_phones} CROSS JOIN customer k WHERE k.phone = value "
    "UNION SELECT k.id FROM {each_emails} CROSS JOIN customer k WHERE k.email = value"
)
_BY_CONTACT_PG = (
    "SELECT id FROM customer WHERE phone {in_phones} "
    "UNION SELECT id FROM customer WHERE email {in_emails}"
)


@dataclass(slots=True)
class DryRunMemo:
    """What a dry run's earlier chunks would have written, for the chunks after them.

    A dry run writes nothing, so the next chunk's queries cannot see the
    leads, customers and fingerprints the earlier ones would have added;
    they are kept here instead (a few dictionaries, only for the run).
    """

    known: dict[int, int] = field(default_factory=dict)
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
    prints: Sequence[int] | None = None,
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
        prints: Each record's fingerprint key (:func:`fingerprint_key` of
            :meth:`~LeadRecord.fingerprint`), when already computed (an import's
            validation workers compute them).
        documents: Each record's search document made of the record alone
            (:func:`record_document`), when already computed; used for new customers.
    """
    return apply_values(
        connection,
        [record_values(record) for record in records],
        actor=actor,
        now=now,
        fingerprints=fingerprints,
        dry_run=dry_run,
        prints=prints,
        documents=documents,
    )


def apply_values(
    connection: Connection,
    records: Sequence[RecordValues],
    *,
    actor: str,
    now: datetime,
    fingerprints: bool = True,
    dry_run: DryRunMemo | None = None,
    prints: Sequence[int] | None = None,
    documents: Sequence[str] | None = None,
    search_later: Callable[[Batch], None] | None = None,
) -> BatchResult:
    """:func:`apply_records` of records given as their values (an import's workers send these).

    Each table's rows are built as the tuples the driver inserts, in one pass.
    With ``search_later``, the search documents are handed to it (the leads
    whose documents change, those already built) instead of being written
    here: an import builds its search index beside the store
    (:mod:`cockpit_tui.store.side_search`) once the transaction commits.
    """
    result = BatchResult()
    if prints is None:
        prints = [fingerprint_key(fingerprint_of(values)) for values in records]
    known: dict[int, int] = {}
    if fingerprints and prints:
        rows = match_rows(
            connection,
            "SELECT fingerprint_hi, fingerprint_lo, lead_id FROM import_fingerprint "
            "WHERE fingerprint_hi {in_highs}",
            highs=print_highs(prints),
        )
        known = {print_key(high, low): int(lead_id) for high, low, lead_id in rows}
    if dry_run is not None:
        known.update((fp, dry_run.known[fp]) for fp in prints if fp in dry_run.known)

    phones, emails, external_ids = contacts(records)

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
        # Each customer with one of the batch's phones or e-mails, with each of its open
        # leads (one query for both); a key names its oldest customer and newest open lead.
        sqlite = connection.dialect.name == "sqlite"
        by_contact = _BY_CONTACT_SQLITE if sqlite else _BY_CONTACT_PG
        sql = _CUSTOMERS_AND_OPEN_LEADS.replace("{by_contact}", by_contact)
        for customer_id, phone, email, lead_id in match_rows(
            connection, sql, phones=phones, emails=emails
        ):
            customer_id = int(customer_id)
            for key in (f"phone:{phone}" if phone else None, f"email:{email}" if email else None):
                if key is None:
                    continue
                if customers.get(key, customer_id) >= customer_id:
                    customers[key] = customer_id
                if lead_id is not None and key_to_lead.get(key, 0) < lead_id:
                    key_to_lead[key] = int(lead_id)

    if dry_run is not None:
        # Leads the earlier chunks would have created are newer than any stored one.
        for key in {key for values in records for key in identity_keys(values)}:
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
    matches = Matches(known, key_to_lead, customers, states, next_customer, next_lead)
    batch = build_rows(
        records, prints, documents, matches, result, actor=actor, now=now, fingerprints=fingerprints
    )
    if dry_run is not None:
        dry_run.known.update(known)
        dry_run.key_to_lead.update(key_to_lead)
        dry_run.customers.update(customers)
        dry_run.next_customer, dry_run.next_lead = matches.next_customer, matches.next_lead
        return result
    new_leads, touched, waits = batch.leads, batch.touched, batch.waits
    insert_rows(connection, "customer", CUSTOMER_COLUMNS, batch.customers)
    # New leads are inserted with their response clock already running.
    clocks = arrival_columns(connection, batch.new_waits())
    insert_rows(connection, "lead", LEAD_COLUMNS, finished_leads(batch, states, clocks))
    old_touched = sorted(touched - set(new_leads))
    if old_touched:
        sql = f"UPDATE lead SET {', '.join(f'{c} = ?' for c in ATTENTION_COLUMNS)} WHERE id = ?"
        _run_many(
            connection,
            sql,
            [(*attention_values(states[lead_id]), lead_id) for lead_id in old_touched],
        )
    insert_rows(connection, "message", MESSAGE_COLUMNS, batch.messages, constants=MESSAGE_CONSTANTS)
    insert_rows(
        connection, "import_fingerprint", PRINT_COLUMNS, batch.prints, one_per_statement=True
    )
    insert_rows(connection, "change_log", CHANGE_COLUMNS, batch.changes)
    if batch.customers or new_leads:
        sync_serial_ids(connection, ("customer", "lead"))
    if search_later is None:
        refresh_search(connection, sorted(touched | set(new_leads)), known=batch.fresh_docs)
    else:
        search_later((sorted(touched | set(new_leads)), batch.fresh_docs))
    # Issue 15: the response clock, and round-robin in the transaction that creates the leads.
    start_waiting(connection, {k: at for k, at in waits.items() if k not in new_leads})
    distribute_new_leads(connection, lead_ids=result.created_ids, actor=actor, now=now)
    return result


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
