"""The reference for exec → first frame: a bare Textual app showing six static headers.

Nothing of cockpit's is imported: the interpreter, Textual, one screen with six
labels in a row. ``bench/interleaved.py`` starts it in the same pseudo-terminal,
alternately with ``cockpit``, and reports cockpit's time as a multiple of this one.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

HEADERS = (
    "Nova proposta",
    "Em negociação",
    "Aguardando visita",
    "Visitou",
    "Vendidos",
    "Não vendidos",
)


class ReferenceApp(App[None]):
    """Six static column headers with a count, and nothing else."""

    CSS = "Horizontal { height: 3; } Static { width: 1fr; }"

    def compose(self) -> ComposeResult:
        """The six headers."""
        with Horizontal():
            for number, header in enumerate(HEADERS, start=1):
                yield Static(f"{header} · {number * 100}")


if __name__ == "__main__":
    ReferenceApp().run()
