"""The lead screen's text: summary, conversation and history as Textual ``Content``.

Lead data is untrusted: every piece is cleaned again and added as plain text
(:class:`Pieces` never reads markup), so a name like ``[b]x[/b]`` shows as
typed and an escape sequence never reaches the terminal. Native ``Content``
(rather than Rich ``Text``) keeps repaints cheap when a form is open on top.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from textual.content import Content

from cockpit_tui.domain.lead_edits import FieldChange
from cockpit_tui.domain.models import (
    Appointment,
    Assignment,
    Direction,
    Handled,
    HistoryEntry,
    HistoryKind,
    LeadDetail,
    Message,
    Note,
    Outcome,
    OutcomeKind,
    StatusChange,
)
from cockpit_tui.domain.phones import format_phone
from cockpit_tui.domain.sanitize import clean_message, clean_text
from cockpit_tui.domain.statuses import status_label
from cockpit_tui.domain.whatsapp import DeliveryStatus
from cockpit_tui.i18n.field_values import shown_value
from cockpit_tui.i18n.format import format_datetime, format_money, format_relative
from cockpit_tui.i18n.translate import Translator

# One colour per meaning, as on the cards (ui/urgency.py): $primary a customer's
# message to answer, $success a new lead, $error late; our own replies are neutral.
_LABEL = "dim"
_CUSTOMER = "bold $text-primary"
_READ_REPLY = "$text-primary"
_NEW = "bold $text-success"
_UNREAD = "bold $text-primary"
_WARNING = "bold $text-error"
_OUTBOUND = "bold"


class Pieces:
    """Plain text pieces, each with a style, assembled into one ``Content``."""

    def __init__(self) -> None:
        self._parts: list[tuple[str, str]] = []

    def append(self, text: str, style: str = "") -> None:
        """Add ``text`` as it is (never parsed as markup)."""
        if text:
            self._parts.append((text, style))

    def content(self) -> Content:
        """Everything appended so far."""
        return Content.assemble(*self._parts)


def summary_text(detail: LeadDetail, *, now: datetime, t: Translator) -> Content:
    """Who the customer is, how to reach them, what they want and where it stands."""
    card = detail.card
    lang = t.lang
    text = Pieces()
    # Who and how to reach them, first and in bold: the line a salesperson dials from.
    text.append(clean_text(card.customer_name), style="bold")
    if card.phone:
        text.append("   " + format_phone(card.phone), style="bold")
    if card.needs_attention and not card.has_unread_reply:
        badge = t("card.new" if card.is_new else "card.read_reply")
        text.append("   " + badge, style=_NEW if card.is_new else _READ_REPLY)
    if card.has_unread_reply:
        text.append("   ✉ " + t("lead.unread", count=card.unread_count), style=_UNREAD)
    text.append(f"   #{card.id}", style=_LABEL)
    text.append("\n")

    def field(label_id: str, value: str, style: str = "") -> None:
        text.append(t(label_id) + " ", style=_LABEL)
        text.append(value or "—", style=style)
        text.append("   ")

    if not card.phone:
        field("lead.phone", "")
    field("lead.email", clean_text(card.email or ""))
    field("lead.source", clean_text(card.source or ""))
    text.append("\n")
    field("lead.vehicle", clean_text(card.vehicle or ""))
    field("lead.price", format_money(card.price, lang) if card.price is not None else "")
    text.append("\n")
    field("lead.status", status_label(card.status, lang), "bold")
    field("lead.salesperson", clean_text(card.assigned_to or "") or t("card.unassigned"))
    field(
        "lead.arrived",
        format_datetime(card.created_at, lang)
        + " · "
        + t("lead.age", age=format_relative(card.created_at, now, lang)),
    )
    pending = detail.pending_appointment
    if pending is not None:
        text.append("\n")
        when = format_datetime(pending.at, lang)
        overdue = pending.at < now and not detail.card.status.is_closed
        field(
            "lead.next_appointment",
            t(f"appointment.{pending.kind.value}")
            + " · "
            + (t("card.overdue", when=when) if overdue else when),
            _WARNING if overdue else "",
        )
    if detail.negotiations:
        text.append("\n")
        text.append(t("lead.other_negotiations") + " ", style=_LABEL)
        text.append(
            "  ".join(
                f"#{other.lead_id} {status_label(other.status, lang)} "
                f"({format_datetime(other.created_at, lang)[:10]})"
                for other in detail.negotiations
            )
        )
    return text.content()


def conversation_text(detail: LeadDetail, *, unread_ids: Collection[int], t: Translator) -> Content:
    """The messages in order; the ones unread when the lead was opened are marked."""
    text = Pieces()
    if not detail.messages:
        text.append(t("lead.no_messages"), style=_LABEL)
        return text.content()
    name = clean_text(detail.card.customer_name)
    for index, message in enumerate(detail.messages):
        if index:
            text.append("\n\n")
        _message(
            text,
            message,
            customer=name,
            unread=message.id in unread_ids,
            t=t,
            delivery=detail.deliveries.get(message.id),
        )
    return text.content()


def _message(
    text: Pieces,
    message: Message,
    *,
    customer: str,
    unread: bool,
    t: Translator,
    delivery: DeliveryStatus | None = None,
) -> None:
    text.append(format_datetime(message.at, t.lang) + "  ", style=_LABEL)
    if message.direction is Direction.INBOUND:
        text.append(customer, style=_CUSTOMER)
        if unread:
            text.append("  ● " + t("lead.new_message"), style=_UNREAD)
    else:
        text.append("→ " + clean_text(message.author or "?"), style=_OUTBOUND)
        if delivery is not None:  # cockpit serve handles it: WhatsApp's own states
            text.append("  " + delivery_text(delivery, t=t), style=_LABEL)
        else:
            state = "lead.delivered" if message.delivered_at is not None else "lead.queued"
            text.append("  " + t(state), style=_LABEL)
    text.append("\n")
    body = clean_message(message.body)
    text.append("  " + body.replace("\n", "\n  "))


def delivery_text(delivery: DeliveryStatus, *, t: Translator) -> str:
    """A reply's WhatsApp delivery state in words ("entregue 27/11/2026 09:15")."""
    error = delivery.error or ""
    if error.startswith("delivery.") and t.has(error):
        error = t(error)
    return t(
        f"delivery.state.{delivery.state}",
        time=format_datetime(delivery.at, t.lang),
        error=clean_text(error, max_length=300),
    )


def history_text(detail: LeadDetail, *, t: Translator) -> Content:
    """Every recorded event, oldest first, one line each with when and who."""
    text = Pieces()
    for index, entry in enumerate(detail.history):
        if index:
            text.append("\n")
        text.append(format_datetime(entry.at, t.lang) + "  ", style=_LABEL)
        if entry.actor:
            text.append(clean_text(entry.actor) + " ", style="bold")
        text.append(describe_entry(entry, detail, t=t))
    return text.content()


def describe_entry(entry: HistoryEntry, detail: LeadDetail, *, t: Translator) -> str:
    """One history event in words (without its time and author)."""
    lang, item = t.lang, entry.item
    if entry.kind is HistoryKind.CREATED:
        source = clean_text(detail.card.source or "")
        if detail.previous_lead_id is not None:
            return t("history.renegotiated", lead_id=detail.previous_lead_id)
        return t("history.created", source=source) if source else t("history.created_plain")
    if isinstance(item, StatusChange):
        line = t(
            "history.moved",
            from_label=status_label(item.from_status, lang),
            to_label=status_label(item.to_status, lang),
        )
        return line + (" " + t("history.undone") if item.undone else "")
    if isinstance(item, Assignment):
        if item.reason == "round-robin" and item.assigned_to is not None:
            return t("history.distributed", name=clean_text(item.assigned_to))
        if item.reason == "rescue":
            if item.assigned_to is None:
                return t("history.rescued_unassigned")
            return t("history.rescued", name=clean_text(item.assigned_to))
        undone = " " + t("history.undone") if item.undone else ""
        if item.assigned_to is None:
            return t("history.unassigned") + undone
        return t("history.assigned", name=clean_text(item.assigned_to)) + undone
    if isinstance(item, Handled):
        return t("history.handled") + (" " + t("history.undone") if item.undone else "")
    if isinstance(item, Note):
        return t("history.note", text=clean_message(item.body).replace("\n", " "))
    if isinstance(item, Appointment):
        kind = t(f"appointment.{item.kind.value}")
        when = format_datetime(item.at, lang)
        if entry.kind is HistoryKind.RESOLVED:
            key = "history.occurred" if item.occurred else "history.missed"
            return t(key, kind=kind, when=when)
        if entry.kind is HistoryKind.RESCHEDULED:
            return t("history.rescheduled", kind=kind, when=when)
        if entry.kind is HistoryKind.CANCELLED:
            if item.end_reason:
                reason = clean_text(item.end_reason)
                return t("history.cancelled_because", kind=kind, when=when, reason=reason)
            return t("history.cancelled", kind=kind, when=when)
        scheduled = t("history.scheduled", kind=kind, when=when)
        return scheduled + (" " + t("history.undone") if item.undone else "")
    if isinstance(item, FieldChange):
        return t(
            "history.edited",
            field=t(f"field.{item.field.value}"),
            old=shown_value(item.field, item.old, lang) or "—",
            new=shown_value(item.field, item.new, lang) or "—",
        )
    if isinstance(item, Outcome):
        return _outcome(item, t) + (" " + t("history.undone") if item.undone else "")
    return ""


def _outcome(outcome: Outcome, t: Translator) -> str:
    parts: list[str] = []
    if outcome.kind is OutcomeKind.SOLD:
        if outcome.price is not None:
            parts.append(format_money(outcome.price, t.lang))
        if outcome.payment_method is not None:
            parts.append(t(f"payment.{outcome.payment_method.value}"))
        if outcome.trade_in:
            parts.append(t("history.trade_in", vehicle=clean_text(outcome.trade_in)))
        return t("history.sold", details=" · ".join(parts) or "—")
    if outcome.lost_reason is not None:
        parts.append(t(f"lost_reason.{outcome.lost_reason.value}"))
    if outcome.note:
        parts.append(clean_message(outcome.note).replace("\n", " "))
    return t("history.lost", details=" — ".join(parts) or "—")
