"""One board column's header: its status label and how many leads it holds."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from cockpit_tui.domain.statuses import Status


class ColumnSummary(Widget):
    """The label and the live count of one status column.

    Args:
        status: The column's status.
        label: The status label in the user's language.
    """

    DEFAULT_CSS = """
    ColumnSummary {
        width: 1fr;
        height: 5;
        border: round $primary-darken-2;
        border-title-color: $text-muted;
        padding: 0 1;
    }
    ColumnSummary > .label {
        text-style: bold;
        height: 2;
    }
    ColumnSummary > .count {
        color: $accent;
        text-style: bold;
    }
    """

    count: reactive[int] = reactive(0)

    def __init__(self, status: Status, label: str) -> None:
        super().__init__(id=f"column-{status.value}")
        self.status = status
        self.label = label

    def compose(self) -> ComposeResult:
        """The label (wrapping onto two lines in narrow terminals) and the count.

        The border title shows the column's number, the key that will focus it.
        """
        self.border_title = str(self.status.position)
        yield Static(Content(self.label), classes="label")
        yield Static(Content(str(self.count)), classes="count")

    def watch_count(self, count: int) -> None:
        """Repaint the count when it changes."""
        if self.is_mounted:
            self.query_one(".count", Static).update(Content(str(count)))
