"""What the board asks of the pane on show: the cards (the Kanban) or the list.

The screen holds both panes behind :class:`BoardPane` and talks to the one
on show; it never asks which one that is. Each pane is a focusable container
that owns its own keys (the cards: ←/→ between columns; the list: sort and
status filter), so Textual offers a pane's keys only while it is on show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from textual.binding import Binding

from cockpit_tui.domain.records import Record, set_field
from cockpit_tui.domain.statuses import STATUS_ORDER, status_label

if TYPE_CHECKING:
    from cockpit_tui.domain.cards import LeadCard
    from cockpit_tui.domain.lead_changes import MoveResult
    from cockpit_tui.domain.statuses import Status
    from cockpit_tui.services.column_window import WindowContent, WindowSpec
    from cockpit_tui.ui.column_view import CardScroller


class MoveRead(Record):
    """What a move's worker read for the board after the write.

    Attributes:
        attention: Leads needing attention now.
        counts: The shown counts re-read under a filter (None: adjusted in memory).
        shown: Whether the filter still keeps the moved lead.
        rank: Its position in its new column (0 when not shown).
        around: The new column's cards around it (None when not shown).
    """

    __slots__ = ("around", "attention", "counts", "rank", "shown")
    attention: int
    counts: dict[Status, int] | None
    shown: bool
    rank: int
    around: WindowContent | None

    def __init__(
        self,
        attention: int,
        counts: dict[Status, int] | None,
        shown: bool,
        rank: int,
        around: WindowContent | None,
    ) -> None:
        set_field(self, "attention", attention)
        set_field(self, "counts", counts)
        set_field(self, "shown", shown)
        set_field(self, "rank", rank)
        set_field(self, "around", around)


def status_bindings(action: str) -> list[Binding]:
    """The digit keys 1–6, one per status (the cards jump to a column, the list filters by it)."""
    return [
        Binding(
            str(status.position),
            f"{action}({status.position})",
            f"Ir para {status_label(status)}",
            id=f"board.column_{status.position}",
            show=False,
        )
        for status in STATUS_ORDER
    ]


class PolledContent(Protocol):
    """What the live poll read (:class:`~cockpit_tui.ui.board.live.LivePoll.Refreshed`)."""

    counts: dict[Status, int]
    contents: dict[Status, WindowContent]
    list_content: WindowContent | None
    list_total: int


class BoardPane(Protocol):
    """The part of the board on show under the header."""

    #: "cards" or "list" (for tests and the command line's status; nothing branches on it).
    name: str
    #: Whether the store's plan must include the list view for this pane.
    needs_list_plan: bool
    #: Changes were made here while it was off show: read everything again when shown.
    stale: bool

    @property
    def selected_card(self) -> LeadCard | None:
        """The lead the keys act on."""

    @property
    def scroller(self) -> CardScroller:
        """What the selection keys (↑↓, PgUp/PgDn, Home/End) move."""

    def enter(self, selected: LeadCard | None) -> None:
        """Come on show, with ``selected`` selected if it is here."""

    def leave(self) -> None:
        """Go off show."""

    def select_lead(self, lead_id: int) -> None:
        """Select a lead (reads where it is)."""

    def show_move(self, result: MoveResult, read: MoveRead) -> None:
        """Show a move or an undo made here."""

    def reload_lead(self, card: LeadCard) -> None:
        """Re-read after a change to ``card`` made here (assigned, a form saved)."""

    def reload(self) -> None:
        """Re-read everything on show (counts are read already)."""

    def figures_changed(self) -> None:
        """The counts or the filter changed: redraw what shows them."""

    def poll_spec(self) -> WindowSpec | None:
        """A window of its own the live poll should re-read, if any."""

    def take_poll(self, message: PolledContent) -> None:
        """Show what the live poll read."""

    def filter_changed(
        self, keep_id: int | None, position: tuple[Status, int] | None = None
    ) -> None:
        """The filter changed (the columns have their new windows): ``keep_id`` stays selected.

        Args:
            keep_id: The lead to keep selected if it still shows.
            position: Its column and index under the filter, if already read.
        """

    def focus_keys(self) -> None:
        """Take the keys back (from the search field)."""


class PaneSwitch:
    """The panes made so far, the one on show first; ``v`` rotates them."""

    def __init__(self) -> None:
        self.panes: list[BoardPane] = []

    @property
    def pane(self) -> BoardPane:
        """The pane on show."""
        return self.panes[0]

    def add(self, pane: BoardPane) -> None:
        """A pane made (the cards at once, the list on the first ``v``)."""
        self.panes.append(pane)

    def rotate(self) -> bool:
        """Hide the pane on show and make the next one current (it still has to ``enter``).

        Returns:
            Whether the new pane is stale (changes were made while it was off show).
        """
        self.pane.leave()
        self.panes.append(self.panes.pop(0))
        return self.pane.stale

    def mark_hidden_stale(self) -> None:
        """Changes were made: the panes off show read everything again when shown."""
        for pane in self.panes[1:]:
            pane.stale = True
