"""Use cases on one lead: create, messages, read, handled, move, undo, assign, renegotiate."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from cockpit_tui.domain import attention
from cockpit_tui.domain.errors import (
    InvalidInputError,
    LeadNotFoundError,
    MoveConflictError,
    NothingToUndoError,
)
from cockpit_tui.domain.models import (
    Direction,
    LeadCard,
    LeadCreate,
    LeadDetail,
    Message,
    MoveResult,
    OutboxItem,
    StatusChange,
)
from cockpit_tui.domain.sanitize import clean_message, clean_optional, clean_text
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services.cards import card_from_row
from cockpit_tui.services.clock import Clock
from cockpit_tui.store.handle import Store

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from cockpit_tui.store.tables import CustomerRow, LeadRow, MessageRow


class LeadService:
    """Everything a salesperson (or a script) does to a lead.

    Every method runs one short write transaction and records what it did in
    the change log in that same transaction. The ORM (SQLAlchemy, SQLModel)
    is imported inside the methods, on the first write, so opening the board
    does not pay for it.

    Args:
        store: The open store.
        actor: The salesperson's name, recorded on every change.
        clock: Time source.
    """

    def __init__(self, store: Store, *, actor: str, clock: Clock) -> None:
        self._store = store
        self.actor = clean_text(actor, max_length=100) or "?"
        self._clock = clock

    def warm_up(self) -> None:
        """Load the write path (ORM, repository, engine) ahead of the first write."""
        from cockpit_tui.store import repository  # noqa: F401  (imported for its cost)

        self._store.engine  # noqa: B018  (created for its cost)

    @contextmanager
    def _write(self) -> Iterator[Session]:
        from cockpit_tui.store.engine import write_session

        with write_session(self._store.engine) as session:
            yield session

    def _card(self, lead_id: int) -> LeadCard:
        row = self._store.reader.card_row(lead_id)
        if row is None:
            raise LeadNotFoundError(lead_id=lead_id)
        return card_from_row(row)

    def _lead(self, session: Session, lead_id: int) -> LeadRow:
        from cockpit_tui.store import repository

        row = repository.get_lead(session, lead_id=lead_id)
        if row is None:
            raise LeadNotFoundError(lead_id=lead_id)
        return row

    # -- reading --------------------------------------------------------------

    def get(self, lead_id: int) -> LeadCard:
        """A lead's card as stored now.

        Raises:
            LeadNotFoundError: no lead has that id.
        """
        return self._card(lead_id)

    def conversation(self, lead_id: int) -> list[Message]:
        """A lead's messages, oldest first."""
        from cockpit_tui.store import repository
        from cockpit_tui.store.engine import read_session

        with read_session(self._store.engine) as session:
            self._lead(session, lead_id)
            return [
                message_from_row(row)
                for row in repository.messages_of_lead(session, lead_id=lead_id)
            ]

    def moves(self, lead_id: int) -> list[StatusChange]:
        """A lead's recorded moves, oldest first."""
        from cockpit_tui.store import repository
        from cockpit_tui.store.engine import read_session

        with read_session(self._store.engine) as session:
            self._lead(session, lead_id)
            return [
                StatusChange(
                    id=row.id or 0,
                    lead_id=row.lead_id,
                    from_status=Status(row.from_status),
                    to_status=Status(row.to_status),
                    actor=row.actor,
                    at=row.at,
                    undone=row.undone_at is not None,
                )
                for row in repository.moves_of_lead(session, lead_id=lead_id)
            ]

    def detail(self, lead_id: int) -> LeadDetail:
        """Everything the lead screen shows: card, conversation, history, negotiations.

        Raises:
            LeadNotFoundError: no lead has that id.
        """
        from cockpit_tui.services.lead_detail import read_lead_detail
        from cockpit_tui.store.engine import read_session

        card = self._card(lead_id)
        with read_session(self._store.engine) as session:
            return read_lead_detail(session, self._lead(session, lead_id), card)

    def outbox(self) -> list[OutboxItem]:
        """Replies waiting for a delivery connector, oldest first."""
        from cockpit_tui.store import repository
        from cockpit_tui.store.engine import read_session

        with read_session(self._store.engine) as session:
            return [
                OutboxItem(
                    message_id=message.id or 0,
                    lead_id=message.lead_id,
                    customer_name=customer.name,
                    phone=customer.phone,
                    email=customer.email,
                    body=message.body,
                    at=message.at,
                )
                for message, customer in repository.outbox(session)
            ]

    def acknowledge_delivery(self, message_id: int) -> None:
        """A delivery connector sent an outbound reply: it leaves the outbox.

        Raises:
            InvalidInputError: no reply waiting in the outbox has that id.
        """
        from cockpit_tui.store.tables import MessageRow

        with self._write() as session:
            message = session.get(MessageRow, message_id)
            if message is None or message.direction != Direction.OUTBOUND.value:
                raise InvalidInputError("outbox.unknown", reply_id=message_id)
            if message.delivered_at is not None:
                raise InvalidInputError("outbox.already", reply_id=message_id)
            message.delivered_at = self._clock.now()

    # -- creating -------------------------------------------------------------

    def add(
        self,
        *,
        name: str,
        phone: str | None = None,
        email: str | None = None,
        vehicle: str | None = None,
        price: Decimal | None = None,
        source: str | None = None,
        message: str | None = None,
        external_id: str | None = None,
        at: datetime | None = None,
    ) -> LeadCard:
        """Add a lead that just arrived: a card on top of Nova proposta, not bold.

        A customer with the same phone or e-mail is reused, so their earlier
        negotiations stay linked.

        Raises:
            InvalidInputError: no name, or a phone that is not a valid number.
        """
        when = at or self._clock.now()
        spec = LeadCreate(
            name=name,
            phone=phone,
            email=email,
            vehicle=vehicle,
            price=price,
            source=source,
            external_id=external_id,
            created_at=when,
            messages=(),
        )
        with self._write() as session:
            lead_id = self._insert(session, spec, first_message=message)
        return self._card(lead_id)

    def _insert(self, session: Session, spec: LeadCreate, *, first_message: str | None) -> int:
        from cockpit_tui.store import repository

        name = clean_text(spec.name)
        if not name:
            raise InvalidInputError("error.name_required")
        from cockpit_tui.domain.phones import normalize_phone  # lazy: off the start-up path

        phone = None
        if spec.phone and clean_text(spec.phone):
            phone = normalize_phone(clean_text(spec.phone, max_length=40))
            if phone is None:
                raise InvalidInputError("error.bad_phone")
        email = clean_optional(spec.email)
        email = email.lower() if email else None
        customer = _find_customer(session, phone=phone, email=email)
        if customer is None:
            customer = repository.insert_customer(
                session, name=name, phone=phone, email=email, at=spec.created_at
            )
        assert customer.id is not None
        row = repository.insert_lead(
            session,
            customer_id=customer.id,
            status=Status.NEW.value,
            state=attention.on_arrival(spec.created_at),
            created_at=spec.created_at,
            vehicle=clean_optional(spec.vehicle),
            price=spec.price,
            source=clean_optional(spec.source),
            external_id=clean_optional(spec.external_id),
        )
        assert row.id is not None
        body = clean_message(first_message) if first_message else ""
        if body:
            repository.insert_message(
                session,
                lead_id=row.id,
                direction=Direction.INBOUND.value,
                body=body,
                at=spec.created_at,
                author=None,
                read_at=spec.created_at,  # the arrival message is no reply: never bold
            )
        _reindex(session, [row.id])
        repository.append_change(
            session, kind="lead.created", lead_id=row.id, actor=self.actor, at=self._clock.now()
        )
        return row.id

    # -- messages -------------------------------------------------------------

    def record_inbound(self, lead_id: int, text: str, *, at: datetime | None = None) -> LeadCard:
        """A customer's message arrived: the lead goes on top, its name bold.

        Does not bump the version moves compare against: a reply must not make
        a colleague's move fail.

        Raises:
            InvalidInputError: the text is empty once cleaned.
            LeadNotFoundError: no lead has that id.
        """

        body = clean_message(text)
        if not body:
            raise InvalidInputError("error.empty_message")
        when = at or self._clock.now()
        with self._write() as session:
            lead = self._lead(session, lead_id)
            add_inbound_message(
                session, lead, body, at=when, actor=self.actor, logged_at=self._clock.now()
            )
        return self._card(lead_id)

    def reply(self, lead_id: int, text: str) -> Message:
        """Send a reply: stored as outbound, queued in the outbox, and it counts as acting.

        Raises:
            InvalidInputError: an empty reply.
            LeadNotFoundError: no lead has that id.
        """
        from cockpit_tui.store import repository

        body = clean_message(text)
        if not body:
            raise InvalidInputError("error.empty_reply")
        now = self._clock.now()
        with self._write() as session:
            lead = self._lead(session, lead_id)
            repository.mark_messages_read(session, lead_id=lead_id, at=now)
            message = repository.insert_message(
                session,
                lead_id=lead_id,
                direction=Direction.OUTBOUND.value,
                body=body,
                at=now,
                author=self.actor,
            )
            state = attention.on_action(repository.attention_of(lead), now, reads=True)
            repository.apply_attention(lead, state)
            _reindex(session, [lead_id])
            repository.append_change(
                session, kind="message.out", lead_id=lead_id, actor=self.actor, at=now
            )
            return message_from_row(message)

    def mark_read(self, lead_id: int) -> LeadCard:
        """The conversation was read: the name stops being bold; the lead stays on top."""
        from cockpit_tui.store import repository

        now = self._clock.now()
        with self._write() as session:
            lead = self._lead(session, lead_id)
            if repository.mark_messages_read(session, lead_id=lead_id, at=now) or lead.unread_count:
                repository.apply_attention(lead, attention.on_read(repository.attention_of(lead)))
                repository.append_change(
                    session, kind="lead.read", lead_id=lead_id, actor=self.actor, at=now
                )
        return self._card(lead_id)

    def mark_handled(self, lead_id: int) -> LeadCard:
        """The salesperson dealt with the lead without replying: it leaves the top."""
        from cockpit_tui.store import repository

        now = self._clock.now()
        with self._write() as session:
            lead = self._lead(session, lead_id)
            if lead.attention_at is not None:
                state = attention.on_action(repository.attention_of(lead), now)
                repository.apply_attention(lead, state)
                repository.append_change(
                    session, kind="lead.handled", lead_id=lead_id, actor=self.actor, at=now
                )
        return self._card(lead_id)

    def add_note(self, lead_id: int, text: str) -> LeadCard:
        """Leave a note on the lead; logging a contact counts as acting (it leaves the top).

        Raises:
            InvalidInputError: an empty note.
            LeadNotFoundError: no lead has that id.
        """
        from cockpit_tui.store import repository

        body = clean_message(text)
        if not body:
            raise InvalidInputError("form.empty_note")
        now = self._clock.now()
        with self._write() as session:
            lead = self._lead(session, lead_id)
            repository.insert_note(session, lead_id=lead_id, body=body, actor=self.actor, at=now)
            state = attention.on_action(repository.attention_of(lead), now)
            repository.apply_attention(lead, state)
            repository.append_change(
                session, kind="lead.note", lead_id=lead_id, actor=self.actor, at=now
            )
        return self._card(lead_id)

    # -- moving ---------------------------------------------------------------

    def move(
        self, lead_id: int, to_status: Status, *, seen_version: int | None = None
    ) -> MoveResult:
        """Move a lead to another column, compare-and-set on the version the user saw.

        Args:
            lead_id: The lead.
            to_status: Where it goes (any status may move to any other).
            seen_version: The version the user saw; None moves whatever is stored now.

        Raises:
            MoveConflictError: the lead is no longer at ``seen_version``.
            InvalidInputError: the lead is already in ``to_status``.
            LeadNotFoundError: no lead has that id.
        """
        now = self._clock.now()
        with self._write() as session:
            lead = self._lead(session, lead_id)
            from_status = Status(lead.status)
            change_id = move_in_session(
                session, lead, to_status, seen_version=seen_version, actor=self.actor, now=now
            )
        return MoveResult(self._card(lead_id), from_status, to_status, change_id)

    def undo_last_move(self) -> MoveResult:
        """Undo this user's most recent move not yet undone (repeat for more levels).

        The reverse move is itself compare-and-set: if anybody moved the lead
        since, the undo is refused rather than overwrite their move, and that
        move leaves the user's undo stack (the next undo goes further back).

        Raises:
            NothingToUndoError: the user has no move left to undo.
            MoveConflictError: the lead was moved again since.
        """
        from cockpit_tui.store import repository

        now = self._clock.now()
        with self._write() as session:
            original = repository.last_undoable_move(session, actor=self.actor)
            if original is None:
                raise NothingToUndoError()
            lead = self._lead(session, original.lead_id)
            # Only this user's own moves and undos may stand between the move
            # and now; anything else means a colleague moved the lead since.
            latest = repository.last_move_of_lead(session, lead_id=original.lead_id)
            untouched = (
                latest is not None
                and latest.actor == self.actor
                and (latest.id == original.id or latest.undo_of is not None)
            )
            seen = lead.version
            overtaken = None
            if not untouched or lead.status != original.to_status:
                overtaken = _conflict(session, lead, seen)
            elif repository.compare_and_set_status(
                session,
                lead_id=original.lead_id,
                seen_version=seen,
                to_status=original.from_status,
                state=attention.on_action(repository.attention_of(lead), now),
            ):
                original.undone_at = now
                repository.insert_status_change(
                    session,
                    lead_id=original.lead_id,
                    from_status=original.to_status,
                    to_status=original.from_status,
                    actor=self.actor,
                    at=now,
                    version_after=seen + 1,
                    undo_of=original.id,
                )
                change_id = repository.append_change(
                    session, kind="lead.moved", lead_id=original.lead_id, actor=self.actor, at=now
                )
            else:  # pragma: no cover - the write lock makes this unreachable
                raise _conflict(session, lead, seen)
            if overtaken is not None:
                # Committed with the refusal, so the next undo steps past this move.
                original.superseded_at = now
            lead_id = original.lead_id
            from_status, back_to = Status(original.to_status), Status(original.from_status)
        if overtaken is not None:
            raise overtaken
        return MoveResult(self._card(lead_id), from_status, back_to, change_id)

    # -- people and negotiations ------------------------------------------------

    def assign(self, lead_id: int, salesperson: str | None) -> LeadCard:
        """Assign the lead to a salesperson, or to nobody with None ("Não atribuído")."""
        from cockpit_tui.store import repository

        name = clean_optional(salesperson, max_length=100) if salesperson else None
        now = self._clock.now()
        with self._write() as session:
            lead = self._lead(session, lead_id)
            if lead.assigned_to != name:
                lead.assigned_to = name
                repository.insert_assignment(
                    session, lead_id=lead_id, assigned_to=name, actor=self.actor, at=now
                )
                repository.append_change(
                    session, kind="lead.assigned", lead_id=lead_id, actor=self.actor, at=now
                )
        return self._card(lead_id)

    def assign_to_me(self, lead_id: int) -> LeadCard:
        """Assign the lead to the current user."""
        return self.assign(lead_id, self.actor)

    def new_negotiation(self, lead_id: int) -> LeadCard:
        """Start a new negotiation with the customer of a sold or lost lead.

        The old lead keeps its history; the new one is a card on top of Nova
        proposta, linked to it and to the same customer.

        Raises:
            InvalidInputError: the lead's negotiation is still open.
        """
        from cockpit_tui.store import repository

        now = self._clock.now()
        with self._write() as session:
            old = self._lead(session, lead_id)
            if not Status(old.status).is_closed:
                raise InvalidInputError("error.negotiation_still_open", lead_id=lead_id)
            row = repository.insert_lead(
                session,
                customer_id=old.customer_id,
                status=Status.NEW.value,
                state=attention.on_arrival(now),
                created_at=now,
                source=old.source,
                assigned_to=self.actor,
                previous_lead_id=lead_id,
            )
            assert row.id is not None
            _reindex(session, [row.id])
            repository.append_change(
                session, kind="lead.created", lead_id=row.id, actor=self.actor, at=now
            )
            new_id = row.id
        return self._card(new_id)


def move_in_session(
    session: Session,
    lead: LeadRow,
    to_status: Status,
    *,
    seen_version: int | None,
    actor: str,
    now: datetime,
) -> int:
    """Move a lead inside the caller's transaction; returns the change-log id.

    Compare-and-set on ``seen_version`` (None: whatever is stored now); the
    move is recorded in the lead's history and counts as acting on the lead.

    Raises:
        MoveConflictError: the lead is no longer at ``seen_version``.
        InvalidInputError: the lead is already in ``to_status``.
    """
    from cockpit_tui.store import repository

    assert lead.id is not None
    expected = lead.version if seen_version is None else seen_version
    if lead.version != expected:
        raise _conflict(session, lead, expected)
    from_status = Status(lead.status)
    if from_status is to_status:
        raise InvalidInputError("error.already_in_status", status=to_status.value)
    state = attention.on_action(repository.attention_of(lead), now)
    if not repository.compare_and_set_status(
        session, lead_id=lead.id, seen_version=expected, to_status=to_status.value, state=state
    ):
        session.refresh(lead)
        raise _conflict(session, lead, expected)
    repository.insert_status_change(
        session,
        lead_id=lead.id,
        from_status=from_status.value,
        to_status=to_status.value,
        actor=actor,
        at=now,
        version_after=expected + 1,
    )
    # The UPDATE went around the ORM: ``lead`` still holds the old status and version.
    return repository.append_change(
        session, kind="lead.moved", lead_id=lead.id, actor=actor, at=now
    )


def _conflict(session: Session, lead: LeadRow, seen_version: int) -> MoveConflictError:
    from cockpit_tui.store import repository

    assert lead.id is not None
    last = repository.last_move_of_lead(session, lead_id=lead.id)
    return MoveConflictError(
        lead_id=lead.id,
        seen_version=seen_version,
        current_version=lead.version,
        status=lead.status,
        moved_by=last.actor if last else None,
    )


def add_inbound_message(
    session: Session, lead: LeadRow, body: str, *, at: datetime, actor: str, logged_at: datetime
) -> None:
    """Store a customer's message on a lead: on top of its column, name bold, logged.

    The version moves compare against is left alone. Shared by
    :meth:`LeadService.record_inbound` and the event feed.
    """
    from cockpit_tui.store import repository

    assert lead.id is not None
    repository.insert_message(
        session, lead_id=lead.id, direction=Direction.INBOUND.value, body=body, at=at, author=None
    )
    repository.apply_attention(
        lead, attention.on_inbound_message(repository.attention_of(lead), at)
    )
    _reindex(session, [lead.id])
    repository.append_change(session, kind="message.in", lead_id=lead.id, actor=actor, at=logged_at)


def _find_customer(session: Session, *, phone: str | None, email: str | None) -> CustomerRow | None:
    from sqlalchemy import or_, select

    from cockpit_tui.store.tables import CustomerRow

    conditions = []
    if phone:
        conditions.append(CustomerRow.phone == phone)
    if email:
        conditions.append(CustomerRow.email == email)
    if not conditions:
        return None
    return session.scalars(
        select(CustomerRow).where(or_(*conditions)).order_by(CustomerRow.id).limit(1)  # type: ignore[arg-type]
    ).first()


def message_from_row(row: MessageRow) -> Message:
    """The domain's view of a message row."""
    return Message(
        id=row.id or 0,
        lead_id=row.lead_id,
        direction=Direction(row.direction),
        body=row.body,
        at=row.at,
        author=row.author,
        read_at=row.read_at,
        delivered_at=row.delivered_at,
    )


def _reindex(session: Session, lead_ids: list[int]) -> None:
    """Rebuild the leads' search documents in this transaction (imported on first write)."""
    from cockpit_tui.store.search_index import refresh_search

    refresh_search(session, lead_ids)
