"""The status picker behind ``m``: the six statuses, a digit chooses, esc cancels.

Any other letter or sign closes it without moving (``m`` again, a letter meant
for the board): a key typed by mistake never leaves the picker waiting for the
next digit, which would move the lead.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from cockpit_tui.domain.statuses import STATUS_ORDER, Status, status_label
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.ui.bindings import translate_bindings
from cockpit_tui.ui.screens.backdrop import DimmedModal


class MovePicker(DimmedModal[Status | None]):
    """Choose where a lead goes; dismisses with the status, or None on esc.

    Args:
        current: The lead's status now (shown, and not selectable).
        translate: The user's language.
    """

    CSS_PATH = "move_picker.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancelar", id="picker.cancel"),
        *(
            Binding(
                str(status.position),
                f"choose({status.position})",
                status_label(status),
                id=f"picker.status_{status.position}",
                show=False,
            )
            for status in STATUS_ORDER
        ),
    ]

    def __init__(self, current: Status, translate: Translator) -> None:
        super().__init__()
        self._current = current
        self._t = translate
        #: The key that closed the picker without moving (None: esc, or a status chosen).
        self.closed_by: str | None = None

    def compose(self) -> ComposeResult:
        """A title and the six statuses."""
        t = self._t
        translate_bindings(self, t)
        with Vertical(id="picker-panel"):
            yield Static(Content(t("picker.title")), id="picker-title")
            options = [
                Option(
                    Content(
                        f"{status.position}  {status_label(status, t.lang)}"
                        + (f"  ({t('picker.current')})" if status is self._current else "")
                    ),
                    id=status.value,
                    disabled=status is self._current,
                )
                for status in STATUS_ORDER
            ]
            yield OptionList(*options, id="picker-options")
            yield Static(Content(t("picker.hint")), id="picker-hint")

    def on_mount(self) -> None:
        """Highlight the status after the current one."""
        options = self.query_one(OptionList)
        following = self._current.next() or self._current.previous() or self._current
        options.highlighted = STATUS_ORDER.index(following)

    def action_choose(self, number: int) -> None:
        """Pick status ``number`` (1–6); the current status says it is there already."""
        status = STATUS_ORDER[number - 1]
        if status is self._current:
            label = status_label(status, self._t.lang)
            self._say(self._t("picker.already_there", status=label))
        else:
            self.dismiss(status)

    def on_key(self, event: events.Key) -> None:
        """A digit that names no status is refused out loud; any other sign closes the picker."""
        character = event.character
        if character is None or not event.is_printable or event.key in self.active_bindings:
            return  # the list's keys (↑↓ enter…), the digits 1–6, esc
        event.stop()
        event.prevent_default()
        if character in "0789":
            self._say(self._t("picker.not_a_status", key=character))
        else:
            self.closed_by = character
            self.dismiss(None)

    def _say(self, text: str) -> None:
        self.query_one("#picker-hint", Static).update(Content(text))

    def action_cancel(self) -> None:
        """Close without moving."""
        self.dismiss(None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on a highlighted status picks it."""
        event.stop()
        if event.option.id is not None:
            self.dismiss(Status(event.option.id))
