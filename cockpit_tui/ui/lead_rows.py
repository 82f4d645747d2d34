"""The list view's rows: every lead of a query, one line each, with a selection (no widget)."""

from __future__ import annotations

from datetime import datetime

from rich.segment import Segment
from textual.cache import LRUCache
from textual.strip import Strip

from cockpit_tui.i18n.translate import Translator
from cockpit_tui.services.clock import Clock
from cockpit_tui.services.column_window import ColumnWindow
from cockpit_tui.services.lead_list import ListQuery, ListSource
from cockpit_tui.ui.card_lines import fit
from cockpit_tui.ui.column_view import CardScroller
from cockpit_tui.ui.table_lines import placeholder_row, row_line

_CACHE_SIZE = 300


class LeadRows(CardScroller):
    """The leads of a :class:`ListQuery`, scrolled a line per lead.

    Args:
        source: The query's card source.
        translate: The user's language.
        clock: Time source.
    """

    item_height = 1

    def __init__(self, source: ListSource, *, translate: Translator, clock: Clock) -> None:
        super().__init__(ColumnWindow(source=source, total=0), translate=translate, clock=clock)
        self.source = source
        self.active = True
        self._line_cache: LRUCache[tuple[object, ...], Strip] = LRUCache(_CACHE_SIZE)

    @property
    def query(self) -> ListQuery:
        """What the rows show."""
        return self.source.query

    def forget_lines(self) -> None:
        """Drop the rows drawn so far."""
        self._line_cache.clear()

    def render_line(self, y: int, now: datetime | None = None) -> Strip:
        """Row ``y`` on screen."""
        width = self.width
        styles = self._styles
        assert styles is not None, "restyle() before drawing"
        if self.total == 0:
            text = self._translate("list.empty") if y == 1 else ""
            return Strip([Segment(fit(" " + text, width), styles.blank + styles.muted)], width)
        index = self.top_card + y
        if index >= self.total:
            return Strip([Segment(" " * width, styles.blank)], width)
        card = self.window.card_at(index)
        if card is None:
            return placeholder_row(width, styles)
        now = now or self._clock.now()
        selected = index == self.cursor
        key = (card, selected, width, now.replace(second=0, microsecond=0))
        line = self._line_cache.get(key)
        if line is None:
            line = row_line(
                card,
                width=width,
                now=now,
                translate=self._translate,
                styles=styles,
                selected=selected,
            )
            self._line_cache.set(key, line)
        return line
