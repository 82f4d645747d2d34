"""A card's wait before the store's calendar is loaded: no number rather than a wrong one.

The board shows its first frame before the business calendar (holidays,
opening hours) is read. The wall clock then says "espera 7 h" for a lead that
arrived after closing time, and the card flipped to "espera 0 min" a second
later.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from rich.style import Style

from cockpit_tui.domain.models import LeadCard
from cockpit_tui.domain.statuses import Status
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.ui.card_lines import CardStyles, waiting_text

NOW = datetime(2026, 12, 2, 7, 20, tzinfo=UTC)
PLAIN = Style()
STYLES = CardStyles(
    card=PLAIN,
    cursor=PLAIN,
    unread=PLAIN,
    reply=PLAIN,
    new=PLAIN,
    muted=PLAIN,
    overdue=PLAIN,
    price=PLAIN,
    wait_ok=PLAIN,
    wait_soon=PLAIN,
    wait_late=PLAIN,
    blank=PLAIN,
    stripes={},
)


def waiting_card(since: datetime) -> LeadCard:
    return LeadCard(
        id=1,
        version=1,
        status=Status.NEW,
        customer_id=1,
        customer_name="Tatiane Batista",
        phone=None,
        email=None,
        vehicle=None,
        price=None,
        source=None,
        assigned_to=None,
        created_at=since,
        last_activity_at=since,
        attention_at=since,
        unread_count=1,
        next_appointment_at=None,
        waiting_since=since,
        response_due_at=since + timedelta(hours=12),
    )


def test_until_the_calendar_is_loaded_the_wait_has_no_number() -> None:
    card = waiting_card(NOW - timedelta(hours=7))
    shown = waiting_text(card, None, NOW, Translator("pt"), STYLES)
    assert shown is not None
    long, _style, short = shown
    assert (long, short) == ("aguardando …", "espera …")


def test_once_loaded_the_business_minutes_are_shown() -> None:
    card = waiting_card(NOW - timedelta(hours=7))
    shown = waiting_text(card, 0, NOW, Translator("pt"), STYLES)
    assert shown is not None
    assert shown[2] == "espera 0 min"
