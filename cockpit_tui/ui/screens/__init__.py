"""Screens of the cockpit UI, one per module."""
