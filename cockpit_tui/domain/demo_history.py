"""The demo's histories, coherent with each lead's status (issue 13, defect 9).

A demo lead in Visita realizada used to show only "Lead chegou": the seed
set its column and nothing else. Here each lead gets the moves that brought
it to its column, made by its salesperson between their first reply and
their last action, on the demo's activity hours; a lead that reached
Visita realizada or Vendidos had its visit, a sold one its sale, a lost one
its reason.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from cockpit_tui.domain.models import LostReason, OutcomeKind, PaymentMethod
from cockpit_tui.domain.statuses import Status

#: The columns a lead went through before reaching its own.
_PATHS: dict[Status, tuple[Status, ...]] = {
    Status.NEW: (Status.NEW,),
    Status.NEGOTIATING: (Status.NEW, Status.NEGOTIATING),
    Status.AWAITING_VISIT: (Status.NEW, Status.NEGOTIATING, Status.AWAITING_VISIT),
    Status.VISITED: (Status.NEW, Status.NEGOTIATING, Status.AWAITING_VISIT, Status.VISITED),
    Status.SOLD: (
        Status.NEW,
        Status.NEGOTIATING,
        Status.AWAITING_VISIT,
        Status.VISITED,
        Status.SOLD,
    ),
    Status.LOST: (Status.NEW, Status.NEGOTIATING, Status.LOST),
}
_PAYMENTS = (PaymentMethod.FINANCING, PaymentMethod.CASH, PaymentMethod.TRADE_IN)
_REASONS = (
    LostReason.PRICE,
    LostReason.BOUGHT_ELSEWHERE,
    LostReason.FINANCING_DENIED,
    LostReason.NO_CONTACT,
)


@dataclass(frozen=True, slots=True)
class SeededHistory:
    """What one demo lead went through before the demo opens.

    Attributes:
        external_id: The demo lead (its ``external_id``).
        actor: Its salesperson.
        moves: (from, to, when), oldest first.
        visit_at: When its visit happened (None: no visit yet).
        outcome: (kind, price, payment method, lost reason) of a closed lead.
    """

    external_id: str
    actor: str
    moves: tuple[tuple[Status, Status, datetime], ...]
    visit_at: datetime | None
    outcome: tuple[OutcomeKind, Decimal | None, str | None, str | None] | None


def plan_histories(
    leads: Sequence[dict[str, Any]], ago: Callable[[int], datetime], *, fallback_actor: str
) -> list[SeededHistory]:
    """The history of each demo lead of the demo file (``ago``: the demo's activity clock)."""
    histories = []
    for index, lead in enumerate(leads):
        path = _PATHS[Status(lead.get("status", "new"))]
        if len(path) < 2 or not lead.get("external_id"):
            continue
        created = int(lead["created_minutes_ago"])
        replies = [
            int(message["minutes_ago"])
            for message in lead.get("messages", ())
            if message["direction"] == "out"
        ]
        first = max(replies) if replies else created - 10
        last = int(lead.get("acted_minutes_ago") or min(replies, default=first - 30))
        if last >= first:  # acted before the first reply: spread the moves after it
            last = max(1, first - 30 * (len(path) - 1))
        steps = len(path) - 1
        minutes = [first - (first - last) * (step + 1) // steps for step in range(steps)]
        moves = tuple((path[step], path[step + 1], ago(minutes[step])) for step in range(steps))
        status = path[-1]
        visit_at = None
        if status in (Status.VISITED, Status.SOLD):
            visit_at = moves[path.index(Status.VISITED) - 1][2]
        outcome: tuple[OutcomeKind, Decimal | None, str | None, str | None] | None = None
        if status is Status.SOLD:
            price = Decimal(lead["price"]) if lead.get("price") else None
            outcome = (OutcomeKind.SOLD, price, _PAYMENTS[index % len(_PAYMENTS)].value, None)
        elif status is Status.LOST:
            outcome = (OutcomeKind.LOST, None, None, _REASONS[index % len(_REASONS)].value)
        actor = lead.get("assigned_to") or fallback_actor
        histories.append(SeededHistory(lead["external_id"], actor, moves, visit_at, outcome))
    return histories
