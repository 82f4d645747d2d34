"""One status column of the board: its cards, selection and scroll (no widget).

The board draws all six columns in one Line-API widget
(:class:`~cockpit_tui.ui.widgets.board_canvas.BoardCanvas`); each column is
this plain object, which knows what the column holds (a
:class:`~cockpit_tui.services.column_window.ColumnWindow`), which card is
selected, which card is at the top, and how to draw one of its lines.
It never mounts a widget per card, and it scrolls by whole cards
(:class:`~cockpit_tui.ui.card_scroller.CardScroller`).
"""

from __future__ import annotations

from datetime import datetime

from textual.strip import Strip

from cockpit_tui.domain.cards import LeadCard
from cockpit_tui.domain.statuses import Status
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.services.clock import Clock
from cockpit_tui.services.column_window import ColumnWindow
from cockpit_tui.ui.card_lines import CardStyles, card_height, card_lines, fit, placeholder_lines
from cockpit_tui.ui.card_scroller import CardScroller, ColumnOwner

__all__ = ["CardScroller", "ColumnOwner", "ColumnView", "header_with_total"]

#: Cells the label keeps ("Nov…") before an extra figure (the total) is left out.
_LEAST_LABEL = 4


class ColumnView(CardScroller):
    """The cards of one status, in board order, with a selection.

    Args:
        window: The column's page cache.
        label: The status label in the user's language.
        translate: The user's language.
        clock: Time source for "há 5 min" and overdue appointments.
    """

    def __init__(
        self, window: ColumnWindow, *, label: str, translate: Translator, clock: Clock
    ) -> None:
        super().__init__(window, translate=translate, clock=clock)
        assert window.status is not None, "a board column has a status"
        self.status: Status = window.status
        self.label = label
        #: The column's total asking value ("R$ 4,2 mi") when the user shows it, else "".
        self.asking_total = ""

    def count_text(self) -> str:
        """The header's count: "25", or "3/25" under a filter (shown/total)."""
        total = self.total
        return str(total) if self.filter_total is None else f"{total}/{self.filter_total}"

    def header_parts(self) -> tuple[str, str, list[str]]:
        """The header's pieces: the jump digit, the label, and the figures after it.

        The digit and the figures are never cut (the digit is the column's key);
        a figure added here is shown whole or, when the column is too narrow
        for it, the later figures are left out first.
        """
        figures = [self.count_text()]
        if self.asking_total:
            figures.append(self.asking_total)
        return str(self.status.position), self.label, figures

    def header_text(self, width: int) -> str:
        """ "3 Aguardando visita · 25" fitted to ``width``: the label shortens first ("…").

        The digit and the count stay whole; only a column too narrow for them
        and one letter of the label loses them (from the right).
        """
        digit, label, figures = self.header_parts()
        while True:
            tail = "".join(f" · {figure}" for figure in figures)
            room = width - len(digit) - 1 - len(tail)
            if room >= len(label):
                return f"{digit} {label}{tail}"
            if room >= _LEAST_LABEL or len(figures) <= 1:
                break
            figures = figures[:-1]  # an extra figure goes before the label is cut to nothing
        if room >= 2:
            return f"{digit} {fit(label, room)}{tail}"
        return fit(f"{digit} {label[:1]}…{tail}", width)

    def lines_of(self, index: int) -> int:
        """Lines the card at ``index`` takes (the tallest while it is not read)."""
        card = self.window.card_at(index)
        return self.item_height if card is None else card_height(card, card.id == self.next_lead_id)

    def off_screen_text(self) -> str:
        """How many cards are above and below the screen: "▲ 6  ▼ 31"."""
        total = self.total
        if not total:
            return ""
        first, last = self.visible_range()
        above, below = min(first, total), max(0, total - 1 - last)
        parts = [f"▲ {above}"] if above else []
        parts += [f"▼ {below}"] if below else []
        return "  ".join(parts)

    # -- drawing -----------------------------------------------------------------

    def draw(
        self, card: LeadCard, *, now: datetime, styles: CardStyles, selected: bool
    ) -> list[Strip]:
        """The lines of one card."""
        waited = None
        if card.waiting_since is not None and self.minutes_waited is not None:
            waited = self.minutes_waited(card.waiting_since, now)
        return card_lines(
            card,
            width=self.width,
            now=now,
            translate=self._translate,
            styles=styles,
            selected=selected and self.active,  # no cursor in the columns the keys are not in
            waited=waited,
            is_next=card.id == self.next_lead_id,
        )

    def placeholder(self, row: int, styles: CardStyles) -> Strip:
        """Line ``row`` of a card not read yet."""
        return placeholder_lines(self.width, styles)[row]


def header_with_total(column: ColumnView, width: int) -> str:
    """The column's header, with its total asking value after the count when one is shown:
    "3 Aguardando vis… · 25 · R$ 4,2 mi" (the label is shortened first; a column too
    narrow for the total keeps its digit, label and count)."""
    return column.header_text(width)
