"""Which keys the key bar keeps when the terminal is narrow: a rank per binding id.

The bar drops the highest rank first and draws the rest in the screen's own
order. Help and quit are never dropped (they lead to every other key); the
command palette goes just before the keys a salesperson uses all day (new lead,
agenda, the next urgent lead, search, filters), which stay down to 80 columns.
A binding not listed ranks after every listed one, in its screen's order.
"""

from __future__ import annotations

#: Rank of the command palette's entry ("^p Comandos") among the ranks below.
PALETTE_RANK = 50

#: Binding id → rank (1 is kept longest).
KEY_RANKS: dict[str, int] = {
    # The board: what a salesperson does all day first.
    "board.new_lead": 1,
    "board.agenda": 2,
    "board.next_urgent": 3,
    "board.search": 4,
    "board.filters": 5,
    "board.open": 60,
    "board.move_to": 61,
    "board.move_next": 62,
    "board.undo": 63,
    "board.move_previous": 64,
    "board.assign_to_me": 65,
    # The lead screen.
    "lead.reply": 1,
    "lead.back": 2,
    "lead.move_to": 3,
    "lead.schedule": 4,
    "lead.note": 5,
    "lead.handled": 6,
    # Dialogs.
    "form.submit": 1,
    "form.cancel": 2,
    "picker.cancel": 2,
}

#: Rank of a binding not in :data:`KEY_RANKS` (then its place on the screen decides).
UNRANKED = 100


def key_rank(binding_id: str | None) -> int:
    """The rank of a binding (lower stays longer on a narrow key bar)."""
    return KEY_RANKS.get(binding_id or "", UNRANKED)
