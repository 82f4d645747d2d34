"""Pure-Python domain of cockpit-tui: statuses, plans, value objects and rules."""

from cockpit_tui.domain.models import (
    Appointment,
    AppointmentKind,
    AttentionState,
    Change,
    ColumnPage,
    Customer,
    Direction,
    LeadCard,
    LostReason,
    Message,
    OutboxItem,
    Outcome,
    OutcomeKind,
    PaymentMethod,
    StatusChange,
)
from cockpit_tui.domain.plans import Plan, parse_plan
from cockpit_tui.domain.statuses import STATUS_ORDER, Status, parse_status, status_label

__all__ = [
    "STATUS_ORDER",
    "Appointment",
    "AppointmentKind",
    "AttentionState",
    "Change",
    "ColumnPage",
    "Customer",
    "Direction",
    "LeadCard",
    "LostReason",
    "Message",
    "OutboxItem",
    "Outcome",
    "OutcomeKind",
    "PaymentMethod",
    "Plan",
    "Status",
    "StatusChange",
    "parse_plan",
    "parse_status",
    "status_label",
]
