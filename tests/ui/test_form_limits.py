"""Forms refuse absurd values (issue 13, defect 7)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from textual.widgets import Input

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.models import AppointmentKind, OutcomeKind, PaymentMethod
from cockpit_tui.domain.plans import Plan
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.ui.screens.forms import SaleForm
from tests.ui.conftest import make_app, press, wait_until


def test_an_appointment_more_than_a_year_ahead_is_refused(
    ui_services: Services, clock: FrozenClock
) -> None:
    lead = ui_services.leads.add(name="Renata Nunes").id
    with pytest.raises(InvalidInputError) as error:
        ui_services.appointments.schedule(
            lead, AppointmentKind.VISIT, clock.now() + timedelta(days=400), plan=Plan.CRM
        )
    assert error.value.message_id == "form.too_far_ahead"
    ui_services.appointments.schedule(
        lead, AppointmentKind.VISIT, clock.now() + timedelta(days=300), plan=Plan.CRM
    )


def test_a_visit_can_be_said_to_have_happened_only_once_its_time_came(
    ui_services: Services, clock: FrozenClock
) -> None:
    lead = ui_services.leads.add(name="Renata Nunes").id
    visit = ui_services.appointments.schedule(
        lead, AppointmentKind.VISIT, clock.now() + timedelta(days=2), plan=Plan.CRM
    )
    with pytest.raises(InvalidInputError) as error:
        ui_services.appointments.resolve(visit.id, occurred=True)
    assert error.value.message_id == "form.not_happened_yet"
    assert ui_services.leads.get(lead).status is Status.NEW
    ui_services.appointments.resolve(visit.id, occurred=False)  # cancelled ahead: fine


async def test_the_sale_form_refuses_zero_asks_about_a_far_price_and_records_what_shows(
    ui_services: Services,
) -> None:
    lead = ui_services.leads.add(name="Renata Nunes", price=Decimal("116500")).id
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await press(pilot, "m", "5")
        await wait_until(pilot, lambda: isinstance(app.screen, SaleForm))
        form = app.screen
        assert isinstance(form, SaleForm)
        price = form.query_one("#sale-price", Input)
        price.value = "0"
        await press(pilot, "ctrl+s")
        assert form.error_text == "O valor da venda não pode ser zero."
        price.value = "1.399,50"
        await press(pilot, "ctrl+s")
        assert "R$ 1.399,50 longe do anunciado (R$ 116.500,00)" in form.error_text
        assert app.screen is form, "not saved without a second enter"
        await press(pilot, "ctrl+s")
        await wait_until(pilot, lambda: app.screen is not form)
    outcomes = [
        entry.item
        for entry in ui_services.leads.detail(lead).history
        if getattr(entry.item, "kind", None) is OutcomeKind.SOLD
    ]
    assert [getattr(o, "price", None) for o in outcomes] == [Decimal("1399.50")]
    assert [getattr(o, "payment_method", None) for o in outcomes] == [PaymentMethod.CASH], (
        "À vista looked chosen, so it is recorded"
    )
