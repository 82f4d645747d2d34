"""Widgets of the cockpit UI, one per module."""

from cockpit_tui.ui.widgets.board_canvas import BoardCanvas
from cockpit_tui.ui.widgets.key_bar import KeyBar
from cockpit_tui.ui.widgets.text_line import TextLine

__all__ = ["BoardCanvas", "KeyBar", "TextLine"]
