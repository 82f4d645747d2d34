"""How instants, money and fingerprints are written in the database: integers, no ORM needed.

Instants are UTC microseconds since the epoch and prices are cents; an
imported row's fingerprint key (128 bits) is two signed 64-bit halves. Integers
compare, index and page the same way on SQLite and PostgreSQL, and the
board's plain DB-API reader decodes them without importing SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from decimal import Decimal

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)
_SIGN, _WRAP = 1 << 63, 1 << 64
_LOW = _WRAP - 1


def to_micros(value: datetime) -> int:
    """A timezone-aware instant as UTC microseconds since the epoch."""
    if value.tzinfo is None:
        raise ValueError("naive datetimes are ambiguous; pass an aware one")
    return (value - _EPOCH) // _MICROSECOND


def from_micros(value: int) -> datetime:
    """UTC microseconds since the epoch as an aware datetime in UTC."""
    return _EPOCH + _MICROSECOND * value  # half the cost of timedelta(microseconds=…)


def to_cents(value: Decimal) -> int:
    """An amount in reais as whole cents."""
    return int((value * 100).to_integral_value())


def from_cents(value: int) -> Decimal:
    """Whole cents as an exact amount in reais."""
    return Decimal(value).scaleb(-2)  # exact, two places: what dividing and quantizing gave


def print_halves(key: int) -> tuple[int, int]:
    """A fingerprint key (:func:`~cockpit_tui.domain.intake.fingerprint_key`) as the two
    stored columns: its high and low 64 bits, each a signed integer (two's complement)."""
    high, low = key >> 64, key & _LOW
    return (high - _WRAP if high >= _SIGN else high, low - _WRAP if low >= _SIGN else low)


def print_highs(keys: Iterable[int]) -> list[int]:
    """The high column of each key, as :func:`print_halves` gives it (one pass: a chunk's
    lookup runs it for every row)."""
    top = _SIGN << 64
    return [key >> 64 if key < top else (key >> 64) - _WRAP for key in keys]


def print_key(high: int, low: int) -> int:
    """The fingerprint key of a stored row's two columns (the inverse of :func:`print_halves`)."""
    return ((high & _LOW) << 64) | (low & _LOW)
