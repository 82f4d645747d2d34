"""The list view's rows: every lead of a query, one line each, with a selection (no widget)."""

from __future__ import annotations

from datetime import datetime

from textual.strip import Strip

from cockpit_tui.domain.models import LeadCard
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.services.clock import Clock
from cockpit_tui.services.column_window import ColumnWindow
from cockpit_tui.services.lead_list import ListQuery, ListSource
from cockpit_tui.ui.card_lines import CardStyles
from cockpit_tui.ui.column_view import CardScroller
from cockpit_tui.ui.table_lines import placeholder_row, row_line


class LeadRows(CardScroller):
    """The leads of a :class:`ListQuery`, scrolled a line per lead.

    Args:
        source: The query's card source.
        translate: The user's language.
        clock: Time source.
    """

    item_height = 1
    empty_key = "list.empty"
    cache_size = 300

    def __init__(self, source: ListSource, *, translate: Translator, clock: Clock) -> None:
        super().__init__(ColumnWindow(source=source, total=0), translate=translate, clock=clock)
        self.source = source
        self.active = True

    @property
    def query(self) -> ListQuery:
        """What the rows show."""
        return self.source.query

    def draw(
        self, card: LeadCard, *, now: datetime, styles: CardStyles, selected: bool
    ) -> list[Strip]:
        """One row."""
        waited = None
        if card.waiting_since is not None and self.minutes_waited is not None:
            waited = self.minutes_waited(card.waiting_since, now)
        return [
            row_line(
                card,
                width=self.width,
                now=now,
                translate=self._translate,
                styles=styles,
                selected=selected,
                waited=waited,
            )
        ]

    def placeholder(self, row: int, styles: CardStyles) -> Strip:
        """A row not read yet."""
        return placeholder_row(self.width, styles)
