"""The Textual user interface. Talks to :mod:`cockpit_tui.services` only."""
