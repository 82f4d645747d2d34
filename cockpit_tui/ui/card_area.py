"""A scroller's whole area drawn at once: its cards from the top card down, blanks after.

Kept out of :mod:`cockpit_tui.ui.card_scroller` (selection and scrolling) so
that module stays one job; the scroller memoises what this draws
(:meth:`~cockpit_tui.ui.card_scroller.CardScroller.frame`).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rich.segment import Segment
from textual.strip import Strip

from cockpit_tui.ui.card_lines import CardStyles, fit

if TYPE_CHECKING:
    from cockpit_tui.ui.card_scroller import CardScroller


def draw_area(
    scroller: CardScroller, now: datetime, minute: datetime, business: bool, styles: CardStyles
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
