"""Rules for a lead typed by hand (a walk-in, a phone call): sources and validation.

The same checks as imports (:func:`cockpit_tui.domain.intake.validate`), with
one full sentence per problem for the form's last line and the CLI's stderr.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.filters import fold
from cockpit_tui.domain.intake import LeadRecord, validate

#: Sources offered first for a lead typed by hand, before the store's known ones.
WALK_IN = "Loja (presencial)"
PHONE_CALL = "Telefone"
HAND_SOURCES = (WALK_IN, PHONE_CALL)

#: Import rejection reasons → the sentence a person typing the lead reads.
_REASONS = {
    "intake.missing_name": "entry.name_required",
    "intake.missing_contact": "entry.contact_required",
    "intake.bad_phone": "entry.bad_phone",
    "intake.bad_email": "entry.bad_email",
    "intake.bad_price": "entry.bad_price",
    "intake.field_too_long": "entry.too_long",
}


@dataclass(frozen=True, slots=True)
class NewLead:
    """A lead as a salesperson types it; every field is raw text.

    Attributes:
        name: Customer's name (required).
        phone: Phone in any Brazilian format (this or ``email`` required).
        email: E-mail.
        vehicle: Vehicle of interest.
        price: Price as people write it ("R$ 139.900,00", "139900").
        source: Where the customer came from.
        message: A first note or message (what the customer asked).
    """

    name: str
    phone: str = ""
    email: str = ""
    vehicle: str = ""
    price: str = ""
    source: str = ""
    message: str = ""


@dataclass(frozen=True, slots=True)
class CleanLead:
    """A :class:`NewLead` once checked and cleaned."""

    name: str
    phone: str | None
    email: str | None
    vehicle: str | None
    price: Decimal | None
    source: str | None
    message: str | None


def check_new_lead(typed: NewLead) -> CleanLead:
    """Validate and clean a lead typed by hand.

    Raises:
        InvalidInputError: the first problem found, as one sentence
            ("entry.name_required", "entry.contact_required", "entry.bad_phone",
            "entry.bad_email", "entry.bad_price", "entry.too_long").
    """
    checked = validate(
        {
            "name": typed.name,
            "phone": typed.phone,
            "email": typed.email,
            "vehicle": typed.vehicle,
            "price": typed.price,
            "source": typed.source,
            "message": typed.message,
        }
    )
    if not isinstance(checked, LeadRecord):
        values = dict(checked.values)
        raise InvalidInputError(_REASONS.get(checked.reason, "error.invalid_input"), **values)
    return CleanLead(
        name=checked.name,
        phone=checked.phone,
        email=checked.email,
        vehicle=checked.vehicle,
        price=checked.price,
        source=checked.source,
        message=checked.message,
    )


def source_choices(known: Iterable[str]) -> list[str]:
    """The sources offered for a lead typed by hand.

    "Loja (presencial)" and "Telefone" first, then the store's known sources
    (without repeating those two, compared without case and accents).
    """
    seen = {fold(source) for source in HAND_SOURCES}
    choices = list(HAND_SOURCES)
    for source in known:
        key = fold(source)
        if key and key not in seen:
            seen.add(key)
            choices.append(source)
    return choices


def same_person(stored_name: str, typed_name: str) -> bool:
    """Whether a stored customer's name is the name just typed (case and accents aside)."""
    return fold(stored_name).split() == fold(typed_name).split()
