"""Correcting a lead: the fields a salesperson may edit and how each typed value is read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.intake import is_email
from cockpit_tui.domain.money import parse_price
from cockpit_tui.domain.sanitize import clean_optional, clean_text
from cockpit_tui.domain.sources import tidy_source


class EditableField(StrEnum):
    """A field of a lead that can be corrected: the customer's or the negotiation's."""

    NAME = "name"
    PHONE = "phone"
    EMAIL = "email"
    VEHICLE = "vehicle"
    PRICE = "price"
    SOURCE = "source"

    @property
    def is_customer(self) -> bool:
        """Stored on the customer (shared by their negotiations) rather than on the lead."""
        return self in (EditableField.NAME, EditableField.PHONE, EditableField.EMAIL)


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One correction recorded in a lead's history.

    Values are stored as text: a phone in E.164, a price as "139900.00".

    Attributes:
        id: The record's id.
        lead_id: The lead.
        field: Which field.
        old: The value before (None: empty).
        new: The value after (None: cleared).
        actor: Who changed it.
        at: When.
    """

    id: int
    lead_id: int
    field: EditableField
    old: str | None
    new: str | None
    actor: str
    at: datetime


def read_field(field: EditableField, raw: str) -> str | Decimal | None:
    """The value to store for what a person typed in ``field`` (None: cleared).

    Raises:
        InvalidInputError: "entry.name_required" (a name cannot be cleared),
            "entry.bad_phone", "entry.bad_email" or "entry.bad_price".
    """
    if field is EditableField.NAME:
        name = clean_text(raw)
        if not name:
            raise InvalidInputError("entry.name_required")
        return name
    text = clean_text(raw, max_length=200)
    if not text:
        return None
    if field is EditableField.PHONE:
        from cockpit_tui.domain.phones import normalize_phone  # lazy: phonenumbers is heavy

        phone = normalize_phone(clean_text(raw, max_length=40))
        if phone is None:
            raise InvalidInputError("entry.bad_phone")
        return phone
    if field is EditableField.EMAIL:
        email = text.lower()
        if not is_email(email):
            raise InvalidInputError("entry.bad_email")
        return email
    if field is EditableField.PRICE:
        price = parse_price(text)
        if price is None:
            raise InvalidInputError("entry.bad_price")
        return price
    if field is EditableField.SOURCE:
        return tidy_source(clean_optional(raw))
    return clean_optional(raw)


def stored_text(value: str | Decimal | None) -> str | None:
    """A field's value as the history stores it."""
    return None if value is None else str(value)
