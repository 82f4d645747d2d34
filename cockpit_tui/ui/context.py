"""What a screen may ask of the app, as a protocol: screens never import the app class.

The concrete :class:`~cockpit_tui.ui.app.CockpitApp` satisfies it; a screen
reads it with :func:`cockpit_of`. Keeping screens off the app module is what
keeps ``ui/`` free of import circles (the app imports the board, not the
other way round).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from textual.app import App

    from cockpit_tui.domain.alerts import AlertMode
    from cockpit_tui.domain.filters import LeadFilter
    from cockpit_tui.i18n.translate import Translator
    from cockpit_tui.services import Services
    from cockpit_tui.ui.reply_drafts import ReplyDrafts


@runtime_checkable
class CockpitContext(Protocol):
    """The open store, the user's language and the user's saved choices."""

    services: Services
    t: Translator
    poll_interval: float
    reply_drafts: ReplyDrafts

    def saved_filters(self) -> LeadFilter:
        """The quick filters this user had on last time."""
        ...

    def save_filters(self, lead_filter: LeadFilter) -> None:
        """Remember the quick filters."""
        ...

    def alert_mode(self) -> AlertMode:
        """How much this user wants to be alerted (issue 15)."""
        ...

    def save_alert_mode(self, mode: AlertMode) -> None:
        """Remember the ``alerts`` choice."""
        ...

    def saved_column_totals(self) -> bool:
        """Whether the column headers showed their total asking value last time."""
        ...

    def save_column_totals(self, shown: bool) -> None:
        """Remember whether the column headers show their total asking value."""
        ...

    def switch_language(self, lang: str) -> None:
        """Speak ``lang`` from now on."""
        ...


def cockpit_of(app: App[object]) -> CockpitContext:
    """The running app as screens see it."""
    assert isinstance(app, CockpitContext), "screens run inside the cockpit app"
    return app
