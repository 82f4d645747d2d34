"""Widgets of the cockpit UI, one per module."""

from cockpit_tui.ui.widgets.column_summary import ColumnSummary

__all__ = ["ColumnSummary"]
