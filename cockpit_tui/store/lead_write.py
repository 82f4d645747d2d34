"""The one write path for lead changes: a unit of work over one short write transaction.

Every service that changes a lead opens :func:`lead_write`, loads the lead
through it (under the store's write lock), applies its change through the
methods here, and says which leads' search documents changed and what to
log. When the block ends without an error, the search documents are
refreshed and the change log appended in that same transaction, then it
commits; an error rolls everything back.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import or_
from sqlmodel import col, select

from cockpit_tui.domain import attention
from cockpit_tui.domain.business_time import SlaMarks
from cockpit_tui.domain.errors import LeadNotFoundError, MoveConflictError
from cockpit_tui.domain.models import AttentionState
from cockpit_tui.domain.statuses import Status
from cockpit_tui.store import repository
from cockpit_tui.store.engine import write_session
from cockpit_tui.store.response_clock import ResponsePolicy, response_policy
from cockpit_tui.store.tables import CustomerRow, LeadRow
from cockpit_tui.store.undo_steps import ClockState

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session


class WrittenLead:
    """A lead loaded for change: read its fields, change them only through its methods.

    Args:
        row: The lead's row in the open transaction.
    """

    __slots__ = ("_row",)

    def __init__(self, row: LeadRow) -> None:
        self._row = row

    @property
    def id(self) -> int:
        """The lead's id."""
        assert self._row.id is not None
        return self._row.id

    @property
    def status(self) -> Status:
        """Its column (as loaded: a compare-and-set move goes around the ORM)."""
        return Status(self._row.status)

    @property
    def version(self) -> int:
        """The version moves compare against."""
        return self._row.version

    @property
    def customer_id(self) -> int:
        """Its customer."""
        return self._row.customer_id

    @property
    def source(self) -> str | None:
        """Where it came from."""
        return self._row.source

    @property
    def assigned_to(self) -> str | None:
        """Its salesperson, if any."""
        return self._row.assigned_to

    @property
    def attention(self) -> AttentionState:
        """Its stored attention state."""
        row = self._row
        return AttentionState(row.attention_at, row.unread_count, row.last_activity_at)

    def set_attention(self, state: AttentionState) -> None:
        """Store a new attention state (and the board order it implies)."""
        row = self._row
        row.attention_at = state.attention_at
        row.unread_count = state.unread_count
        row.last_activity_at = state.last_activity_at
        row.needs_attention = 1 if state.attention_at is not None else 0
        row.sort_at = attention.sort_at(state)

    def set_assigned_to(self, name: str | None) -> None:
        """Store its salesperson (None: nobody)."""
        self._row.assigned_to = name

    def set_next_appointment_at(self, at: datetime | None) -> None:
        """Store when its next pending appointment is."""
        self._row.next_appointment_at = at

    @property
    def waiting_since(self) -> datetime | None:
        """Since when it waits for a response (None: nothing waits)."""
        return self._row.waiting_since

    @property
    def first_response_at(self) -> datetime | None:
        """When it was first answered."""
        return self._row.first_response_at

    def start_waiting(self, since: datetime, marks: SlaMarks) -> None:
        """It waits for a response from ``since``; ``marks`` are its SLA deadlines."""
        row = self._row
        row.waiting_since = since
        row.response_due_soon_at = marks.due_soon_at
        row.response_due_at = marks.due_at

    def stop_waiting(self, at: datetime, seconds: int) -> None:
        """Answered at ``at``; ``seconds``: business seconds from arrival, kept if first."""
        row = self._row
        row.waiting_since = row.response_due_soon_at = row.response_due_at = None
        if row.first_response_at is None:
            row.first_response_at = at
            row.first_response_seconds = seconds

    def clock(self) -> ClockState:
        """Its response clock as stored (what an undo puts back)."""
        row = self._row
        return ClockState(
            row.waiting_since,
            row.response_due_soon_at,
            row.response_due_at,
            row.first_response_at,
            row.first_response_seconds,
        )

    def restore_clock(self, clock: ClockState) -> None:
        """Put a response clock back as it was (undoing the "atendido" that stopped it)."""
        row = self._row
        row.waiting_since = clock.waiting_since
        row.response_due_soon_at = clock.due_soon_at
        row.response_due_at = clock.due_at
        row.first_response_at = clock.first_response_at
        row.first_response_seconds = clock.first_response_seconds

    def negotiation(self, column: str) -> str | Decimal | None:
        """One of the negotiation's corrected fields: ``vehicle``, ``price`` or ``source``."""
        value: str | Decimal | None = getattr(self._row, _NEGOTIATION[column])
        return value

    def set_negotiation(self, column: str, value: str | Decimal | None) -> None:
        """Correct ``vehicle``, ``price`` or ``source`` (the caller records the change)."""
        setattr(self._row, _NEGOTIATION[column], value)


#: The lead's columns a correction may change (the others change through their own methods).
_NEGOTIATION = {"vehicle": "vehicle", "price": "price", "source": "source"}

#: The customer's columns a correction may change.
_CUSTOMER = {"name": "name", "phone": "phone", "email": "email"}


class WrittenCustomer:
    """A lead's customer loaded for a correction of its name, phone or e-mail.

    Args:
        row: The customer's row in the open transaction.
    """

    __slots__ = ("_row",)

    def __init__(self, row: CustomerRow) -> None:
        self._row = row

    @property
    def id(self) -> int:
        """The customer's id."""
        assert self._row.id is not None
        return self._row.id

    def field(self, column: str) -> str | None:
        """``name``, ``phone`` or ``email``."""
        value: str | None = getattr(self._row, _CUSTOMER[column])
        return value

    def set_field(self, column: str, value: str | None) -> None:
        """Correct ``name``, ``phone`` or ``email`` (the caller records the change)."""
        setattr(self._row, _CUSTOMER[column], value)


class LeadWrite:
    """One open write transaction on leads; see :func:`lead_write`.

    Attributes:
        actor: Who makes the change (recorded in the change log).
        now: The change's time (the change log's).
        change_ids: The change-log ids appended on commit, in order.
    """

    def __init__(
        self, session: Session, *, actor: str, now: datetime, joins_team: bool = False
    ) -> None:
        self._session = session
        self._joins_team = joins_team
        self.actor = actor
        self.now = now
        self.change_ids: list[int] = []
        self._changes: list[tuple[str, int | None]] = []
        self._reindex: set[int] = set()
        self._policy: ResponsePolicy | None = None

    @property
    def session(self) -> Session:
        """The transaction's session, for the store's own helpers (repository, intake)."""
        return self._session

    def lead(self, lead_id: int) -> WrittenLead:
        """Load a lead for change.

        Raises:
            LeadNotFoundError: no lead has that id.
        """
        row = repository.get_lead(self._session, lead_id=lead_id)
        if row is None:
            raise LeadNotFoundError(lead_id=lead_id)
        return WrittenLead(row)

    def policy(self) -> ResponsePolicy:
        """The store's calendar and SLA target, read once per transaction."""
        if self._policy is None:
            self._policy = response_policy(self._session.connection())
        return self._policy

    def await_response(self, lead: WrittenLead, since: datetime) -> None:
        """Issue 15: the lead waits from ``since`` unless it already waits (earlier start kept)."""
        if lead.waiting_since is None:
            lead.start_waiting(since, self.policy().marks(since))

    def respond(self, lead: WrittenLead) -> None:
        """Issue 15: a response now (reply, note, "atendido") stops the lead's clock."""
        if lead.waiting_since is None and lead.first_response_at is not None:
            return
        lead.stop_waiting(self.now, self.policy().seconds(lead._row.created_at, self.now))

    def customer(self, customer_id: int) -> WrittenCustomer:
        """Load a customer for a correction.

        Raises:
            LookupError: no customer has that id (a lead's foreign key forbids it).
        """
        row = self._session.get(CustomerRow, customer_id)
        if row is None:
            raise LookupError(customer_id)
        return WrittenCustomer(row)

    def act(self, lead: WrittenLead, *, reads: bool = False) -> None:
        """The salesperson acted on the lead now: it leaves the top (and is read with ``reads``)."""
        lead.set_attention(attention.on_action(lead.attention, self.now, reads=reads))

    def log(self, kind: str, lead_id: int | None) -> None:
        """Append a change-log entry of ``kind`` on commit."""
        self._changes.append((kind, lead_id))

    def reindex(self, lead_id: int) -> None:
        """Refresh the lead's search document on commit."""
        self._reindex.add(lead_id)

    def customer_for(self, *, name: str, phone: str | None, email: str | None, at: datetime) -> int:
        """The customer with that phone or e-mail (the oldest), or a new one; its id."""
        conditions = []
        if phone:
            conditions.append(col(CustomerRow.phone) == phone)
        if email:
            conditions.append(col(CustomerRow.email) == email)
        found = None
        if conditions:
            found = self._session.scalars(
                select(CustomerRow).where(or_(*conditions)).order_by(col(CustomerRow.id)).limit(1)
            ).first()
        if found is None:
            found = CustomerRow(name=name, phone=phone, email=email, created_at=at)
            self._session.add(found)
            self._session.flush()
        assert found.id is not None
        return found.id

    def person_for(self, *, name: str, phone: str | None, email: str | None, at: datetime) -> int:
        """A lead typed by hand: the customer with that contact *and* that name, or a new one.

        Someone sharing a phone (a relative, a company line) gets a customer of
        their own; the customer found by one contact keeps the other one typed now.
        """
        from cockpit_tui.domain.lead_entry import same_person
        from cockpit_tui.store.lead_entry import customers_with_contact

        found = next(
            (
                row
                for row in customers_with_contact(self._session, phone=phone, email=email)
                if same_person(row.name, name)
            ),
            None,
        )
        if found is None:
            found = CustomerRow(name=name, phone=phone, email=email, created_at=at)
            self._session.add(found)
            self._session.flush()
        else:
            found.phone = found.phone or phone
            found.email = found.email or email
        assert found.id is not None
        return found.id

    def new_lead(
        self,
        *,
        customer_id: int,
        created_at: datetime,
        vehicle: str | None = None,
        price: Decimal | None = None,
        source: str | None = None,
        external_id: str | None = None,
        assigned_to: str | None = None,
        previous_lead_id: int | None = None,
    ) -> WrittenLead:
        """Add a lead on top of Nova proposta (its search document is refreshed on commit)."""
        state = attention.on_arrival(created_at)
        row = LeadRow(
            customer_id=customer_id,
            previous_lead_id=previous_lead_id,
            status=Status.NEW.value,
            version=1,
            assigned_to=assigned_to,
            vehicle=vehicle,
            price=price,
            source=source,
            external_id=external_id,
            created_at=created_at,
            last_activity_at=state.last_activity_at,
            sort_at=state.last_activity_at,
        )
        lead = WrittenLead(row)
        lead.set_attention(state)
        lead.start_waiting(created_at, self.policy().marks(created_at))
        self._session.add(row)
        self._session.flush()
        self.reindex(lead.id)
        if assigned_to is None:
            self._distribute(lead)
        return lead

    def _distribute(self, lead: WrittenLead) -> None:
        """Issue 15: round-robin an unassigned new lead in its creating transaction."""
        from cockpit_tui.store.distribution import distribute_new_leads

        given = distribute_new_leads(
            self._session.connection(), lead_ids=[lead.id], actor=self.actor, now=self.now
        )
        if given:
            self._session.refresh(lead._row)  # the assignment went around the ORM

    def set_status(
        self, lead: WrittenLead, to_status: Status, *, seen_version: int, state: AttentionState
    ) -> bool:
        """Compare-and-set: move the lead only if it is still at ``seen_version``.

        Returns:
            True when moved (its version is now ``seen_version + 1``); the
            loaded ``lead`` keeps its old status and version either way.
        """
        return repository.compare_and_set_status(
            self._session,
            lead_id=lead.id,
            seen_version=seen_version,
            to_status=to_status.value,
            state=state,
        )

    def flush(self) -> None:
        """Write the loaded rows' changes now (before a statement that goes around the ORM)."""
        self._session.flush()

    def reload(self, lead: WrittenLead) -> None:
        """Read the lead's row again (after a compare-and-set that went around the ORM)."""
        self._session.refresh(lead._row)

    def conflict(self, lead: WrittenLead, seen_version: int) -> MoveConflictError:
        """The error for a move that found the lead changed since ``seen_version``."""
        last = repository.last_move_of_lead(self._session, lead_id=lead.id)
        return MoveConflictError(
            lead_id=lead.id,
            seen_version=seen_version,
            current_version=lead.version,
            status=lead.status.value,
            moved_by=last.actor if last else None,
        )

    def _finish(self) -> None:
        if self._reindex:
            from cockpit_tui.store.search_index import refresh_search

            refresh_search(self._session, sorted(self._reindex))
        if self._joins_team and self._changes:
            self._join_team()
        for kind, lead_id in self._changes:
            self.change_ids.append(
                repository.append_change(
                    self._session, kind=kind, lead_id=lead_id, actor=self.actor, at=self.now
                )
            )

    def _join_team(self) -> None:
        """The actor, named for this run, joins the team with their first change."""
        if repository.get_team_member(self._session, name=self.actor) is None:
            repository.insert_team_member(self._session, name=self.actor, at=self.now)
            self._changes.append(("store.team", None))


@contextmanager
def lead_write(
    engine: Engine, *, actor: str, now: datetime, joins_team: bool = False
) -> Iterator[LeadWrite]:
    """Open the unit of work: one write transaction, committed when the block ends.

    Args:
        engine: The store's engine.
        actor: Who makes the change.
        now: The change's time.
        joins_team: The actor joins the store's team if the block changes anything.
    """
    with write_session(engine) as session:
        write = LeadWrite(session, actor=actor, now=now, joins_team=joins_team)
        yield write
        write._finish()
