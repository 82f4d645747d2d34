"""Did the appointment happen? A visit that did moves the lead to Visita realizada."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.ui.screens.forms.form_screen import FormScreen


class VisitResultForm(FormScreen[bool]):
    """Two choices: it happened (y/s) or it did not (n); dismisses with the answer.

    Args:
        title: e.g. "A visita de 28/11/2026 14:30 aconteceu?".
        translate: The user's language.
        resolve: Stores the answer; raises :class:`CockpitError` to refuse it.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,s", "answer(True)", "Sim", id="visit.yes"),
        Binding("n", "answer(False)", "Não", id="visit.no"),
    ]

    def __init__(
        self, title: str, translate: Translator, *, resolve: Callable[[bool], object]
    ) -> None:
        super().__init__(title, translate, hint=translate("visit.hint"))
        self._resolve = resolve
        self._answer: bool | None = None

    def compose_fields(self) -> ComposeResult:
        """Yes and no."""
        yield OptionList(
            Option(Content(self.t("visit.occurred")), id="yes"),
            Option(Content(self.t("visit.missed")), id="no"),
            id="visit-options",
        )

    def on_mount(self) -> None:
        """Arrows and enter work straight away."""
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on a choice answers."""
        event.stop()
        self.action_answer(event.option.id == "yes")

    def action_answer(self, occurred: bool) -> None:
        """Answer and save."""
        self._answer = occurred
        self.action_submit()

    def save(self) -> bool:
        """Store the answer chosen."""
        if self._answer is None:
            highlighted = self.query_one(OptionList).highlighted
            if highlighted is None:
                raise InvalidInputError("form.choose_answer")
            self._answer = highlighted == 0
        self._resolve(self._answer)
        return self._answer
