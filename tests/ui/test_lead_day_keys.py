"""The lead screen's day keys: ``e`` corrects the lead, ``o`` reschedules or cancels."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from textual.widgets import Input, OptionList, Static

from cockpit_tui.domain.models import AppointmentKind
from cockpit_tui.domain.plans import Plan
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.ui.app import CockpitApp
from cockpit_tui.ui.screens.forms import ScheduleForm, TextForm
from cockpit_tui.ui.screens.forms.appointments_picker import AppointmentsPicker
from cockpit_tui.ui.screens.forms.edit_lead_form import EditLeadForm
from cockpit_tui.ui.screens.lead import LeadScreen
from tests.ui.conftest import column, make_app, press, wait_until
from tests.ui.test_lead_screen import form_of, open_lead


def history(app: CockpitApp) -> str:
    screen = app.screen
    assert isinstance(screen, LeadScreen)
    return str(screen.query_one("#history", Static).content)


async def replace_text(pilot: object, field: Input, text: str) -> None:
    field.focus()
    field.value = ""
    await pilot.press(*[("space" if c == " " else c) for c in text])  # type: ignore[attr-defined]


async def test_e_corrects_the_vehicle_and_the_history_shows_before_and_after(
    ui_services: Services,
) -> None:
    card = ui_services.leads.add(
        name="Carlos Pereira", phone="(11) 91234-5678", vehicle="Onix", price=Decimal("89900")
    )
    app = make_app(ui_services, poll_interval=0.5)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_lead(pilot, app, card.id)
        await press(pilot, "e")
        form = await form_of(pilot, app, EditLeadForm)
        assert form.query_one("#edit-vehicle", Input).value == "Onix"
        assert form.query_one("#edit-price", Input).value == "R$ 89.900,00"
        await replace_text(pilot, form.query_one("#edit-vehicle", Input), "Onix LT 2024")
        await press(pilot, "ctrl+s")
        await wait_until(pilot, lambda: "corrigiu veículo: Onix → Onix LT 2024" in history(app))
        assert ui_services.leads.get(card.id).vehicle == "Onix LT 2024"
        assert ui_services.leads.get(card.id).price == Decimal("89900")  # untouched: not sent
        assert [edit.field.value for edit in ui_services.edits.edits(card.id)] == ["vehicle"]


async def test_a_bad_phone_keeps_the_form_and_a_shared_phone_is_flagged(
    ui_services: Services,
) -> None:
    other = ui_services.leads.add(name="Rita Gomes", phone="(11) 97777-0000")
    card = ui_services.leads.add(name="Carlos Pereira", phone="(11) 91234-5678")
    app = make_app(ui_services, poll_interval=0.5)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_lead(pilot, app, card.id)
        await press(pilot, "e")
        form = await form_of(pilot, app, EditLeadForm)
        phone = form.query_one("#edit-phone", Input)
        await replace_text(pilot, phone, "123")
        await press(pilot, "ctrl+s")
        assert "Telefone inválido" in form.error_text
        assert phone.value == "123"
        await replace_text(pilot, phone, "11977770000")
        await press(pilot, "ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, LeadScreen))
        shown = [str(n.message) for n in app._notifications]
        assert any(f"#{other.id}" in text and "Nada foi juntado" in text for text in shown)
        assert (
            ui_services.leads.get(other.id).customer_id
            != ui_services.leads.get(card.id).customer_id
        )


async def test_esc_on_the_lead_returns_to_the_board_with_the_corrected_card(
    ui_services: Services,
) -> None:
    card = ui_services.leads.add(name="Carlos Pereira", phone="(11) 91234-5678", vehicle="Onix")
    app = make_app(ui_services, poll_interval=0.5)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_lead(pilot, app, card.id)
        await press(pilot, "e")
        form = await form_of(pilot, app, EditLeadForm)
        await replace_text(pilot, form.query_one("#edit-vehicle", Input), "Tracker")
        await press(pilot, "enter")
        await wait_until(pilot, lambda: "Tracker" in history(app))
        await press(pilot, "escape")
        await wait_until(
            pilot, lambda: column(app, Status.NEW).window.cards[0].vehicle == "Tracker"
        )


async def test_o_lists_every_pending_appointment_reschedules_one_and_cancels_another(
    ui_services: Services, clock: FrozenClock
) -> None:
    card = ui_services.leads.add(name="Carlos Pereira", phone="(11) 91234-5678")
    zone = ui_services.agenda.zone()
    tomorrow = (clock.now().astimezone(zone) + timedelta(days=1)).replace(hour=10, minute=0)
    ui_services.appointments.schedule(card.id, AppointmentKind.VISIT, tomorrow, plan=Plan.CRM)
    later = tomorrow + timedelta(days=2)
    ui_services.appointments.schedule(card.id, AppointmentKind.CALL_BACK, later, plan=Plan.CRM)
    app = make_app(ui_services, poll_interval=0.5)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_lead(pilot, app, card.id)
        await press(pilot, "o")
        picker = await form_of(pilot, app, AppointmentsPicker)
        assert picker.query_one(OptionList).option_count == 2
        assert "r: remarcar" in str(picker.query_one("#form-hint", Static).content)
        await press(pilot, "r")
        form = await form_of(pilot, app, ScheduleForm)
        when = form.query_one("#schedule-when", Input)
        assert when.value == tomorrow.strftime("%d/%m/%Y 10:00")
        await replace_text(pilot, when, tomorrow.strftime("%d/%m/%Y 11:00"))
        await press(pilot, "ctrl+s")
        await wait_until(pilot, lambda: "remarcou" in history(app))
        pending = ui_services.appointment_changes.pending(card.id)
        assert [a.at.astimezone(zone).hour for a in pending] == [11, 10]
        await press(pilot, "o")
        picker = await form_of(pilot, app, AppointmentsPicker)
        await press(pilot, "down", "c")
        await form_of(pilot, app, TextForm)
        await pilot.press(*"cliente viaja")
        await press(pilot, "ctrl+s")
        await wait_until(pilot, lambda: "(cliente viaja)" in history(app))
        (left,) = ui_services.appointment_changes.pending(card.id)
        assert left.at.astimezone(zone).hour == 11
        assert isinstance(app.screen, LeadScreen)


async def test_o_is_off_while_the_lead_has_no_pending_appointment(ui_services: Services) -> None:
    card = ui_services.leads.add(name="Carlos Pereira", phone="(11) 91234-5678")
    app = make_app(ui_services, lang="en", poll_interval=0.5)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lead(pilot, app, card.id)
        assert screen.check_action("visit_result", ()) is None  # dimmed in the key bar
        await press(pilot, "o")
        assert app.screen is screen
