"""A scroller's whole area drawn at once: its cards from the top card down, blanks after.

Kept out of :mod:`cockpit_tui.ui.card_scroller` (selection and scrolling) so
that module stays one job; the scroller memoises what this draws
(:meth:`~cockpit_tui.ui.card_scroller.CardScroller.frame`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from rich.segment import Segment
from textual.strip import Strip

from cockpit_tui.domain.cards import LeadCard
from cockpit_tui.services.column_window import ColumnWindow
from cockpit_tui.ui.card_lines import CardStyles, fit


class Scroller(Protocol):
    """What the drawing asks of the scroller (``CardScroller``, which imports this module)."""

    width: int
    height: int
    top_card: int
    window: ColumnWindow

    @property
    def total(self) -> int:
        """Cards in the column."""

    def empty_text(self) -> str:
        """What an empty scroller says."""

    def lines_of(self, index: int) -> int:
        """Lines the card at ``index`` takes."""

    def placeholder(self, row: int, styles: CardStyles) -> Strip:
        """Line ``row`` of a card not read yet."""

    def card_strips(
        self,
        card: LeadCard,
        index: int,
        now: datetime,
        minute: datetime,
        business: bool,
        styles: CardStyles,
    ) -> list[Strip]:
        """One card's lines."""


def draw_area(
    scroller: Scroller, now: datetime, minute: datetime, business: bool, styles: CardStyles
) -> list[Strip]:
    """The scroller's :attr:`height` lines, walking its cards from the top card once."""
    width, height = scroller.width, max(0, scroller.height)
    blank = Strip([Segment(" " * width, styles.blank)], width)
    if scroller.total == 0:
        said = styles.blank + styles.muted
        lines = [Strip([Segment(" " * width, said)], width)] * height
        if height > 1:
            empty = fit(" " + scroller.empty_text(), width)
            lines[1] = Strip([Segment(empty, said)], width)
        return lines
    lines = []
    index = scroller.top_card
    while len(lines) < height:
        if index >= scroller.total:
            lines.append(blank)
            continue
        card = scroller.window.card_at(index)
        if card is None:
            drawn = [scroller.placeholder(row, styles) for row in range(scroller.lines_of(index))]
        else:
            drawn = scroller.card_strips(card, index, now, minute, business, styles)
        lines.extend(drawn[: height - len(lines)])
        index += 1
    return lines
