"""The lead screen's day tools: correcting the lead (``e``) and its appointments (``o``).

Kept out of ``lead.py`` so the screen stays one job: showing the lead.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from cockpit_tui.domain.models import Appointment, AppointmentKind

if TYPE_CHECKING:
    from cockpit_tui.domain.lead_edits import EditableField
    from cockpit_tui.ui.screens.lead_host import LeadHost


def open_edit(screen: LeadHost) -> None:
    """The correction form; a phone or e-mail another open lead has is flagged, never merged."""
    card = screen.card
    if card is None:
        return
    from cockpit_tui.ui.screens.forms.edit_lead_form import EditLeadForm

    edits, t = screen.cockpit.services.edits, screen.cockpit.t

    def edit(typed: Mapping[EditableField, str]) -> object:
        result = edits.edit(card.id, typed, seen=card)
        if result.shared_contact:
            shared = ", ".join(f"#{lead_id}" for lead_id in result.shared_contact)
            screen.notify(t("edit_lead.shared", lead_ids=shared), severity="warning", timeout=10)
        return result

    screen.open_form(EditLeadForm(t, card=card, edit=edit), t("lead.edited"))


def open_appointments(screen: LeadHost) -> None:
    """Every pending appointment of the lead; then what happened, a new time, or a cancellation."""
    detail = screen.detail
    if detail is None:
        return
    from cockpit_tui.ui.screens.forms.appointments_picker import (
        AppointmentChoice,
        AppointmentsPicker,
    )

    services, t = screen.cockpit.services, screen.cockpit.t
    pending = [appointment for appointment in detail.appointments if appointment.is_pending]
    if not pending:
        screen.say(t("appointments.none"))
        return
    zone = services.agenda.zone()

    def chosen(choice: AppointmentChoice | None) -> None:
        if choice is None:
            return
        {"result": open_result, "reschedule": open_reschedule, "cancel": open_cancel}[
            choice.action
        ](screen, choice.appointment)

    screen.app.push_screen(AppointmentsPicker(t, appointments=pending, zone=zone), chosen)


def open_result(screen: LeadHost, appointment: Appointment) -> None:
    """Did it happen? (A visit that did moves the lead to Visita realizada.)"""
    from cockpit_tui.i18n.format import format_datetime
    from cockpit_tui.ui.screens.forms import VisitResultForm

    services, t = screen.cockpit.services, screen.cockpit.t
    title = t(
        "visit.title",
        kind=t(f"appointment.{appointment.kind.value}"),
        when=format_datetime(appointment.at, t.lang, zone=services.agenda.zone()),
    )

    def resolve(occurred: bool) -> object:
        return services.appointments.resolve(appointment.id, occurred=occurred)

    screen.open_form(VisitResultForm(title, t, resolve=resolve), t("lead.visit_recorded"))


def open_reschedule(screen: LeadHost, appointment: Appointment) -> None:
    """A new date and time (the kind may change); the old one stays in the history."""
    from cockpit_tui.ui.screens.forms import ScheduleForm

    services, t = screen.cockpit.services, screen.cockpit.t
    plan = services.settings.plan()

    def reschedule(kind: AppointmentKind, at: datetime) -> Appointment:
        return services.appointment_changes.reschedule(appointment.id, at, plan=plan, kind=kind)

    form = ScheduleForm(
        t,
        plan=plan,
        now=services.clock.now(),
        schedule=reschedule,
        kind=appointment.kind,
        title=t("appointments.reschedule_title", kind=t(f"appointment.{appointment.kind.value}")),
        zone=services.agenda.zone(),
        first_at=appointment.at,
    )
    screen.open_form(form, t("lead.rescheduled"))


def open_cancel(screen: LeadHost, appointment: Appointment) -> None:
    """Cancel it, with an optional reason."""
    from cockpit_tui.ui.screens.forms import TextForm

    changes, t = screen.cockpit.services.appointment_changes, screen.cockpit.t

    def cancel(reason: str) -> object:
        return changes.cancel(appointment.id, reason=reason.strip() or None)

    title = t("appointments.cancel_title", kind=t(f"appointment.{appointment.kind.value}"))
    form = TextForm(title, t, send=cancel, placeholder=t("appointments.cancel_reason"))
    screen.open_form(form, t("lead.cancelled"))
