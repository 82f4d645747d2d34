"""Attention and in-column order (DESIGN §2) as pure functions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cockpit_tui.domain import attention
from cockpit_tui.domain.models import AttentionState

T0 = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def minutes(n: int) -> datetime:
    return T0 + timedelta(minutes=n)


def test_new_lead_is_on_top_but_not_bold() -> None:
    state = attention.on_arrival(T0)
    assert state.attention_at == T0
    assert state.unread_count == 0


def test_a_later_message_makes_it_bold_and_lifts_it() -> None:
    state = attention.on_inbound_message(attention.on_arrival(T0), minutes(5))
    assert state.unread_count == 1
    assert state.attention_at == minutes(5)
    assert state.last_activity_at == minutes(5)


def test_reading_ends_bold_but_not_top_placement() -> None:
    state = attention.on_read(attention.on_inbound_message(attention.on_arrival(T0), minutes(5)))
    assert state.unread_count == 0
    assert state.attention_at == minutes(5)


def test_acting_ends_top_placement() -> None:
    replied = attention.on_inbound_message(attention.on_arrival(T0), minutes(5))
    moved = attention.on_action(replied, minutes(6))
    assert moved.attention_at is None
    assert moved.unread_count == 1, "a move does not read the conversation"
    answered = attention.on_action(replied, minutes(6), reads=True)
    assert answered.attention_at is None
    assert answered.unread_count == 0


def test_board_order_attention_first_then_most_recent_activity() -> None:
    leads = {
        1: AttentionState(None, 0, minutes(50)),  # recent activity, no attention
        2: AttentionState(minutes(10), 0, minutes(10)),  # new lead
        3: AttentionState(minutes(20), 1, minutes(20)),  # replied later
        4: AttentionState(None, 0, minutes(5)),
        5: AttentionState(minutes(20), 0, minutes(20)),  # same instant as 3: higher id first
    }
    ordered = sorted(leads, key=lambda lead_id: attention.board_sort_key(leads[lead_id], lead_id))
    assert ordered == [5, 3, 2, 1, 4]


def test_replay_matches_the_live_rules() -> None:
    state = attention.replay(
        T0,
        [(T0, "in", True), (minutes(3), "out", True), (minutes(9), "in", False)],
        acted_at=minutes(4),
    )
    live = attention.on_arrival(T0)
    live = attention.on_action(live, minutes(3), reads=True)
    live = attention.on_action(live, minutes(4))
    live = attention.on_inbound_message(live, minutes(9))
    assert state == live
    assert state.unread_count == 1
    assert state.attention_at == minutes(9)
