"""A lead's pending appointments: say what happened, reschedule, or cancel one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import tzinfo
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.models import Appointment
from cockpit_tui.i18n.format import format_datetime
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.ui.screens.forms.form_screen import FormScreen


@dataclass(frozen=True, slots=True)
class AppointmentChoice:
    """What to do with which appointment.

    Attributes:
        action: "result", "reschedule" or "cancel".
        appointment: The appointment chosen.
    """

    action: str
    appointment: Appointment


class AppointmentsPicker(FormScreen[AppointmentChoice]):
    """Every pending appointment of the lead, soonest first; enter / r / c act on the highlighted.

    Args:
        translate: The user's language.
        appointments: The lead's pending appointments.
        zone: The store's time zone (times are shown there).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose('result')", "Aconteceu?", id="appointments.result"),
        Binding("r", "choose('reschedule')", "Remarcar", id="appointments.reschedule"),
        Binding("c", "choose('cancel')", "Cancelar compromisso", id="appointments.cancel"),
    ]

    def __init__(
        self, translate: Translator, *, appointments: Sequence[Appointment], zone: tzinfo
    ) -> None:
        super().__init__(
            translate("appointments.title"), translate, hint=translate("appointments.hint")
        )
        self.appointments = sorted(appointments, key=lambda appointment: appointment.at)
        self._zone = zone

    def compose_fields(self) -> ComposeResult:
        """One line per appointment: when and what."""
        t = self.t
        yield OptionList(
            *(
                Option(
                    Content.assemble(
                        (format_datetime(a.at, t.lang, zone=self._zone), "bold"),
                        "  ",
                        t(f"appointment.{a.kind.value}"),
                    )
                )
                for a in self.appointments
            ),
            id="appointment-options",
        )

    def on_mount(self) -> None:
        """The soonest one highlighted."""
        options = self.query_one(OptionList)
        options.focus()
        if self.appointments:
            options.highlighted = 0
        else:
            self.show_error(self.t("appointments.none"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on a line: what happened."""
        event.stop()
        self.action_choose("result")

    def action_choose(self, action: str) -> None:
        """Close with the highlighted appointment and what to do with it."""
        index = self.query_one(OptionList).highlighted
        if index is None or not 0 <= index < len(self.appointments):
            return
        self.dismiss(AppointmentChoice(action, self.appointments[index]))

    def save(self) -> AppointmentChoice:
        """ctrl+s: like enter."""
        index = self.query_one(OptionList).highlighted
        if index is None or not 0 <= index < len(self.appointments):
            raise InvalidInputError("appointments.none")
        return AppointmentChoice("result", self.appointments[index])
