"""A customer as the data controller sees them: found, exported, erased, audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cockpit_tui.domain.statuses import Status

#: The name an erased customer keeps (the same in every language: it is stored).
ERASED_NAME = "Cliente removido #{customer_id}"


def erased_name(customer_id: int) -> str:
    """The name that replaces an erased customer's."""
    return ERASED_NAME.format(customer_id=customer_id)


@dataclass(frozen=True, slots=True)
class CustomerNegotiation:
    """One lead of a customer, as ``cockpit customer find`` lists it."""

    lead_id: int
    status: Status
    last_activity_at: datetime


@dataclass(frozen=True, slots=True)
class CustomerSummary:
    """A customer with their negotiations.

    Attributes:
        id: The customer's id.
        name: Their name (or "Cliente removido #ID" once erased).
        phone: E.164 phone.
        email: E-mail.
        erased_at: When they were anonymised, if they were.
        negotiations: Their leads, oldest first.
    """

    id: int
    name: str
    phone: str | None
    email: str | None
    erased_at: datetime | None
    negotiations: tuple[CustomerNegotiation, ...]

    @property
    def last_activity_at(self) -> datetime | None:
        """The latest activity over all their negotiations."""
        return max((lead.last_activity_at for lead in self.negotiations), default=None)


@dataclass(frozen=True, slots=True)
class ErasePreview:
    """What erasing a customer will clear, shown before asking.

    Attributes:
        customer: The customer.
        messages: Messages whose text goes.
        notes: Notes whose text goes.
    """

    customer: CustomerSummary
    messages: int
    notes: int


class AuditAction:
    """The actions the audit table records (stable codes)."""

    EXPORT = "customer.export"
    ERASE = "customer.erase"
    RETENTION = "retention.run"
    BACKUP = "store.backup"


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """One line of the audit table.

    Attributes:
        id: Its id.
        at: When.
        actor: Who.
        action: One of :class:`AuditAction`.
        customer_id: The customer concerned, if one.
        count: Customers concerned (retention runs).
        detail: The backup's destination, for backups.
    """

    id: int
    at: datetime
    actor: str
    action: str
    customer_id: int | None
    count: int | None
    detail: str | None
