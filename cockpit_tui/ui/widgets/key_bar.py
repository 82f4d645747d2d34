"""The footer line: the screen's main keys, drawn as one line of text.

Textual's ``Footer`` mounts a widget per key and rebuilds them all whenever
the bindings change; on a board that is most of the cost of its first frame.
This bar reads the same bindings (those with ``show=True``) and repaints one
line; a key that cannot act now (no card selected) is drawn dimmed.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual.binding import Binding
from textual.content import Content, Span
from textual.screen import Screen
from textual.widget import Widget


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

        When the line is too narrow, keys are dropped from the end of the
        screen's own list; help, quit and the palette always stay, since they
        lead to every other key.
        """
        key_style = self.get_visual_style("key-bar--key", partial=True)
        disabled_style = self.get_visual_style("key-bar--disabled", partial=True)
        items: list[tuple[str, str, bool]] = []
        tail: list[tuple[str, str, bool]] = []
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
            item = (self.app.get_key_display(binding), binding.description, active.enabled)
            keeps = binding.action in ("quit", "help") or (binding.id or "").endswith(".help")
            (tail if keeps else items).append(item)
        if self.app.ENABLE_COMMAND_PALETTE:
            key = self.app.get_key_display(Binding(self.app.COMMAND_PALETTE_BINDING, ""))
            tail.append((key, self.palette_label, True))

        def width(entries: list[tuple[str, str, bool]]) -> int:
            return sum(cell_len(key) + cell_len(description) + 3 for key, description, _ in entries)

        while items and width(items) + width(tail) > self.size.width:
            items.pop()
        text = ""
        spans: list[Span] = []
        for key, description, enabled in items + tail:
            start = len(text) + 1
            text += f" {key} {description} "
            spans.append(Span(start, start + len(key), key_style if enabled else disabled_style))
            if not enabled:
                spans.append(Span(start + len(key), len(text), disabled_style))
        return Content(text, spans)
