"""Column types shared by the tables: instants and money stored as integers.

Instants are UTC microseconds since the epoch and prices are cents. Integers
compare, index and page the same way on SQLite and PostgreSQL, and the board's
plain DB-API reader can use them without the ORM.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Dialect
from sqlalchemy.types import TypeDecorator

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def to_micros(value: datetime) -> int:
    """A timezone-aware instant as UTC microseconds since the epoch."""
    if value.tzinfo is None:
        raise ValueError("naive datetimes are ambiguous; pass an aware one")
    return (value - _EPOCH) // timedelta(microseconds=1)


def from_micros(value: int) -> datetime:
    """UTC microseconds since the epoch as an aware datetime in UTC."""
    return _EPOCH + timedelta(microseconds=value)


def to_cents(value: Decimal) -> int:
    """An amount in reais as whole cents."""
    return int((value * 100).to_integral_value())


def from_cents(value: int) -> Decimal:
    """Whole cents as an exact amount in reais."""
    return (Decimal(value) / 100).quantize(Decimal("0.01"))


class UtcInstant(TypeDecorator[datetime]):
    """An aware datetime stored as UTC microseconds (BIGINT)."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> int | None:
        return None if value is None else to_micros(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else from_micros(int(value))


class Cents(TypeDecorator[Decimal]):
    """An exact amount in reais stored as whole cents (BIGINT)."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        return None if value is None else to_cents(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else from_cents(int(value))
