"""The board's first show keeps the styles its widgets got when they were mounted.

Textual restyles every widget of a screen each time it is shown
(``ScreenResume.refresh_styles``). The board is shown for the first time right
after its widgets were mounted, each styled then, focus included (a focus change
restyles the widgets it concerns): that second pass over every widget was a
fifth of the time from the board mounted to its first frame (issue 18). Later
shows, back from a dialog or a screen that may have changed the theme or the
language, restyle as before.
"""

from __future__ import annotations

from textual import events


class FirstShow:
    """Mixed into the board screen: its first ``ScreenResume`` skips the restyle."""

    _shown_before = False

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Shown: the first time, with the styles given at mount (the module docstring says why)."""
        if not self._shown_before:
            self._shown_before = True
            event.refresh_styles = False
