"""The notice after ``space``: which lead, and why it comes next."""

from __future__ import annotations

from cockpit_tui.domain.cards import LeadCard
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.services.next_lead import NextKind, NextReason
from cockpit_tui.ui.card_lines import span_text


def next_notice(card: LeadCard, reason: NextReason, t: Translator) -> str:
    """The header notice: the customer's name and the reason ("vence em 2 min")."""
    name = card.customer_name
    if reason.kind in (NextKind.DUE_IN, NextKind.BREACHED):
        return t(f"board.next.{reason.kind.value}", name=name, span=span_text(reason.minutes, t))
    return t(f"board.next.{reason.kind.value}", name=name)
