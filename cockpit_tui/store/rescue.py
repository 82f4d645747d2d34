"""The rescue's queries: assigned leads still waiting for their first response.

A lead waits for its first response while ``first_response_at`` is NULL
and its response clock runs (``waiting_since``): nobody replied, logged a
note or call, or marked it "atendido" (see :mod:`.response_clock`). Its
rescue clock runs from the later of its arrival and its latest assignment,
so a lead rescued once gives its new salesperson the whole
``rescue_minutes`` again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, bindparam, text

from cockpit_tui.store.codec import from_micros


@dataclass(frozen=True, slots=True)
class Waiting:
    """An assigned lead with no response yet.

    Attributes:
        lead_id: The lead.
        assigned_to: Its salesperson.
        since: When its clock started (arrival or latest assignment).
    """

    lead_id: int
    assigned_to: str
    since: datetime


def waiting_without_response(
    connection: Connection, *, lead_ids: Sequence[int] | None = None
) -> list[Waiting]:
    """Every assigned lead that nobody answered yet (or only those of ``lead_ids``)."""
    only = "AND l.id IN :ids " if lead_ids is not None else ""
    statement = text(
        "SELECT l.id, l.assigned_to, l.created_at, "
        "(SELECT MAX(a.at) FROM assignment a WHERE a.lead_id = l.id) "
        "FROM lead l "
        "WHERE l.first_response_at IS NULL AND l.waiting_since IS NOT NULL "
        "AND l.assigned_to IS NOT NULL "
        f"{only}"
        "ORDER BY l.id"
    )
    values: dict[str, object] = {}
    if lead_ids is not None:
        statement = statement.bindparams(bindparam("ids", expanding=True))
        values["ids"] = list(lead_ids) or [-1]
    return [
        Waiting(int(lead_id), str(name), from_micros(max(int(created), int(assigned or 0))))
        for lead_id, name, created, assigned in connection.execute(statement, values)
    ]
