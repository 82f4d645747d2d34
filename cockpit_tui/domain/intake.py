"""Rules for leads arriving from files and event feeds: fields, validation, identity.

Pure functions: the service reads the file, these decide what each row means.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from cockpit_tui.domain.money import parse_price
from cockpit_tui.domain.sanitize import clean_message, clean_optional, clean_text, fold_header
from cockpit_tui.domain.sources import tidy_source
from cockpit_tui.domain.statuses import Status, parse_status

if TYPE_CHECKING:
    from cockpit_tui.domain.consent import Channel, ConsentState

#: A field longer than this is refused (nobody types it; it is a broken export).
MAX_RAW_FIELD = 50_000
#: Dates outside these years are refused: they are typos or broken exports, and
#: the far ends of Python's calendar cannot even be converted between zones.
FIRST_YEAR, LAST_YEAR = 1900, 2200

#: Header names (folded: lower case, no accents, no spaces, dashes or underscores).
_FIELDS = {
    "nome": "name",
    "name": "name",
    "cliente": "name",
    "telefone": "phone",
    "phone": "phone",
    "celular": "phone",
    "fone": "phone",
    "whatsapp": "phone",
    "email": "email",
    "veiculo": "vehicle",
    "vehicle": "vehicle",
    "carro": "vehicle",
    "valor": "price",
    "price": "price",
    "preco": "price",
    "origem": "source",
    "source": "source",
    "mensagem": "message",
    "message": "message",
    "data": "date",
    "date": "date",
    "createdat": "date",
    "criadoem": "date",
    "id": "external_id",
    "externalid": "external_id",
    "vendedor": "salesperson",
    "salesperson": "salesperson",
    "status": "status",
    "consentimento": "consent",
    "consent": "consent",
    "optin": "consent",
}

#: Prices repeat from row to row (a Decimal is immutable: one per distinct text).
_price = lru_cache(maxsize=4096)(parse_price)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_BR_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?")


def is_email(text: str) -> bool:
    """Whether ``text`` looks like an e-mail address (one @, a dot in the domain, no spaces)."""
    return _EMAIL.fullmatch(text) is not None


def field_of(header: str) -> str | None:
    """The lead field a column header names (pt or en), or None for unknown columns."""
    return _FIELDS.get(fold_header(header))


@dataclass(frozen=True, slots=True)
class LeadRecord:
    """One valid incoming lead, cleaned.

    Attributes:
        name: Customer name.
        phone: E.164 phone, if given.
        email: Lower-case e-mail, if given.
        vehicle: Vehicle of interest.
        price: Exact price.
        source: Where it came from.
        message: The message it arrived with.
        created_at: When it arrived (None: now).
        external_id: The sender's id for it.
        salesperson: Assigned salesperson.
        status: Starting column.
        consent: (channel, state) pairs the row said (see :func:`parse_consent`).
    """

    name: str
    phone: str | None = None
    email: str | None = None
    vehicle: str | None = None
    price: Decimal | None = None
    source: str | None = None
    message: str | None = None
    created_at: datetime | None = None
    external_id: str | None = None
    salesperson: str | None = None
    status: Status = Status.NEW
    consent: tuple[tuple[str, str], ...] = ()

    def fingerprint(self) -> str:
        """A stable hash of the record's values: the same row imported twice has the same one."""
        parts = [
            self.name,
            self.phone or "",
            self.email or "",
            self.vehicle or "",
            str(self.price or ""),
            self.source or "",
            self.message or "",
            self.created_at.isoformat() if self.created_at else "",
            self.external_id or "",
            self.salesperson or "",
            self.status.value,
        ]
        return str(_sha256()("\x1f".join(parts).encode()).hexdigest())

    def identity_keys(self) -> list[str]:
        """Keys that make two records the same lead: external id, phone, e-mail."""
        keys = []
        if self.external_id:
            keys.append(f"id:{self.external_id}")
        if self.phone:
            keys.append(f"phone:{self.phone}")
        if self.email:
            keys.append(f"email:{self.email}")
        return keys


@dataclass(frozen=True, slots=True)
class Rejection:
    """Why a row was not imported.

    Attributes:
        reason: Catalog id of the reason ("intake.bad_phone", …).
        values: Values for the sentence (never the customer's data).
    """

    reason: str
    values: tuple[tuple[str, str], ...] = ()


def parse_when(raw: str, zone: tzinfo | None = None) -> datetime | None:
    """A date as people and systems write it: "27/11/2026", "27/11/2026 09:14", or ISO 8601.

    Dates without a zone are read in ``zone``, or in the machine's local time
    (with its daylight-saving rules) when ``zone`` is None.
    Returns None when the text is not a date, or names a year outside
    :data:`FIRST_YEAR`–:data:`LAST_YEAR`.
    """
    text = raw.strip()
    match = _BR_DATE.fullmatch(text)
    try:
        if match:
            day, month, year, hour, minute = match.groups()
            parsed = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0))
        else:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
            return None
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=zone) if zone is not None else parsed.astimezone()
        return parsed.astimezone(UTC)
    except (ValueError, OverflowError, OSError):
        # OSError: the platform's local-time conversion refuses some instants.
        return None


@lru_cache(maxsize=1)
def _sha256() -> Callable[[bytes], Any]:
    """hashlib's SHA-256, imported on first use (loading OpenSSL's hashes costs start-up time
    elsewhere; an import statement per fingerprint cost more than the hash)."""
    import hashlib

    return hashlib.sha256


@lru_cache(maxsize=1)
def _lazy_checks() -> tuple[
    Callable[[str], str | None],
    Callable[[str], tuple[tuple[Channel, ConsentState], ...] | None],
]:
    """The phone and consent checks, imported on the first row (an import statement in
    :func:`validate` itself cost more per row than most of its checks)."""
    from cockpit_tui.domain.consent import parse_consent  # it folds words with this module
    from cockpit_tui.domain.phones import normalize_phone  # lazy: phonenumbers is heavy

    return normalize_phone, parse_consent


def validate(raw: dict[str, str], *, zone: tzinfo | None = None) -> LeadRecord | Rejection:
    """Check and clean one incoming lead given as field → text.

    Args:
        raw: Values by lead field (see :func:`field_of`); missing fields are empty.
        zone: Time zone of dates written without one (None: the machine's).
    """
    normalize_phone, parse_consent = _lazy_checks()
    for field, value in raw.items():
        if not isinstance(value, str):
            return Rejection("intake.bad_value", (("field", field),))
        if len(value) > MAX_RAW_FIELD:
            return Rejection("intake.field_too_long", (("field", field), ("size", str(len(value)))))
    name = clean_text(raw.get("name", ""))
    if not name:
        return Rejection("intake.missing_name")
    phone_text = clean_text(raw.get("phone", ""), max_length=40)
    email_text = clean_text(raw.get("email", "")).lower()
    if not phone_text and not email_text:
        return Rejection("intake.missing_contact")
    phone = None
    if phone_text:
        phone = normalize_phone(phone_text)
        if phone is None:
            return Rejection("intake.bad_phone")
    if email_text and not _EMAIL.fullmatch(email_text):
        return Rejection("intake.bad_email")
    price = None
    price_text = clean_text(raw.get("price", ""))
    if price_text:
        price = _price(price_text)
        if price is None:
            return Rejection("intake.bad_price")
    created_at = None
    date_text = clean_text(raw.get("date", ""))
    if date_text:
        created_at = parse_when(date_text, zone)
        if created_at is None:
            return Rejection("intake.bad_date")
    status = Status.NEW
    status_text = clean_text(raw.get("status", ""))
    if status_text:
        found = parse_status(status_text)
        if found is None:
            return Rejection("intake.bad_status")
        status = found
    consent = parse_consent(clean_text(raw.get("consent", "")))
    if consent is None:
        return Rejection("intake.bad_consent")
    message = clean_message(raw.get("message", "")) or None
    return LeadRecord(
        name=name,
        phone=phone,
        email=email_text or None,
        vehicle=clean_optional(raw.get("vehicle")),
        price=price,
        source=tidy_source(clean_optional(raw.get("source"))),
        message=message,
        created_at=created_at,
        external_id=clean_optional(raw.get("external_id")),
        salesperson=clean_optional(raw.get("salesperson"), max_length=100),
        status=status,
        consent=tuple((channel.value, state.value) for channel, state in consent),
    )
