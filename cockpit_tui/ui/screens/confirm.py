"""A yes/no question before an action that is easy to regret: enter confirms, esc cancels."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from cockpit_tui.i18n.translate import Translator
from cockpit_tui.ui.bindings import translate_bindings
from cockpit_tui.ui.screens.backdrop import DimmedModal


class ConfirmScreen(DimmedModal[bool]):
    """Ask one question; dismisses with True on enter, False on esc.

    Args:
        question: The question, plain text (lead data in it is never markup).
        translate: The user's language.
    """

    CSS_PATH = "move_picker.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "answer(True)", "Confirmar", id="confirm.yes"),
        Binding("escape", "answer(False)", "Cancelar", id="confirm.no"),
    ]

    def __init__(self, question: str, translate: Translator) -> None:
        super().__init__()
        self._question = question
        self._t = translate

    def compose(self) -> ComposeResult:
        """The question and how to answer it."""
        translate_bindings(self, self._t)
        with Vertical(id="picker-panel"):
            yield Static(Content(self._question), id="picker-title")
            yield Static(Content(self._t("confirm.hint")), id="picker-hint")

    def action_answer(self, confirmed: bool) -> None:
        """Close with the answer."""
        self.dismiss(confirmed)
