"""SQLAlchemy column types for instants and money, encoded by :mod:`cockpit_tui.store.codec`."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Dialect
from sqlalchemy.types import TypeDecorator

from cockpit_tui.store.codec import from_cents, from_micros, to_cents, to_micros


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
