"""SQLModel table models: the rows as stored. Never handed to the UI.

The services turn rows into the domain's value objects. The schema itself is
created by the versioned migrations in :mod:`cockpit_tui.store.migrations`;
``tests/store/test_migrations.py`` checks these models match it.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import BigInteger, Table
from sqlmodel import Field, SQLModel

from cockpit_tui.store.types import Cents, UtcInstant


class StoreSettingRow(SQLModel, table=True):
    """A store-wide setting (the plan, …) as a key and a text value."""

    __tablename__ = "store_setting"

    key: str = Field(primary_key=True, max_length=64)
    value: str = Field(max_length=1000)


class CustomerRow(SQLModel, table=True):
    """A person the store talks to."""

    __tablename__ = "customer"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    phone: str | None = Field(default=None, max_length=32)
    email: str | None = Field(default=None, max_length=200)
    created_at: datetime = Field(sa_type=UtcInstant)
    erased_at: datetime | None = Field(default=None, sa_type=UtcInstant)


class LeadRow(SQLModel, table=True):
    """One negotiation with a customer: one card on the board.

    ``needs_attention`` and ``sort_at`` are derived from the attention rules
    and kept in the row so a column's page is one index range scan.
    """

    __tablename__ = "lead"

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id")
    previous_lead_id: int | None = Field(default=None, foreign_key="lead.id")
    status: str = Field(max_length=20)
    version: int = Field(default=1)
    assigned_to: str | None = Field(default=None, max_length=100)
    vehicle: str | None = Field(default=None, max_length=200)
    price: Decimal | None = Field(default=None, sa_type=Cents)
    source: str | None = Field(default=None, max_length=200)
    external_id: str | None = Field(default=None, max_length=200)
    created_at: datetime = Field(sa_type=UtcInstant)
    last_activity_at: datetime = Field(sa_type=UtcInstant)
    attention_at: datetime | None = Field(default=None, sa_type=UtcInstant)
    unread_count: int = Field(default=0)
    needs_attention: int = Field(default=0)
    sort_at: datetime = Field(sa_type=UtcInstant)
    next_appointment_at: datetime | None = Field(default=None, sa_type=UtcInstant)
    # Issue 15: the response clock (see store/response_clock.py).
    waiting_since: datetime | None = Field(default=None, sa_type=UtcInstant)
    response_due_soon_at: datetime | None = Field(default=None, sa_type=UtcInstant)
    response_due_at: datetime | None = Field(default=None, sa_type=UtcInstant)
    first_response_at: datetime | None = Field(default=None, sa_type=UtcInstant)
    first_response_seconds: int | None = Field(default=None)


class MessageRow(SQLModel, table=True):
    """A message of a lead's conversation; outbound ones undelivered form the outbox."""

    __tablename__ = "message"

    id: int | None = Field(default=None, primary_key=True)
    lead_id: int = Field(foreign_key="lead.id")
    direction: str = Field(max_length=3)
    body: str = Field(max_length=4000)
    at: datetime = Field(sa_type=UtcInstant)
    author: str | None = Field(default=None, max_length=100)
    read_at: datetime | None = Field(default=None, sa_type=UtcInstant)
    delivered_at: datetime | None = Field(default=None, sa_type=UtcInstant)


class StatusChangeRow(SQLModel, table=True):
    """A move of a lead between columns.

    Undo marks the move ``undone_at`` and records the reverse move (with
    ``undo_of``); a refused undo of a move a colleague overtook marks it
    ``superseded_at``.
    """

    __tablename__ = "status_change"

    id: int | None = Field(default=None, primary_key=True)
    lead_id: int = Field(foreign_key="lead.id")
    from_status: str = Field(max_length=20)
    to_status: str = Field(max_length=20)
    actor: str = Field(max_length=100)
    at: datetime = Field(sa_type=UtcInstant)
    version_after: int
    undo_of: int | None = Field(default=None, foreign_key="status_change.id")
    undone_at: datetime | None = Field(default=None, sa_type=UtcInstant)
    superseded_at: datetime | None = Field(default=None, sa_type=UtcInstant)
    before_attention_at: datetime | None = Field(default=None, sa_type=UtcInstant)
    before_unread_count: int | None = Field(default=None)
    before_last_activity_at: datetime | None = Field(default=None, sa_type=UtcInstant)


class AppointmentRow(SQLModel, table=True):
    """A scheduled visit, call back or video call."""

    __tablename__ = "appointment"

    id: int | None = Field(default=None, primary_key=True)
    lead_id: int = Field(foreign_key="lead.id")
    kind: str = Field(max_length=20)
    at: datetime = Field(sa_type=UtcInstant)
    occurred: bool | None = Field(default=None)
    created_by: str = Field(max_length=100)
    created_at: datetime = Field(sa_type=UtcInstant)
    resolved_at: datetime | None = Field(default=None, sa_type=UtcInstant)
    resolved_by: str | None = Field(default=None, max_length=100)
    ended: str | None = Field(default=None, max_length=20)
    end_reason: str | None = Field(default=None, max_length=200)
    replaces_id: int | None = Field(default=None)
    undone_at: datetime | None = Field(default=None, sa_type=UtcInstant)


class LeadEditRow(SQLModel, table=True):
    """A corrected field of a lead (customer or negotiation), with the old and new value."""

    __tablename__ = "lead_edit"

    id: int | None = Field(default=None, primary_key=True)
    lead_id: int = Field(foreign_key="lead.id")
    field: str = Field(max_length=20)
    old_value: str | None = Field(default=None, max_length=200)
    new_value: str | None = Field(default=None, max_length=200)
    actor: str = Field(max_length=100)
    at: datetime = Field(sa_type=UtcInstant)


class ReplyTemplateRow(SQLModel, table=True):
    """A reply template of the store (text with placeholders)."""

    __tablename__ = "reply_template"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=60, unique=True)
    body: str = Field(max_length=2000)
    marketing: bool = Field(default=False)
    whatsapp_template: str | None = Field(default=None, max_length=100)
    whatsapp_language: str | None = Field(default=None, max_length=10)
    updated_by: str = Field(max_length=100)
    updated_at: datetime = Field(sa_type=UtcInstant)


class OutcomeRow(SQLModel, table=True):
    """How a negotiation ended: sale data or the reason it was lost."""

    __tablename__ = "outcome"

    id: int | None = Field(default=None, primary_key=True)
    lead_id: int = Field(foreign_key="lead.id")
    kind: str = Field(max_length=10)
    price: Decimal | None = Field(default=None, sa_type=Cents)
    payment_method: str | None = Field(default=None, max_length=20)
    trade_in: str | None = Field(default=None, max_length=200)
    lost_reason: str | None = Field(default=None, max_length=30)
    note: str | None = Field(default=None, max_length=4000)
    actor: str = Field(max_length=100)
    at: datetime = Field(sa_type=UtcInstant)
    undone_at: datetime | None = Field(default=None, sa_type=UtcInstant)


class NoteRow(SQLModel, table=True):
    """A note a salesperson left on a lead."""

    __tablename__ = "note"

    id: int | None = Field(default=None, primary_key=True)
    lead_id: int = Field(foreign_key="lead.id")
    body: str = Field(max_length=4000)
    actor: str = Field(max_length=100)
    at: datetime = Field(sa_type=UtcInstant)


class AssignmentRow(SQLModel, table=True):
    """A change of salesperson on a lead (``assigned_to`` None: "Não atribuído")."""

    __tablename__ = "assignment"

    id: int | None = Field(default=None, primary_key=True)
    lead_id: int = Field(foreign_key="lead.id")
    assigned_to: str | None = Field(default=None, max_length=100)
    actor: str = Field(max_length=100)
    at: datetime = Field(sa_type=UtcInstant)
    reason: str | None = Field(default=None, max_length=20)
    #: Issue 15: whom the lead was taken from (a rescue alerts both; migration 17).
    previous: str | None = Field(default=None, max_length=100)
    before_assigned_to: str | None = Field(default=None, max_length=100)
    undone_at: datetime | None = Field(default=None, sa_type=UtcInstant)


class UndoStepRow(SQLModel, table=True):
    """One action on a lead its actor may undo, in the order done (migration 20)."""

    __tablename__ = "undo_step"

    id: int | None = Field(default=None, primary_key=True)
    lead_id: int = Field(foreign_key="lead.id")
    actor: str = Field(max_length=100)
    at: datetime = Field(sa_type=UtcInstant)
    kind: str = Field(max_length=10)
    ref_id: int
    closed_at: datetime | None = Field(default=None, sa_type=UtcInstant)


class HandledRow(SQLModel, table=True):
    """An "atendido", with the lead's attention and response clock just before (migration 20)."""

    __tablename__ = "handled"

    id: int | None = Field(default=None, primary_key=True)
    lead_id: int = Field(foreign_key="lead.id")
    actor: str = Field(max_length=100)
    at: datetime = Field(sa_type=UtcInstant)
    before_attention_at: datetime | None = Field(default=None, sa_type=UtcInstant)
    before_unread_count: int
    before_last_activity_at: datetime = Field(sa_type=UtcInstant)
    before_waiting_since: datetime | None = Field(default=None, sa_type=UtcInstant)
    before_response_due_soon_at: datetime | None = Field(default=None, sa_type=UtcInstant)
    before_response_due_at: datetime | None = Field(default=None, sa_type=UtcInstant)
    before_first_response_at: datetime | None = Field(default=None, sa_type=UtcInstant)
    before_first_response_seconds: int | None = None
    undone_at: datetime | None = Field(default=None, sa_type=UtcInstant)


class TeamMemberRow(SQLModel, table=True):
    """A salesperson of the store."""

    __tablename__ = "team_member"

    name: str = Field(primary_key=True, max_length=100)
    added_at: datetime = Field(sa_type=UtcInstant)


class DutyRow(SQLModel, table=True):
    """A salesperson on duty ("na loja"); the lowest ``turn`` gets the next lead."""

    __tablename__ = "duty"

    name: str = Field(
        primary_key=True,
        max_length=100,
        foreign_key="team_member.name",
        ondelete="CASCADE",
    )
    since_at: datetime = Field(sa_type=UtcInstant)
    turn: int


class ChangeLogRow(SQLModel, table=True):
    """Append-only log of changes, written in the same transaction as the change."""

    __tablename__ = "change_log"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_type=UtcInstant)
    kind: str = Field(max_length=40)
    lead_id: int | None = Field(default=None)
    actor: str = Field(max_length=100)


class ImportFingerprintRow(SQLModel, table=True):
    """A file row already imported (the hash of its cleaned values) and its lead.

    The fingerprint is kept as its first 128 bits, high and low halves as signed 64-bit
    integers (:func:`~cockpit_tui.domain.intake.fingerprint_key`, migration 23).
    """

    __tablename__ = "import_fingerprint"

    fingerprint_hi: int = Field(primary_key=True, sa_type=BigInteger)
    fingerprint_lo: int = Field(primary_key=True, sa_type=BigInteger)
    lead_id: int
    at: datetime = Field(sa_type=UtcInstant)


class IngestedEventRow(SQLModel, table=True):
    """An event already applied by ``cockpit ingest`` (its ``id``)."""

    __tablename__ = "ingested_event"

    id: str = Field(primary_key=True, max_length=200)
    at: datetime = Field(sa_type=UtcInstant)


class ConsentRow(SQLModel, table=True):
    """A customer's consent on one channel as it changed: the latest record counts."""

    __tablename__ = "consent"

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id")
    channel: str = Field(max_length=10)
    state: str = Field(max_length=10)
    source: str = Field(max_length=20)
    actor: str = Field(max_length=100)
    at: datetime = Field(sa_type=UtcInstant)


class AuditRow(SQLModel, table=True):
    """Who exported or erased which customer, retention runs, backups: never the data."""

    __tablename__ = "audit"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_type=UtcInstant)
    actor: str = Field(max_length=100)
    action: str = Field(max_length=40)
    customer_id: int | None = Field(default=None, foreign_key="customer.id")
    count: int | None = Field(default=None)
    detail: str | None = Field(default=None, max_length=1000)


def table_named(name: str) -> Table:
    """The Core table of one of the models above, for queries without the ORM's rows."""
    return SQLModel.metadata.tables[name]
