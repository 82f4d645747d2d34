"""Duty ("na loja") and automatic distribution: the value objects the services return."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class OnDuty:
    """A salesperson on duty.

    Attributes:
        name: The salesperson.
        since: When they went on duty.
    """

    name: str
    since: datetime


@dataclass(frozen=True, slots=True)
class Rescue:
    """A lead taken back from a salesperson who did not answer it in time.

    Attributes:
        lead_id: The lead.
        from_salesperson: Who had it.
        to_salesperson: Who has it now (None: back to "Não atribuído").
        waited_seconds: Business seconds it had waited with ``from_salesperson``.
    """

    lead_id: int
    from_salesperson: str
    to_salesperson: str | None
    waited_seconds: float
