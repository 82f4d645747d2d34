"""The time source of the services, replaceable in tests."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol


class Clock(Protocol):
    """Something that tells the current instant (timezone-aware, UTC)."""

    def now(self) -> datetime:
        """The current instant."""
        ...


class SystemClock:
    """The machine's clock."""

    def now(self) -> datetime:
        """The current instant, in UTC."""
        return datetime.now(UTC)


class FrozenClock:
    """A clock that only moves when told to (tests, snapshots, benchmarks)."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def now(self) -> datetime:
        """The frozen instant."""
        return self.at
