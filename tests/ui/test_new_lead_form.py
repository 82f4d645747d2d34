"""``n`` on the board: a lead typed by hand (a walk-in, a phone call)."""

from __future__ import annotations

from textual.widgets import Input, Select

from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services, open_services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.ui.screens.forms.new_lead_form import NewLeadForm
from cockpit_tui.ui.screens.lead import LeadScreen
from tests.ui.conftest import column, make_app, notices, press, selected_id, wait_until


def form_of(app: object) -> NewLeadForm:
    screen = getattr(app, "screen", None)
    assert isinstance(screen, NewLeadForm), f"expected the form, got {type(screen).__name__}"
    return screen


async def type_text(pilot: object, text: str) -> None:
    await pilot.press(*[("space" if c == " " else c) for c in text])  # type: ignore[attr-defined]


async def test_a_walk_in_lands_on_top_of_nova_proposta_selected_on_both_boards(
    ui_services: Services, ui_url: str, clock: FrozenClock
) -> None:
    ui_services.leads.add(name="Alice Prado", phone="(11) 98888-1111")
    other = open_services(ui_url, actor="Bruno", clock=clock)
    app, second = make_app(ui_services, poll_interval=0.5), make_app(other)
    try:
        async with app.run_test(size=(120, 40)) as pilot, second.run_test(size=(120, 40)) as p2:
            await press(pilot, "n")
            form = form_of(app)
            assert form.query_one("#new-lead-source", Select).value == "Loja (presencial)"
            assert form.query_one("#new-lead-assignee", Select).value == "Ana"
            await type_text(pilot, "Carlos Pereira")
            await press(pilot, "tab")
            await type_text(pilot, "11 91234-5678")
            await press(pilot, "tab", "tab")
            await type_text(pilot, "Onix LT 2024")
            await press(pilot, "tab")
            await type_text(pilot, "89900")
            await press(pilot, "ctrl+s")
            await wait_until(pilot, lambda: not isinstance(app.screen, NewLeadForm))
            top = column(app, Status.NEW).window.cards[0]
            assert top.customer_name == "Carlos Pereira"
            assert top.vehicle == "Onix LT 2024"
            assert top.source == "Loja (presencial)"
            assert top.assigned_to == "Ana"
            assert selected_id(app) == top.id
            assert any(f"#{top.id}" in text for text in notices(app))
            await wait_until(
                p2, lambda: column(second, Status.NEW).window.cards[0].id == top.id, timeout=2
            )
    finally:
        other.close()


async def test_bad_phone_is_said_on_the_last_line_and_what_was_typed_stays(
    ui_services: Services,
) -> None:
    app = make_app(ui_services, poll_interval=0.5)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "n")
        await type_text(pilot, "Carlos")
        await press(pilot, "tab")
        await type_text(pilot, "123")
        await press(pilot, "ctrl+s")
        form = form_of(app)
        assert "Telefone inválido" in form.error_text
        assert form.region.bottom <= 24
        assert form.query_one("#form-error").region.height == 1
        assert form.query_one("#new-lead-name", Input).value == "Carlos"
        assert form.query_one("#new-lead-phone", Input).value == "123"


async def test_same_phone_offers_the_open_lead_or_creating_anyway(
    ui_services: Services,
) -> None:
    existing = ui_services.leads.add(name="Rita Gomes", phone="(11) 97777-0000")
    app = make_app(ui_services, poll_interval=0.5)
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "n")
        await type_text(pilot, "Rita")
        await press(pilot, "tab")
        await type_text(pilot, "11977770000")
        await press(pilot, "ctrl+s")
        form = form_of(app)
        assert f"#{existing.id}" in form.error_text
        assert "Rita Gomes" in form.error_text
        await press(pilot, "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, LeadScreen))
        screen = app.screen
        assert isinstance(screen, LeadScreen)
        assert screen.lead_id == existing.id


async def test_create_anyway_after_the_warning(ui_services: Services) -> None:
    ui_services.leads.add(name="Rita Gomes", phone="(11) 97777-0000")
    app = make_app(ui_services, lang="en", poll_interval=0.5)
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "n")
        await type_text(pilot, "Rita")
        await press(pilot, "tab")
        await type_text(pilot, "11977770000")
        await press(pilot, "ctrl+s")
        assert "enter opens that lead" in form_of(app).error_text
        await press(pilot, "ctrl+s")
        await wait_until(pilot, lambda: not isinstance(app.screen, NewLeadForm))
        top = column(app, Status.NEW).window.cards[0]
        assert top.customer_name == "Rita"
        assert top.phone is not None
        assert top.phone.endswith("977770000")
