"""The footer line: the screen's main keys, drawn as one line of text.

Textual's ``Footer`` mounts a widget per key and rebuilds them all whenever
the bindings change; on a board that is most of the cost of its first frame.
This bar reads the same bindings (those with ``show=True``) and repaints one
line; a key that cannot act now (no card selected) is drawn dimmed. A narrow
line drops the least important keys first (``ui/key_ranks.py``). Dialogs show
their own bar (``screens/backdrop.DimmedModal``): the keys that work there.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual.binding import Binding
from textual.content import Content, Span
from textual.screen import Screen
from textual.widget import Widget

from cockpit_tui.ui.key_ranks import PALETTE_RANK, key_rank


class KeyBar(Widget):
    """One line of "key description" pairs from the active bindings."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        width: 1fr;
        background: $footer-background;
        color: $footer-foreground;
    }
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        text-style: bold;
    }
    KeyBar > .key-bar--disabled {
        color: $text-disabled;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-bar--key", "key-bar--disabled"}

    def __init__(self, palette_label: str = "Comandos") -> None:
        super().__init__()
        self.palette_label = palette_label

    def on_mount(self) -> None:
        """Repaint when the screen's bindings change."""
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        """Stop listening."""
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self.refresh()

    def render(self) -> Content:
        """The keys, e.g. " ⇧→ Avançar  m Mover  …  ? Ajuda  q Sair" from the active bindings.

        When the line is too narrow, the keys of highest rank go first
        (``ui/key_ranks.py``); help and quit always stay, since they lead to
        every other key. The keys left keep the screen's order.
        """
        key_style = self.get_visual_style("key-bar--key", partial=True)
        disabled_style = self.get_visual_style("key-bar--disabled", partial=True)
        # (rank, place, key, description, enabled); rank None: never dropped.
        items: list[tuple[int | None, int, str, str, bool]] = []
        seen: set[str] = set()
        # The screen's own keys first, then those of the focused pane (Textual lists
        # the focused widget's first): the bar keeps one order whichever pane shows.
        screen = self.screen
        ordered = sorted(
            screen.active_bindings.values(), key=lambda active: active.node is not screen
        )
        for active in ordered:
            binding = active.binding
            if not binding.show or not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            keeps = binding.action in ("quit", "help") or (binding.id or "").endswith(".help")
            rank = None if keeps else key_rank(binding.id)
            place = len(items) + (1000 if keeps else 0)  # help and quit close the line
            key = self.app.get_key_display(binding)
            items.append((rank, place, key, binding.description, active.enabled))
        if self.app.ENABLE_COMMAND_PALETTE:
            key = self.app.get_key_display(Binding(self.app.COMMAND_PALETTE_BINDING, ""))
            items.append((PALETTE_RANK, 2000, key, self.palette_label, True))

        def width(entries: list[tuple[int | None, int, str, str, bool]]) -> int:
            return sum(cell_len(entry[2]) + cell_len(entry[3]) + 3 for entry in entries)

        droppable = sorted(
            (entry for entry in items if entry[0] is not None),
            key=lambda entry: (entry[0] or 0, entry[1]),
        )
        while droppable and width(items) > self.size.width:
            items.remove(droppable.pop())
        text = ""
        spans: list[Span] = []
        for _, _, key, description, enabled in sorted(items, key=lambda entry: entry[1]):
            start = len(text) + 1
            text += f" {key} {description} "
            spans.append(Span(start, start + len(key), key_style if enabled else disabled_style))
            if not enabled:
                spans.append(Span(start + len(key), len(text), disabled_style))
        return Content(text, spans)
