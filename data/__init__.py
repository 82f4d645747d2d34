"""Demo and sample data shipped with cockpit-tui (see README)."""
