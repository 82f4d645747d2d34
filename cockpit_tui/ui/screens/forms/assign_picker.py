"""Choose who takes a lead: a salesperson of the store's team, or nobody."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.ui.screens.forms.form_screen import FormScreen

_NOBODY = "\x00nobody"


@dataclass(frozen=True, slots=True)
class AssignChoice:
    """The salesperson chosen; None is "Não atribuído"."""

    salesperson: str | None


class AssignPicker(FormScreen[AssignChoice]):
    """The team in alphabetical order, then "Não atribuído"; the current one is marked.

    Args:
        translate: The user's language.
        team: The store's salespeople.
        current: Who has the lead now (None: nobody).
    """

    def __init__(self, translate: Translator, *, team: list[str], current: str | None) -> None:
        super().__init__(translate("assign.title"), translate, hint=translate("assign.hint"))
        names = list(team)
        if current and current not in names:
            names.append(current)
        self._names = names
        self._current = current

    def compose_fields(self) -> ComposeResult:
        """One option per salesperson, then nobody."""
        mark = f"  ({self.t('assign.current')})"
        options = [
            Option(Content(name + (mark if name == self._current else "")), id=name)
            for name in self._names
        ]
        nobody = self.t("card.unassigned") + (mark if self._current is None else "")
        options.append(Option(Content(nobody), id=_NOBODY))
        yield OptionList(*options, id="assign-options")

    def on_mount(self) -> None:
        """Highlight the current salesperson."""
        options = self.query_one(OptionList)
        options.focus()
        wanted = self._current if self._current is not None else _NOBODY
        ids = [*self._names, _NOBODY]
        options.highlighted = ids.index(wanted) if wanted in ids else 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter picks the highlighted person."""
        event.stop()
        self.action_submit()

    def save(self) -> AssignChoice:
        """The highlighted person (the screen that opened the picker assigns)."""
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is None:
            raise InvalidInputError("form.choose_salesperson")
        ids = [*self._names, _NOBODY]
        chosen = ids[highlighted]
        return AssignChoice(None if chosen == _NOBODY else chosen)
