"""Which events ring a salesperson's bell (issue 15): the alert rules, without I/O.

An open board alerts its user when a customer arrives or writes on a lead
they may answer (assigned to them, or to nobody), when such a lead's SLA is
about to pass, and when a rescue takes a lead from them or gives them one.
Each user chooses how much with ``alerts``: ``on`` (leads they may answer),
``mine`` (only leads assigned to them) or ``off``. Nothing alerts for the
user's own actions: a lead they typed by hand (``lead.added``) is theirs
already. A lead arriving through the intake (``lead.created``) or a
customer's message (``message.in``) is the customer's doing even when the
intake ran under the user's name (``cockpit ingest`` on their machine).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from cockpit_tui.domain.records import Record, set_field


class AlertMode(StrEnum):
    """How much a user is alerted (their ``alerts`` preference)."""

    ON = "on"
    MINE = "mine"
    OFF = "off"

    def following(self) -> AlertMode:
        """The next mode of the palette's toggle: on → mine → off → on."""
        order = list(AlertMode)
        return order[(order.index(self) + 1) % len(order)]


class AlertKind(StrEnum):
    """Why a board alerts."""

    NEW_LEAD = "new_lead"
    REPLY = "reply"
    DUE_SOON = "due_soon"
    RESCUED_FROM = "rescued_from"
    RESCUED_TO = "rescued_to"


#: Change-log kinds of a lead created: by the intake, and typed by a salesperson.
LEAD_CREATED = "lead.created"
LEAD_ADDED = "lead.added"
#: Change-log kind of a customer's message.
MESSAGE_IN = "message.in"
#: Change-log kind of a change of salesperson.
LEAD_ASSIGNED = "lead.assigned"
#: The change-log kinds an alert may come from.
ALERTING_KINDS = (LEAD_CREATED, LEAD_ADDED, MESSAGE_IN, LEAD_ASSIGNED)


class AlertEvent(Record):
    """A change-log entry that may alert, with the lead as it is now.

    Attributes:
        change_id: The change-log entry.
        kind: Its kind (one of :data:`ALERTING_KINDS`).
        lead_id: The lead.
        actor: Who made the change.
        customer_name: The lead's customer (untrusted text).
        source: Where the lead came from (untrusted text), if known.
        assigned_to: The lead's salesperson now.
        reason: For an assignment: ``round-robin``, ``rescue`` or None.
        previous: For a rescue: whom the lead was taken from.
    """

    __slots__ = (
        "actor",
        "assigned_to",
        "change_id",
        "customer_name",
        "kind",
        "lead_id",
        "previous",
        "reason",
        "source",
    )
    change_id: int
    kind: str
    lead_id: int
    actor: str
    customer_name: str
    source: str | None
    assigned_to: str | None
    reason: str | None
    previous: str | None

    def __init__(
        self,
        change_id: int,
        kind: str,
        lead_id: int,
        actor: str,
        customer_name: str,
        source: str | None,
        assigned_to: str | None,
        reason: str | None = None,
        previous: str | None = None,
    ) -> None:
        set_field(self, "change_id", change_id)
        set_field(self, "kind", kind)
        set_field(self, "lead_id", lead_id)
        set_field(self, "actor", actor)
        set_field(self, "customer_name", customer_name)
        set_field(self, "source", source)
        set_field(self, "assigned_to", assigned_to)
        set_field(self, "reason", reason)
        set_field(self, "previous", previous)


class Alert(Record):
    """One alert to show (and ring) on a user's board.

    Attributes:
        kind: Why.
        lead_id: The lead.
        customer_name: Its customer (untrusted text: never markup).
        source: Where it came from (untrusted text), if known.
        other: For a rescue, the other salesperson (None: nobody).
    """

    __slots__ = ("customer_name", "kind", "lead_id", "other", "source")
    kind: AlertKind
    lead_id: int
    customer_name: str
    source: str | None
    other: str | None

    def __init__(
        self,
        kind: AlertKind,
        lead_id: int,
        customer_name: str,
        source: str | None,
        other: str | None = None,
    ) -> None:
        set_field(self, "kind", kind)
        set_field(self, "lead_id", lead_id)
        set_field(self, "customer_name", customer_name)
        set_field(self, "source", source)
        set_field(self, "other", other)


def may_answer(assigned_to: str | None, *, user: str, mode: AlertMode) -> bool:
    """Whether a lead's news alert ``user``: theirs, or (mode ``on``) nobody's."""
    if mode is AlertMode.OFF:
        return False
    if assigned_to == user:
        return True
    return mode is AlertMode.ON and assigned_to is None


def alerts_for(events: Iterable[AlertEvent], *, user: str, mode: AlertMode) -> list[Alert]:
    """The alerts ``user`` gets for ``events`` (oldest first), one per lead and kind."""
    if mode is AlertMode.OFF:
        return []
    found: dict[tuple[int, AlertKind], Alert] = {}
    for event in events:
        alert = _alert_of(event, user=user, mode=mode)
        if alert is not None:
            found.setdefault((alert.lead_id, alert.kind), alert)
    return list(found.values())


def _alert_of(event: AlertEvent, *, user: str, mode: AlertMode) -> Alert | None:
    kind: AlertKind | None = None
    other = None
    if event.kind == LEAD_ASSIGNED:
        if event.reason != "rescue":
            return None  # a person's choice, or the round-robin (its lead.created alerts)
        if event.previous == user:
            kind, other = AlertKind.RESCUED_FROM, event.assigned_to
        elif event.assigned_to == user:
            kind, other = AlertKind.RESCUED_TO, event.previous
    elif not may_answer(event.assigned_to, user=user, mode=mode):
        return None
    elif event.kind == LEAD_CREATED or (event.kind == LEAD_ADDED and event.actor != user):
        kind = AlertKind.NEW_LEAD
    elif event.kind == MESSAGE_IN:
        kind = AlertKind.REPLY
    if kind is None:
        return None
    return Alert(kind, event.lead_id, event.customer_name, event.source, other)
