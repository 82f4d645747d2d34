"""Widgets of the cockpit UI, one per module."""

from cockpit_tui.ui.widgets.lead_column import LeadColumn

__all__ = ["LeadColumn"]
