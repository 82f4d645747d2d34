"""The footer line: the screen's main keys, drawn as one line of text.

Textual's ``Footer`` mounts a widget per key and rebuilds them all whenever
the bindings change; on a board that is most of the cost of its first frame.
This bar reads the same bindings (those with ``show=True``) and repaints one
line; a key that cannot act now (no card selected) is drawn dimmed.
"""

from __future__ import annotations

from typing import ClassVar

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
        """The keys, e.g. " ⇧→ Avançar  m Mover  …  ? Ajuda  q Sair" from the active bindings."""
        key_style = self.get_visual_style("key-bar--key", partial=True)
        disabled_style = self.get_visual_style("key-bar--disabled", partial=True)
        text = ""
        spans: list[Span] = []
        seen: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.show or not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            key = self.app.get_key_display(binding)
            start = len(text) + 1
            text += f" {key} {binding.description} "
            style = key_style if active.enabled else disabled_style
            spans.append(Span(start, start + len(key), style))
            if not active.enabled:
                spans.append(Span(start + len(key), len(text), disabled_style))
        if self.app.ENABLE_COMMAND_PALETTE:
            key = self.app.get_key_display(Binding(self.app.COMMAND_PALETTE_BINDING, ""))
            start = len(text) + 1
            text += f" {key} {self.palette_label} "
            spans.append(Span(start, start + len(key), key_style))
        return Content(text, spans)
