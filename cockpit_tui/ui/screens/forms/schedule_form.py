"""Schedule a store visit, a call back or a video call at a typed date and time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, tzinfo

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, RadioButton, RadioSet, Static

from cockpit_tui.domain.appointments import kind_allowed, parse_appointment_time
from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.models import Appointment, AppointmentKind
from cockpit_tui.domain.plans import Plan
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.ui.screens.forms.form_screen import FormScreen

KIND_ORDER = (AppointmentKind.VISIT, AppointmentKind.CALL_BACK, AppointmentKind.VIDEO_CALL)


class ScheduleForm(FormScreen[Appointment]):
    """The kind (video call only on CRM +Smart, and the option says so) and "dd/mm/aaaa hh:mm".

    Args:
        translate: The user's language.
        plan: The store's plan.
        now: The current instant (the default date is tomorrow at 10:00).
        schedule: Stores the appointment; raises :class:`CockpitError` to refuse it.
        kind: The kind chosen when the form opens.
        title: The form's title (it names the customer).
        zone: The store's time zone: the time typed is read there (None: the machine's).
        first_at: The time the field shows first (None: tomorrow at 10:00).
    """

    def __init__(
        self,
        translate: Translator,
        *,
        plan: Plan,
        now: datetime,
        schedule: Callable[[AppointmentKind, datetime], Appointment],
        kind: AppointmentKind = AppointmentKind.VISIT,
        title: str,
        zone: tzinfo | None = None,
        first_at: datetime | None = None,
    ) -> None:
        super().__init__(title, translate)
        self._zone = zone
        self._first_at = first_at
        self._plan = plan
        self._now = now
        self._schedule = schedule
        self._kind = kind

    def compose_fields(self) -> ComposeResult:
        """The three kinds and the date field."""
        t = self.t
        yield Static(Content(t("schedule.kind")), classes="form-label")
        with RadioSet(id="schedule-kind"):
            for kind in KIND_ORDER:
                allowed = kind_allowed(kind, self._plan)
                label = t(f"appointment.{kind.value}")
                if not allowed:
                    label = t("schedule.video_unavailable", kind=label)
                yield RadioButton(
                    Content(label), value=kind is self._kind and allowed, disabled=not allowed
                )
        yield Static(Content(t("schedule.when")), classes="form-label")
        tomorrow = (self._now.astimezone(self._zone) + timedelta(days=1)).replace(hour=10, minute=0)
        if self._first_at is not None:
            tomorrow = self._first_at.astimezone(self._zone)
        english = t.lang == "en"
        yield Input(
            tomorrow.strftime("%Y-%m-%d %H:%M" if english else "%d/%m/%Y %H:%M"),
            placeholder="yyyy-mm-dd hh:mm" if english else "dd/mm/aaaa hh:mm",
            id="schedule-when",
        )

    def on_mount(self) -> None:
        """Start in the date field: the kind is usually right already."""
        self.query_one("#schedule-when", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the date field saves."""
        event.stop()
        self.action_submit()

    @property
    def chosen_kind(self) -> AppointmentKind | None:
        """The kind selected in the radio set."""
        index = self.query_one(RadioSet).pressed_index
        return KIND_ORDER[index] if 0 <= index < len(KIND_ORDER) else None

    def save(self) -> Appointment:
        """Check kind and date, then schedule."""
        kind = self.chosen_kind
        if kind is None:
            raise InvalidInputError("form.choose_kind")
        when = parse_appointment_time(self.query_one(Input).value, now=self._now, zone=self._zone)
        return self._schedule(kind, when)
