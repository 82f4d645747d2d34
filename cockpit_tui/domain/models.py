"""Value objects of the domain, all in one place: what the services hand to the UI and the CLI.

They live in modules by job — :mod:`cards` (what the board reads),
:mod:`lead_history` (what the lead screen shows), :mod:`lead_changes` (what
writes take and give), :mod:`lead_kinds` (their enumerations) — and are
gathered here for code that uses many of them. The board's start-up imports
:mod:`cards` alone, so it does not create the others' classes.
"""

from __future__ import annotations

from cockpit_tui.domain.cards import (
    AttentionState,
    Change,
    ColumnPage,
    Customer,
    LeadCard,
)
from cockpit_tui.domain.lead_changes import (
    LeadCreate,
    MessageCreate,
    MoveResult,
)
from cockpit_tui.domain.lead_history import (
    ASSIGNMENT_UNDONE,
    Appointment,
    Assignment,
    Handled,
    HistoryEntry,
    LeadDetail,
    Message,
    NegotiationSummary,
    Note,
    OutboxItem,
    Outcome,
    StatusChange,
)
from cockpit_tui.domain.lead_kinds import (
    AppointmentEnd,
    AppointmentKind,
    Direction,
    HistoryKind,
    LostReason,
    OutcomeKind,
    PaymentMethod,
)

__all__ = [
    "ASSIGNMENT_UNDONE",
    "Appointment",
    "AppointmentEnd",
    "AppointmentKind",
    "Assignment",
    "AttentionState",
    "Change",
    "ColumnPage",
    "Customer",
    "Direction",
    "Handled",
    "HistoryEntry",
    "HistoryKind",
    "LeadCard",
    "LeadCreate",
    "LeadDetail",
    "LostReason",
    "Message",
    "MessageCreate",
    "MoveResult",
    "NegotiationSummary",
    "Note",
    "OutboxItem",
    "Outcome",
    "OutcomeKind",
    "PaymentMethod",
    "StatusChange",
]
