"""The kinds a lead's records take: message direction, appointment kinds and ends,
outcomes, payment methods, reasons for a lost negotiation, history entries."""

from __future__ import annotations

from enum import StrEnum


class Direction(StrEnum):
    """Who wrote a message."""

    INBOUND = "in"
    OUTBOUND = "out"


class AppointmentKind(StrEnum):
    """What kind of appointment a salesperson schedules."""

    VISIT = "visit"
    CALL_BACK = "call_back"
    VIDEO_CALL = "video_call"


class AppointmentEnd(StrEnum):
    """How an appointment left the agenda without happening or not."""

    RESCHEDULED = "rescheduled"
    CANCELLED = "cancelled"


class OutcomeKind(StrEnum):
    """How a negotiation ended."""

    SOLD = "sold"
    LOST = "lost"


class PaymentMethod(StrEnum):
    """How a sold vehicle was paid."""

    CASH = "cash"
    FINANCING = "financing"
    CONSORTIUM = "consortium"
    TRADE_IN = "trade_in"


class LostReason(StrEnum):
    """Why a negotiation ended without a sale."""

    PRICE = "price"
    BOUGHT_ELSEWHERE = "bought_elsewhere"
    FINANCING_DENIED = "financing_denied"
    GAVE_UP = "gave_up"
    NO_CONTACT = "no_contact"
    OTHER = "other"


class HistoryKind(StrEnum):
    """What a line of a lead's history records."""

    CREATED = "created"
    MOVED = "moved"
    ASSIGNED = "assigned"
    NOTE = "note"
    SCHEDULED = "scheduled"
    RESOLVED = "resolved"
    OUTCOME = "outcome"
    EDITED = "edited"
    RESCHEDULED = "rescheduled"
    CANCELLED = "cancelled"
    HANDLED = "handled"
