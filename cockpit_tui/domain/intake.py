"""Rules for leads arriving from files and event feeds: fields, validation, identity.

Pure functions: the service reads the file, these decide what each row means.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from datetime import UTC, datetime, tzinfo
from decimal import Decimal
from functools import lru_cache
from operator import attrgetter
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
        return fingerprint_of(record_values(self))

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


def validate(raw: Mapping[str, str], *, zone: tzinfo | None = None) -> LeadRecord | Rejection:
    """Check and clean one incoming lead given as field → text.

    Args:
        raw: Values by lead field (see :func:`field_of`); missing fields are empty.
        zone: Time zone of dates written without one (None: the machine's).
    """
    values = validate_values(raw, zone=zone)
    if isinstance(values, Rejection):
        return values
    return LeadRecord(*values)


#: A valid record as plain values, in :class:`LeadRecord`'s field order.
RecordValues = tuple[
    str,
    str | None,
    str | None,
    str | None,
    Decimal | None,
    str | None,
    str | None,
    datetime | None,
    str | None,
    str | None,
    Status,
    tuple[tuple[str, str], ...],
]

#: A record's values as a tuple (one C call instead of a dozen attribute reads).
record_values: Callable[[LeadRecord], RecordValues] = attrgetter(
    *(field.name for field in dataclass_fields(LeadRecord))
)

_MISSING_NAME = Rejection("intake.missing_name")
_MISSING_CONTACT = Rejection("intake.missing_contact")
_BAD_PHONE = Rejection("intake.bad_phone")
_BAD_EMAIL = Rejection("intake.bad_email")
_BAD_PRICE = Rejection("intake.bad_price")
_BAD_DATE = Rejection("intake.bad_date")
_BAD_STATUS = Rejection("intake.bad_status")
_BAD_CONSENT = Rejection("intake.bad_consent")


def validate_values(
    raw: Mapping[str, str], *, zone: tzinfo | None = None
) -> RecordValues | Rejection:
    """:func:`validate`'s answer as plain values (``LeadRecord(*values)`` is the record).

    An import checks its rows in other processes and sends them back: a tuple
    crosses faster than a record. Fields that repeat from row to row (vehicle,
    price, source, date, status, consent, salesperson) are read once per
    distinct text.
    """
    normalize_phone = _lazy_checks()[0]
    for value in raw.values():
        if not isinstance(value, str) or len(value) > MAX_RAW_FIELD:
            return _refused_value(raw)
    get = raw.get
    name = clean_text(get("name", ""))
    if not name:
        return _MISSING_NAME
    phone_text = clean_text(get("phone", ""), max_length=40)
    email_text = clean_text(get("email", "")).lower()
    if not phone_text and not email_text:
        return _MISSING_CONTACT
    phone = None
    if phone_text:
        phone = normalize_phone(phone_text)
        if phone is None:
            return _BAD_PHONE
    if email_text and not _EMAIL.fullmatch(email_text):
        return _BAD_EMAIL
    # A field left out or blank reads as nothing without a look-up (most columns of most rows).
    price = _price_field(text) if (text := get("price")) else None
    if isinstance(price, Rejection):
        return price
    created_at = _date_field(text, zone) if (text := get("date")) else None
    if isinstance(created_at, Rejection):
        return created_at
    status = _status_field(text) if (text := get("status")) else Status.NEW
    if isinstance(status, Rejection):
        return status
    consent = _consent_field(text) if (text := get("consent")) else ()
    if isinstance(consent, Rejection):
        return consent
    return (
        name,
        phone,
        email_text or None,
        _optional_field(text) if (text := get("vehicle")) else None,
        price,
        _source_field(text) if (text := get("source")) else None,
        _message_field(text) if (text := get("message")) else None,
        created_at,
        _optional_field(text) if (text := get("external_id")) else None,
        _salesperson_field(text) if (text := get("salesperson")) else None,
        status,
        consent,
    )


def _refused_value(raw: Mapping[str, str]) -> Rejection:
    """Why a row with a value that is not text, or too long, is refused (the first such field)."""
    for field, value in raw.items():
        if not isinstance(value, str):
            return Rejection("intake.bad_value", (("field", field),))
        if len(value) > MAX_RAW_FIELD:
            return Rejection("intake.field_too_long", (("field", field), ("size", str(len(value)))))
    raise AssertionError("no value to refuse")  # pragma: no cover


#: Distinct texts of a repeated field kept per process (an import's vehicles, prices…).
_REPEATED = 4096


@lru_cache(maxsize=_REPEATED)
def _optional_field(raw: str | None) -> str | None:
    return clean_optional(raw)


@lru_cache(maxsize=_REPEATED)
def _source_field(raw: str | None) -> str | None:
    return tidy_source(clean_optional(raw))


@lru_cache(maxsize=_REPEATED)
def _salesperson_field(raw: str | None) -> str | None:
    return clean_optional(raw, max_length=100)


@lru_cache(maxsize=_REPEATED)
def _price_field(raw: str) -> Decimal | Rejection | None:
    text = clean_text(raw)
    if not text:
        return None
    price = parse_price(text)
    return _BAD_PRICE if price is None else price


@lru_cache(maxsize=_REPEATED)
def _date_field(raw: str, zone: tzinfo | None) -> datetime | Rejection | None:
    text = clean_text(raw)
    if not text:
        return None
    when = parse_when(text, zone)
    return _BAD_DATE if when is None else when


@lru_cache(maxsize=_REPEATED)
def _status_field(raw: str) -> Status | Rejection:
    text = clean_text(raw)
    if not text:
        return Status.NEW
    found = parse_status(text)
    return _BAD_STATUS if found is None else found


@lru_cache(maxsize=_REPEATED)
def _consent_field(raw: str) -> tuple[tuple[str, str], ...] | Rejection:
    consent = _lazy_checks()[1](clean_text(raw))
    if consent is None:
        return _BAD_CONSENT
    return tuple((channel.value, state.value) for channel, state in consent)


#: Longest message whose cleaning is kept for the next rows (templates repeat; letters do not).
_REPEATED_MESSAGE = 500


@lru_cache(maxsize=_REPEATED)
def _short_message(raw: str) -> str | None:
    return clean_message(raw) or None


def _message_field(raw: str) -> str | None:
    if len(raw) <= _REPEATED_MESSAGE:
        return _short_message(raw)
    return clean_message(raw) or None


_STATUS_TEXT = {status: status.value for status in Status}


def fingerprint_of(values: RecordValues) -> str:
    """:meth:`LeadRecord.fingerprint` of a record given as :data:`RecordValues`.

    The format is kept forever: a file imported by an earlier version must be
    recognised by its fingerprints (tests/unit/test_intake_fast_paths.py pins it).
    """
    (
        name,
        phone,
        email,
        vehicle,
        price,
        source,
        message,
        created_at,
        external,
        seller,
        status,
        _,
    ) = values
    text = "\x1f".join(
        (
            name,
            phone or "",
            email or "",
            vehicle or "",
            str(price or ""),
            source or "",
            message or "",
            created_at.isoformat() if created_at else "",
            external or "",
            seller or "",
            _STATUS_TEXT[status],
        )
    )
    return str(_sha256()(text.encode()).hexdigest())


def fingerprint_key(fingerprint: str) -> int:
    """What the store keeps of a fingerprint: its first 128 bits (32 hex digits) as a number.

    Two integer columns instead of 64 characters make the store's index of
    fingerprints a quarter of the size (an import rewrites it at every chunk);
    128 bits of SHA-256 tell rows apart as surely as the whole hash in practice.
    A fingerprint that is not hexadecimal (none is written so) is hashed first.
    """
    try:
        return int(fingerprint[:32], 16)
    except ValueError:
        return int(_sha256()(fingerprint.encode()).hexdigest()[:32], 16)
