"""Notices (toasts) that never read their text as markup.

Every sentence the app shows may carry data: a colleague's user name in a
conflict, a key from the user's keymap file, a file name, a lead's text. Read
as Textual markup, ``[/]`` in any of them raises MarkupError and
``[@click=app.quit]`` would be a live action; so notices are plain text,
always. :class:`PlainNotices` makes that the app's default (screens and
widgets notify through the app), and :func:`plain` is the helper for any
other place that builds a visual from a sentence.
"""

from __future__ import annotations

from textual.app import App
from textual.content import Content
from textual.notifications import SeverityLevel

from cockpit_tui.domain.sanitize import clean_message


def plain(sentence: str) -> Content:
    """``sentence`` as literal text (no markup), control characters removed, line by line."""
    return Content("\n".join(clean_message(line) for line in sentence.split("\n")))


class PlainNotices(App[None]):
    """An app whose notifications are plain text, whatever the caller asks for."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Show a toast; ``markup`` is ignored (always off: the text may carry data)."""
        del markup
        super().notify(
            "\n".join(clean_message(line) for line in message.split("\n")),
            title=title,
            severity=severity,
            timeout=timeout,
            markup=False,
        )
