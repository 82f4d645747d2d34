"""The attention rules and the order of cards inside a column (DESIGN §2).

A lead that just arrived, or that just received a message, needs an
interaction: it goes to the top of its column until someone acts on it. A
message that arrived after the lead itself makes the name bold until read.
"""

from __future__ import annotations

from datetime import datetime

from cockpit_tui.domain.cards import AttentionState

#: Kinds of action that count as acting on a lead: they end the top placement.
ACTING_EVENTS = frozenset({"reply", "move", "contact", "handled", "note"})


def on_arrival(at: datetime) -> AttentionState:
    """State of a brand-new lead: on top, not bold (its first message is no reply)."""
    return AttentionState(attention_at=at, unread_count=0, last_activity_at=at)


def on_inbound_message(state: AttentionState, at: datetime) -> AttentionState:
    """A customer's message: back on top, one more unread reply, bold."""
    return AttentionState(
        attention_at=max(at, state.attention_at) if state.attention_at else at,
        unread_count=state.unread_count + 1,
        last_activity_at=max(at, state.last_activity_at),
    )


def on_read(state: AttentionState) -> AttentionState:
    """The salesperson read the conversation: bold ends, the top placement stays."""
    return AttentionState(state.attention_at, 0, state.last_activity_at)


def on_action(state: AttentionState, at: datetime, *, reads: bool = False) -> AttentionState:
    """The salesperson acted (replied, moved, logged a contact, marked handled).

    The lead leaves the top of its column. Bold stays unless the action also
    reads the conversation (a reply is written with the conversation open).
    """
    return AttentionState(
        attention_at=None,
        unread_count=0 if reads else state.unread_count,
        last_activity_at=max(at, state.last_activity_at),
    )


def on_undo(before: AttentionState, now_state: AttentionState) -> AttentionState:
    """Undoing a move: the lead is back as it was before the move.

    ``before`` is its state just before the move, ``now_state`` its state now;
    a customer's message that arrived since the move (the move had cleared the
    top placement, so any ``attention_at`` now is one) is kept, not undone.
    """
    if now_state.attention_at is None:
        # A move keeps the unread count: reading since the move is not undone.
        return AttentionState(before.attention_at, now_state.unread_count, before.last_activity_at)
    return AttentionState(
        attention_at=now_state.attention_at,
        unread_count=now_state.unread_count,
        last_activity_at=max(before.last_activity_at, now_state.attention_at),
    )


def sort_at(state: AttentionState) -> datetime:
    """The time a lead is ordered by inside its group (attention or the rest)."""
    return state.attention_at if state.attention_at is not None else state.last_activity_at


def board_sort_key(state: AttentionState, lead_id: int) -> tuple[int, float, int]:
    """Key that sorts leads in board order when sorted ascending.

    Leads needing attention first, most recent event first; then the rest by
    last activity, most recent first; the higher id first on ties so the order
    is total and stable.
    """
    return (
        0 if state.attention_at is not None else 1,
        -sort_at(state).timestamp(),
        -lead_id,
    )


def replay(
    created_at: datetime,
    events: list[tuple[datetime, str, bool]],
    *,
    acted_at: datetime | None = None,
) -> AttentionState:
    """The attention state a lead ends in after a known history.

    Args:
        created_at: The lead's arrival.
        events: ``(at, direction, read)`` per message, direction "in" or "out";
            an inbound message at the arrival instant is the arrival message
            and is no reply.
        acted_at: When a salesperson last acted without a message (a move, a
            logged contact), if ever.

    Returns:
        The state as if every event had happened live, in time order.
    """
    state = on_arrival(created_at)
    timeline: list[tuple[datetime, int, str, bool]] = [
        (at, 0, direction, read) for at, direction, read in events
    ]
    if acted_at is not None:
        timeline.append((acted_at, 1, "act", True))
    for at, _, direction, read in sorted(timeline, key=lambda item: (item[0], item[1])):
        if direction == "in":
            if at <= created_at:
                continue
            state = on_inbound_message(state, at)
            if read:
                state = on_read(state)
        elif direction == "out":
            state = on_action(state, at, reads=True)
        else:
            state = on_action(state, at)
    return state
