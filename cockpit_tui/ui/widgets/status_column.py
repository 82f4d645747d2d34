"""A status column with its frame: the key that focuses it, its label and count, the cards."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from cockpit_tui.ui.widgets.lead_column import LeadColumn


class StatusColumn(Vertical):
    """The frame around one :class:`LeadColumn`.

    The border's title is the digit that focuses the column; the header line
    inside holds the label and the count, where a long label still fits in a
    narrow column; the border's bottom says how many cards are off-screen.

    Args:
        cards: The column's cards.
    """

    DEFAULT_CSS = """
    StatusColumn {
        width: 1fr;
        height: 1fr;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        border-subtitle-color: $text-muted;
    }
    StatusColumn.-active {
        border: round $accent;
        border-title-color: $accent;
    }
    StatusColumn > .column-header {
        height: 1;
        padding: 0 0 0 1;
        text-style: bold;
    }
    StatusColumn.-active > .column-header {
        color: $text-accent;
    }
    StatusColumn > LeadColumn {
        border: none;
        height: 1fr;
    }
    """

    def __init__(self, cards: LeadColumn) -> None:
        super().__init__(id=f"status-{cards.status.value}")
        self.cards = cards
        self.border_title = str(cards.status.position)
        cards.on_titles = self._show_titles

    def compose(self) -> ComposeResult:
        """The header line and the cards."""
        yield Static(classes="column-header")
        yield self.cards

    def _show_titles(self, label: str, count: str, off_screen: str) -> None:
        width = self.content_region.width - 1 if self.is_mounted else 0
        width = width if width > 0 else 24  # hidden: fitted again when shown
        for separator in (" · ", " "):
            if len(label) + len(separator) + len(count) <= width:
                text = f"{label}{separator}{count}"
                break
        else:
            text = label[: max(1, width - len(count) - 2)] + "… " + count
        if self.is_mounted:
            self.query_one(".column-header", Static).update(Content(text))
        self.border_subtitle = off_screen

    def on_resize(self) -> None:
        """Re-fit the header to the new width."""
        self.cards.update_titles()
