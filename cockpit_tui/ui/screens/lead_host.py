"""What the lead screen's helpers (``lead_day.py``, ``lead_reply.py``) ask of the lead screen.

A protocol rather than the screen class itself, so those modules do not
import the screen (which imports them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Protocol

if TYPE_CHECKING:
    from textual.app import App
    from textual.worker import Worker

    from cockpit_tui.domain.cards import LeadCard
    from cockpit_tui.domain.lead_history import LeadDetail
    from cockpit_tui.ui.context import CockpitContext
    from cockpit_tui.ui.screens.forms import FormScreen


class LeadHost(Protocol):
    """The lead screen, as its forms and dialogs use it."""

    @property
    def cockpit(self) -> CockpitContext:
        """The app, as screens see it."""

    @property
    def app(self) -> App[object]:
        """The running app (to push screens)."""

    @property
    def card(self) -> LeadCard | None:
        """The lead as last read."""

    @property
    def detail(self) -> LeadDetail | None:
        """The lead, its conversation and history as last read."""

    def open_form(self, form: FormScreen[Any], done: str) -> None:
        """Show a form; once saved, say ``done`` and read the lead again."""

    def say(self, text: str) -> None:
        """Show what just happened on the title line."""

    def reload(self) -> None:
        """Read the lead again."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: Literal["information", "warning", "error"] = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """A toast."""

    def run_worker(self, work: Any, *, thread: bool, exclusive: bool, group: str) -> Worker[Any]:
        """Run ``work`` in a worker."""

    def hold_keys(self) -> None:
        """Keep what is typed from now on for the dialog about to open."""

    def stop_holding(self) -> None:
        """Let what was typed go to the dialog now on top."""

    def drop_held_keys(self) -> None:
        """Forget what was typed: the dialog did not open."""
