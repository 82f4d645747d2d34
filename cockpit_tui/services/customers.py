"""The data subject's rights (LGPD Art. 18): find a customer, export all of it, erase it.

Every export and erasure is recorded in the audit table (who, when, which
customer id, which action), never with the personal data itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cockpit_tui.domain.customers import (
    AuditAction,
    CustomerNegotiation,
    CustomerSummary,
    ErasePreview,
    erased_name,
)
from cockpit_tui.domain.errors import CockpitError, InvalidInputError
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services.clock import Clock
from cockpit_tui.store.handle import Store

if TYPE_CHECKING:
    from cockpit_tui.store.transaction import Session

ProgressCallback = Callable[[int, int], None]

#: Version of the export document's layout.
EXPORT_FORMAT = 1


class CustomerNotFoundError(CockpitError):
    """No customer has that id."""

    message_id = "error.customer_not_found"


class DeliveryInFlightError(CockpitError):
    """A reply to the customer is waiting in the outbox; erasing now would race its delivery."""

    message_id = "error.erase_in_flight"


def deliveries_in_flight(session: Session, customer_id: int) -> list[int]:
    """The outbox messages to this customer whose delivery may be under way.

    The one place erase and retention ask; the delivery connector (``cockpit
    serve``) narrows it when the outbox gains a "sending" state.
    """
    from cockpit_tui.store.customer_data import deliveries_in_flight as waiting

    return waiting(session, customer_id=customer_id)


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _json_row(row: dict[str, Any]) -> dict[str, Any]:
    return {key: _json_value(value) for key, value in row.items()}


def erase_in(
    session: Session, customer_id: int, *, actor: str, at: datetime, detail: str | None = None
) -> None:
    """Anonymise a customer and record it, inside the caller's write transaction.

    Raises:
        CustomerNotFoundError: no customer has that id.
        DeliveryInFlightError: a reply to them is waiting for delivery.
    """
    from cockpit_tui.store import customer_data
    from cockpit_tui.store.consent_audit import customer_exists, insert_audit

    if not customer_exists(session, customer_id=customer_id):
        raise CustomerNotFoundError(customer_id=customer_id)
    waiting = deliveries_in_flight(session, customer_id)
    if waiting:
        raise DeliveryInFlightError(
            customer_id=customer_id, ids=", ".join(str(found) for found in waiting)
        )
    customer_data.anonymise_customer(
        session, customer_id=customer_id, name=erased_name(customer_id), at=at, actor=actor
    )
    insert_audit(
        session,
        action=AuditAction.ERASE,
        actor=actor,
        at=at,
        customer_id=customer_id,
        detail=detail,
    )


class CustomerService:
    """Finds, exports and erases customers for one salesperson (recorded as the actor).

    Args:
        store: The open store.
        actor: Who asks (recorded in the audit table).
        clock: Time source.
    """

    def __init__(self, store: Store, *, actor: str, clock: Clock) -> None:
        self._store = store
        self._actor = actor
        self._clock = clock

    # -- finding ----------------------------------------------------------------

    def find(
        self, *, phone: str | None = None, email: str | None = None, name: str | None = None
    ) -> list[CustomerSummary]:
        """Customers with this phone, this e-mail, or a name containing this text.

        Raises:
            InvalidInputError: not exactly one criterion, or a phone that is no number.
        """
        from cockpit_tui.domain.filters import fold
        from cockpit_tui.store import customer_data
        from cockpit_tui.store.engine import read_session

        given = [value for value in (phone, email, name) if value is not None and value.strip()]
        if len(given) != 1:
            raise InvalidInputError("error.customer_find_one")
        normalized_phone = None
        if phone is not None:
            from cockpit_tui.domain.phones import normalize_phone

            normalized_phone = normalize_phone(phone.strip())
            if normalized_phone is None:
                raise InvalidInputError("error.bad_phone")
        with read_session(self._store.engine) as session:
            if name is not None:
                wanted = fold(name.strip())
                ids = [
                    customer_id
                    for customer_id, stored in customer_data.customer_names(session)
                    if wanted in fold(stored)
                ]
                rows = customer_data.find_customers(session, customer_ids=ids) if ids else []
            else:
                rows = customer_data.find_customers(
                    session,
                    phone=normalized_phone,
                    email=email.strip().lower() if email is not None else None,
                )
            return self._summaries(session, rows)

    def _summaries(self, session: Session, rows: list[dict[str, Any]]) -> list[CustomerSummary]:
        from cockpit_tui.store import customer_data

        if not rows:
            return []
        negotiations: dict[int, list[CustomerNegotiation]] = {}
        for lead in customer_data.leads_of(session, customer_ids=[row["id"] for row in rows]):
            negotiations.setdefault(lead["customer_id"], []).append(
                CustomerNegotiation(lead["id"], Status(lead["status"]), lead["last_activity_at"])
            )
        return [
            CustomerSummary(
                id=row["id"],
                name=row["name"],
                phone=row["phone"],
                email=row["email"],
                erased_at=row["erased_at"],
                negotiations=tuple(negotiations.get(row["id"], ())),
            )
            for row in rows
        ]

    def get(self, customer_id: int) -> CustomerSummary:
        """One customer with their negotiations.

        Raises:
            CustomerNotFoundError: no customer has that id.
        """
        from cockpit_tui.store import customer_data
        from cockpit_tui.store.engine import read_session

        with read_session(self._store.engine) as session:
            found = self._summaries(
                session, customer_data.find_customers(session, customer_ids=[customer_id])
            )
        if not found:
            raise CustomerNotFoundError(customer_id=customer_id)
        return found[0]

    # -- access and portability (Art. 18 II, V; Art. 19) ----------------------------

    def export(
        self, customer_id: int, *, on_progress: ProgressCallback | None = None
    ) -> dict[str, Any]:
        """Everything the store holds about a customer, as one JSON-ready document.

        The customer row, each lead with every row that refers to it (moves,
        messages with their delivery times, notes, appointments, outcomes,
        assignments, change-log entries, import fingerprints with their
        dates), the consent records and the audit records. Each list is keyed
        by its table's name. The export itself is recorded in the audit table.

        Raises:
            CustomerNotFoundError: no customer has that id.
        """
        from cockpit_tui.store import customer_data
        from cockpit_tui.store.consent_audit import insert_audit
        from cockpit_tui.store.engine import read_session, write_session

        with read_session(self._store.engine) as session:
            found = customer_data.find_customers(session, customer_ids=[customer_id])
            if not found:
                raise CustomerNotFoundError(customer_id=customer_id)
            leads = customer_data.leads_of(session, customer_ids=[customer_id])
            exported_leads = []
            for done, lead in enumerate(leads, start=1):
                entry = _json_row(lead)
                for table in customer_data.LEAD_TABLES:
                    rows = customer_data.rows_of_lead(session, table=table, lead_id=lead["id"])
                    entry[table.name] = [_json_row(row) for row in rows]
                exported_leads.append(entry)
                if on_progress is not None:
                    on_progress(done, len(leads))
            document: dict[str, Any] = {
                "format": "cockpit-tui.customer-export",
                "format_version": EXPORT_FORMAT,
                "exported_at": self._clock.now().isoformat(),
                "exported_by": self._actor,
                "customer": _json_row(found[0]),
                "lead": exported_leads,
            }
            for table in customer_data.CUSTOMER_TABLES:
                rows = customer_data.rows_of_customer(session, table=table, customer_id=customer_id)
                document[table.name] = [_json_row(row) for row in rows]
        with write_session(self._store.engine) as session:
            insert_audit(
                session,
                action=AuditAction.EXPORT,
                actor=self._actor,
                at=self._clock.now(),
                customer_id=customer_id,
            )
        return document

    # -- anonymisation (Art. 18 IV, VI) -----------------------------------------------

    def erase_preview(self, customer_id: int) -> ErasePreview:
        """What :meth:`erase` would clear, to show before asking.

        Raises:
            CustomerNotFoundError: no customer has that id.
        """
        from cockpit_tui.store import customer_data
        from cockpit_tui.store.engine import read_session

        customer = self.get(customer_id)
        with read_session(self._store.engine) as session:
            messages, notes = customer_data.count_text(
                session, lead_ids=[lead.lead_id for lead in customer.negotiations]
            )
        return ErasePreview(customer=customer, messages=messages, notes=notes)

    def erase(self, customer_id: int) -> CustomerSummary:
        """Anonymise a customer in one transaction, recorded in the audit table.

        See :func:`cockpit_tui.store.customer_data.anonymise_customer` for
        what is cleared and what stays. On SQLite the freed space is
        overwritten and the write-ahead log truncated afterwards, so the file
        keeps no copy of the erased text.

        Raises:
            CustomerNotFoundError: no customer has that id.
            DeliveryInFlightError: a reply to them is waiting for delivery.
        """
        from cockpit_tui.store.engine import write_session
        from cockpit_tui.store.scrub import overwriting_freed_space, truncate_wal

        with write_session(self._store.engine) as session, overwriting_freed_space(session):
            erase_in(session, customer_id, actor=self._actor, at=self._clock.now())
        truncate_wal(self._store.engine)
        return self.get(customer_id)

    def known_backups(self) -> list[str]:
        """Backup files that may still hold erased data.

        The copies taken before schema migrations (next to a SQLite store)
        and every ``cockpit backup`` destination recorded in the audit table.
        """
        from cockpit_tui.store.consent_audit import audit_rows
        from cockpit_tui.store.engine import read_session

        found: list[str] = []
        path = self._store.url.sqlite_path
        if path is not None and path.parent.is_dir():
            found.extend(
                str(candidate) for candidate in sorted(path.parent.glob(f"{path.name}.pre-v*.bak"))
            )
        with read_session(self._store.engine) as session:
            for row in audit_rows(session, action=AuditAction.BACKUP):
                if row["detail"] and row["detail"] not in found:
                    found.append(row["detail"])
        return found


def write_export(document: dict[str, Any], destination: Path) -> None:
    """Write an export as UTF-8 JSON, readable only by its owner.

    Raises:
        InvalidInputError: the file cannot be written.
    """
    import json

    from cockpit_tui.store.fileperms import ensure_private_file

    try:
        ensure_private_file(destination)
        with destination.open("w", encoding="utf-8") as out:
            json.dump(document, out, ensure_ascii=False, indent=2)
            out.write("\n")
    except OSError as error:
        raise InvalidInputError("error.export_unwritable", path=str(destination)) from error
