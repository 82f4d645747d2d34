"""The lead screen: reading the conversation, replying, recording what happened."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from typing import Any, TypeVar

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, RadioButton, RadioSet, Static, TextArea

from cockpit_tui.domain.models import AppointmentKind, Direction, LostReason, PaymentMethod
from cockpit_tui.domain.plans import Plan
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services, open_services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.ui.app import CockpitApp
from cockpit_tui.ui.board.screen import BoardScreen
from cockpit_tui.ui.screens.forms import (
    AssignPicker,
    FormScreen,
    LostForm,
    SaleForm,
    ScheduleForm,
    TextForm,
    VisitResultForm,
)
from cockpit_tui.ui.screens.lead import LeadScreen
from cockpit_tui.ui.widgets.text_line import TextLine
from tests.conftest import tick
from tests.ui.conftest import column, first_line_of_card, press, selected_id, wait_until
from tests.ui.conftest import make_app as make_board_app

SIZES = [(160, 45), (100, 30)]


def make_app(services: Services) -> CockpitApp:
    """An app that polls every 0.2 s: live enough for these tests, and idle between polls
    (Pilot waits for an idle process after each key)."""
    return make_board_app(services, poll_interval=0.2)


@pytest.fixture(params=SIZES)
def size(request: pytest.FixtureRequest) -> tuple[int, int]:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def maria(ui_services: Services, clock: FrozenClock) -> int:
    """Maria (on top of Nova proposta, bold: she replied) below an older lead."""
    tick(clock)
    ui_services.leads.add(name="Alice Prado", vehicle="Fiat Argo 2022")
    tick(clock)
    card = ui_services.leads.add(
        name="Maria Souza",
        phone="(11) 98765-4321",
        email="maria@example.com",
        vehicle="Jeep Compass Longitude 2.0 2021",
        price=Decimal("139900.00"),
        source="Webmotors",
        message="Olá, o carro ainda está disponível?",
    )
    tick(clock, 5)
    ui_services.leads.record_inbound(card.id, "Aceita troca?")
    return card.id


@pytest.fixture
def colleague(ui_url: str, clock: FrozenClock) -> Iterator[Services]:
    services = open_services(ui_url, actor="Bruno", clock=clock)
    yield services
    services.close()


def lead_screen(app: CockpitApp) -> LeadScreen:
    screen = app.screen
    assert isinstance(screen, LeadScreen), f"expected the lead, got {type(screen).__name__}"
    return screen


def text_of(app: CockpitApp, selector: str) -> str:
    widget = lead_screen(app).query_one(selector)
    if isinstance(widget, TextLine):
        return widget.text
    assert isinstance(widget, Static)
    return str(widget.visual)


def lead_notice(app: CockpitApp) -> str:
    return lead_screen(app).query_one("#lead-notice", TextLine).text


async def open_lead(pilot: Pilot[None], app: CockpitApp, lead_id: int) -> LeadScreen:
    """From the board, select ``lead_id`` and press enter; wait until it is shown."""
    board = app.screen
    assert isinstance(board, BoardScreen)
    board.select_lead(lead_id)
    await press(pilot, "enter")
    await wait_until(pilot, lambda: isinstance(app.screen, LeadScreen))
    screen = lead_screen(app)
    await wait_until(pilot, lambda: screen.detail is not None)
    return screen


_Form = TypeVar("_Form", bound=FormScreen[Any])


async def form_of(pilot: Pilot[None], app: CockpitApp, kind: type[_Form]) -> _Form:
    await wait_until(pilot, lambda: isinstance(app.screen, kind))
    screen = app.screen
    assert isinstance(screen, kind)
    return screen


def name_is_bold(app: CockpitApp, lead_id: int) -> bool:
    view = column(app, Status.NEW)
    index = next(i for i, card in enumerate(view.window.cards) if card.id == lead_id)
    strip = first_line_of_card(view, index - view.window.start)
    segment = next(s for s in strip if "Maria" in s.text)
    return bool(segment.style and segment.style.bold)


async def test_enter_shows_the_customer_conversation_and_history_and_esc_returns(
    ui_services: Services, maria: int, size: tuple[int, int]
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await open_lead(pilot, app, maria)
        summary = text_of(app, "#lead-summary")
        for shown in (
            "Maria Souza",
            "+55 (11) 98765-4321",
            "maria@example.com",
            "Webmotors",
            "Jeep Compass Longitude 2.0 2021",
            "R$ 139.900,00",
            "Nova proposta",
            "Não atribuído",
            "27/11/2026 09:02",
        ):
            assert shown in summary
        conversation = text_of(app, "#conversation")
        assert conversation.index("Olá, o carro") < conversation.index("Aceita troca?")
        assert "27/11/2026 09:07  Maria Souza  ● nova" in conversation
        assert "Lead chegou (Webmotors)" in text_of(app, "#history")
        await press(pilot, "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, BoardScreen))
        assert selected_id(app) == maria


async def test_opening_a_bold_lead_clears_the_bold_on_every_open_board(
    ui_services: Services, colleague: Services, maria: int
) -> None:
    """Two app instances on one store: Ana opens Maria; Bruno's board loses the bold."""
    mine, theirs = make_app(ui_services), make_app(colleague)
    async with mine.run_test(size=(160, 45)) as pilot, theirs.run_test(size=(160, 45)) as other:
        await other.pause()
        assert name_is_bold(theirs, maria)
        await open_lead(pilot, mine, maria)
        await wait_until(other, lambda: not name_is_bold(theirs, maria))
        assert colleague.leads.get(maria).unread_count == 0
        assert column(theirs, Status.NEW).window.cards[0].id == maria, "still on top: nobody acted"
        await press(pilot, "escape")
        await wait_until(pilot, lambda: isinstance(mine.screen, BoardScreen))
        assert not name_is_bold(mine, maria)


async def test_reply_refuses_empty_text_then_sends_to_the_outbox_and_leaves_the_top(
    ui_services: Services, maria: int, size: tuple[int, int]
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=size) as pilot:
        await open_lead(pilot, app, maria)
        await press(pilot, "r")
        form = await form_of(pilot, app, TextForm)
        await press(pilot, "space", "ctrl+s")
        assert form.error_text == "A resposta está vazia: escreva algo antes de enviar."
        assert app.screen is form, "the form stays open with what was typed"
        form.query_one(TextArea).insert("Aceitamos sim! Qual é o seu carro?")
        await press(pilot, "ctrl+j")
        await wait_until(pilot, lambda: isinstance(app.screen, LeadScreen))
        await wait_until(pilot, lambda: "Qual é o seu carro?" in text_of(app, "#conversation"))
        assert "→ Ana  na fila de envio" in text_of(app, "#conversation")
        assert lead_notice(app) == "Resposta enviada para a fila de saída"
        outbox = ui_services.leads.outbox()
        assert [(item.lead_id, item.body) for item in outbox] == [
            (maria, " Aceitamos sim! Qual é o seu carro?".strip())
        ]
        assert not ui_services.leads.get(maria).needs_attention
        await press(pilot, "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, BoardScreen))
        assert column(app, Status.NEW).window.cards[0].customer_name == "Alice Prado"
        assert selected_id(app) == maria


async def test_r_on_the_board_opens_the_reply_straight_away(
    ui_services: Services, maria: int
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert selected_id(app) == maria
        await press(pilot, "r")
        form = await form_of(pilot, app, TextForm)
        assert form.query_one(TextArea).has_focus
        await press(pilot, "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, LeadScreen))
        assert ui_services.leads.outbox() == []


async def test_w_copies_a_whatsapp_link_and_says_so(ui_services: Services, maria: int) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_lead(pilot, app, maria)
        await press(pilot, "w")
        assert app.clipboard == "https://wa.me/5511987654321"
        assert lead_notice(app) == "Link copiado: https://wa.me/5511987654321"


async def test_w_without_a_phone_explains(ui_services: Services, clock: FrozenClock) -> None:
    lead = ui_services.leads.add(name="Sem Telefone", email="x@example.com").id
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_lead(pilot, app, lead)
        await press(pilot, "w")
        assert app.clipboard == ""
        await wait_until(
            pilot,
            lambda: any("não tem telefone" in str(n.message) for n in app._notifications),
        )


async def test_n_adds_a_note_and_h_marks_handled(
    ui_services: Services, maria: int, clock: FrozenClock
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_lead(pilot, app, maria)
        await press(pilot, "n")
        form = await form_of(pilot, app, TextForm)
        await press(pilot, "ctrl+s")
        assert form.error_text == "A nota está vazia: escreva algo antes de salvar."
        form.query_one(TextArea).insert("[b]Ligou[/b] e pediu fotos")
        await press(pilot, "ctrl+s")
        await wait_until(
            pilot, lambda: "anotou: [b]Ligou[/b] e pediu fotos" in text_of(app, "#history")
        )
        assert not ui_services.leads.get(maria).needs_attention, "a note logs a contact"

    other = ui_services.leads.add(name="Carlos Lima").id
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_lead(pilot, app, other)
        await press(pilot, "h")
        await wait_until(pilot, lambda: not ui_services.leads.get(other).needs_attention)
        assert lead_notice(app) == "Marcado como atendido: o lead sai do topo da coluna"


async def test_s_schedules_with_date_checks(
    ui_services: Services, maria: int, size: tuple[int, int]
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=size) as pilot:
        await open_lead(pilot, app, maria)
        await press(pilot, "s")
        form = await form_of(pilot, app, ScheduleForm)
        field = form.query_one(Input)
        assert field.value == "28/11/2026 10:00", "tomorrow at 10:00 is offered"
        for typed, error in (
            (
                "amanhã",
                "Data e hora inválidas: use dd/mm/aaaa hh:mm, por exemplo 28/11/2026 14:30.",
            ),
            ("27/11/2026 08:00", "Essa data e hora já passaram: escolha um momento no futuro."),
        ):
            field.value = typed
            await press(pilot, "enter")
            assert form.error_text == error
        field.value = "28/11/2026 14:30"
        await press(pilot, "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, LeadScreen))
        await wait_until(pilot, lambda: "Próximo compromisso" in text_of(app, "#lead-summary"))
        assert "Visita à loja · 28/11/2026 14:30" in text_of(app, "#lead-summary")
        assert "agendou Visita à loja para 28/11/2026 14:30" in text_of(app, "#history")
        card = ui_services.leads.get(maria)
        assert card.next_appointment_at is not None
        assert card.next_appointment_at.astimezone().strftime("%d/%m %H:%M") == "28/11 14:30"


@pytest.mark.parametrize(("plan", "offered"), [(Plan.SMART, False), (Plan.SMART_PLUS, True)])
async def test_video_calls_only_on_crm_plus_smart(
    ui_services: Services, maria: int, plan: Plan, offered: bool
) -> None:
    ui_services.settings.set_plan(plan)
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_lead(pilot, app, maria)
        await press(pilot, "s")
        form = await form_of(pilot, app, ScheduleForm)
        video = list(form.query_one(RadioSet).query(RadioButton))[2]
        label = str(video.label)
        assert video.disabled is not offered
        assert ("indisponível: só no plano CRM +Smart" in label) is not offered
        form.query_one(RadioSet).focus()
        await press(pilot, "down", "down", "enter")  # tries to pick the video call
        assert (form.chosen_kind is not None and form.chosen_kind.value == "video_call") is offered


async def test_a_visit_that_occurred_moves_the_lead_to_visita_realizada(
    ui_services: Services, maria: int, clock: FrozenClock
) -> None:
    ui_services.leads.move(maria, Status.AWAITING_VISIT)
    ui_services.appointments.schedule(
        maria, AppointmentKind.VISIT, clock.now() + timedelta(hours=1), plan=Plan.CRM
    )
    tick(clock, 120)
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_lead(pilot, app, maria)
        assert "atrasado" in text_of(app, "#lead-summary")
        await press(pilot, "o", "enter")  # the only pending appointment: did it happen?
        await form_of(pilot, app, VisitResultForm)
        await press(pilot, "s")
        await wait_until(pilot, lambda: ui_services.leads.get(maria).status is Status.VISITED)
        await wait_until(pilot, lambda: "Visita realizada" in text_of(app, "#lead-title"))
        assert "Próximo compromisso" not in text_of(app, "#lead-summary")
        await press(pilot, "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, BoardScreen))
        assert selected_id(app) == maria
        assert app.screen.active_status is Status.VISITED  # type: ignore[attr-defined]


async def test_sold_offers_the_sale_form_which_checks_the_price(
    ui_services: Services, maria: int, size: tuple[int, int]
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=size) as pilot:
        await open_lead(pilot, app, maria)
        await press(pilot, "m", "5")
        form = await form_of(pilot, app, SaleForm)
        price = form.query_one("#sale-price", Input)
        assert price.value == "139.900,00", "the asking price is offered"
        price.value = "cento e trinta mil"
        await press(pilot, "ctrl+s")
        assert form.error_text == "Valor inválido: use 139.900,00 ou 139900."
        price.value = "135.000"
        form.query_one(RadioSet).focus()
        await press(pilot, "down", "enter")  # Financiamento
        await press(pilot, "ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, LeadScreen))
        await wait_until(
            pilot,
            lambda: "registrou a venda: R$ 135.000,00 · Financiamento" in text_of(app, "#history"),
        )
        outcome = ui_services.leads.detail(maria).history[-1].item
        assert getattr(outcome, "payment_method", None) is PaymentMethod.FINANCING


async def test_lost_asks_for_a_reason(ui_services: Services, maria: int) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await press(pilot, "m", "6")  # from the board
        form = await form_of(pilot, app, LostForm)
        await press(pilot, "ctrl+s")
        assert form.error_text == "Escolha um motivo da lista (↑/↓ e espaço)."
        await press(pilot, "down", "enter")  # Comprou em outra loja
        form.query_one(Input).value = "Fechou na concorrente"
        await press(pilot, "ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, BoardScreen))
        outcome = ui_services.leads.detail(maria).history[-1].item
        assert getattr(outcome, "lost_reason", None) is LostReason.BOUGHT_ELSEWHERE
        assert ui_services.leads.get(maria).status is Status.LOST


async def test_a_new_negotiation_from_a_sold_lead_lands_in_nova_proposta(
    ui_services: Services, maria: int
) -> None:
    ui_services.leads.move(maria, Status.SOLD)
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_lead(pilot, app, maria)
        await press(pilot, "N")
        await wait_until(pilot, lambda: screen.lead_id != maria and screen.detail is not None)
        new_id = screen.lead_id
        assert "Nova proposta" in text_of(app, "#lead-title")
        assert f"#{maria} Vendidos" in text_of(app, "#lead-summary")
        assert f"Nova negociação a partir do lead #{maria}" in text_of(app, "#history")
        await press(pilot, "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, BoardScreen))
        assert selected_id(app) == new_id
        assert column(app, Status.NEW).window.cards[0].id == new_id


async def test_n_on_an_open_negotiation_is_disabled(ui_services: Services, maria: int) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_lead(pilot, app, maria)
        await press(pilot, "N")
        assert screen.lead_id == maria
        assert len(ui_services.board.leads_in_board_order(Status.NEW)) == 2


async def test_capital_a_assigns_to_a_teammate_or_to_nobody(
    ui_services: Services, maria: int
) -> None:
    ui_services.team.add("Bruno Lima")
    ui_services.team.add("Carla Dias")
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_lead(pilot, app, maria)
        await press(pilot, "A")
        await form_of(pilot, app, AssignPicker)
        # The list is the team by name, then "Não atribuído", where the highlight starts.
        await press(pilot, "up", "enter")
        await wait_until(pilot, lambda: ui_services.leads.get(maria).assigned_to == "Carla Dias")
        await wait_until(pilot, lambda: "atribuiu a Carla Dias" in text_of(app, "#history"))
        await press(pilot, "A")
        await form_of(pilot, app, AssignPicker)
        await press(pilot, "down", "enter")  # from Carla (current) to nobody
        await wait_until(pilot, lambda: ui_services.leads.get(maria).assigned_to is None)
        await wait_until(pilot, lambda: "deixou sem vendedor" in text_of(app, "#history"))
        await press(pilot, "a")
        await wait_until(pilot, lambda: ui_services.leads.get(maria).assigned_to == "Ana")


async def test_a_message_arriving_while_the_lead_is_open_shows_up_read(
    ui_services: Services, colleague: Services, maria: int, clock: FrozenClock
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_lead(pilot, app, maria)
        tick(clock)
        colleague.leads.record_inbound(maria, "Posso ir amanhã?")
        await wait_until(pilot, lambda: "Posso ir amanhã?" in text_of(app, "#conversation"))
        await wait_until(pilot, lambda: ui_services.leads.get(maria).unread_count == 0)
        messages = ui_services.leads.conversation(maria)
        assert [m.direction for m in messages].count(Direction.INBOUND) == 3


async def test_hostile_lead_text_is_shown_literally(ui_services: Services) -> None:
    lead = ui_services.leads.add(
        name="[@click=app.quit]Evil[/]", vehicle="[b]x", message="\x1b]52;c;aGk=\x07oi [/]"
    ).id
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_lead(pilot, app, lead)
        assert "[@click=app.quit]Evil[/]" in text_of(app, "#lead-summary")
        assert "oi [/]" in text_of(app, "#conversation")
        assert "\x1b" not in text_of(app, "#conversation")


async def test_help_lists_the_lead_keys(ui_services: Services, maria: int) -> None:
    from cockpit_tui.ui.screens.help import HelpScreen

    app = make_app(ui_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_lead(pilot, app, maria)
        await press(pilot, "question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        rows = [str(s.visual) for s in app.screen.query(".help-row").results(Static)]
        text = "\n".join(rows)
        for expected in (
            "r  Responder",
            "w  WhatsApp",
            "n  Nota",
            "h  Atendido",
            "s  Agendar",
            "N  Nova negociação",
            "A  Atribuir a…",
        ):
            assert expected in text


async def test_moving_to_aguardando_visita_offers_the_visit_form(
    ui_services: Services, maria: int
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await press(pilot, "m", "3")
        form = await form_of(pilot, app, ScheduleForm)
        assert "Agendar a visita de Maria Souza" in str(
            form.query_one("#form-title", Static).visual
        )
        assert form.chosen_kind is AppointmentKind.VISIT
        form.query_one(Input).value = "29/11/2026 09:30"
        await press(pilot, "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, BoardScreen))
        card = ui_services.leads.get(maria)
        assert card.status is Status.AWAITING_VISIT
        assert card.next_appointment_at is not None
        await wait_until(
            pilot,
            lambda: any("29/11 09:30" in line for line in card_lines_of(app, maria)),
        )


def card_lines_of(app: CockpitApp, lead_id: int) -> list[str]:
    screen = app.screen
    assert isinstance(screen, BoardScreen)
    view = screen.column(Status.AWAITING_VISIT)
    cards = view.window.cards
    index = next((i for i, c in enumerate(cards) if c.id == lead_id), None)
    if index is None:
        return []
    top = view.line_of(index + view.window.start)
    if top is None:
        return []
    return [view.render_line(top + y).text for y in range(view.lines_of(index + view.window.start))]


async def test_whoever_opens_the_board_joins_the_team(ui_services: Services) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: ui_services.team.members() == ["Ana"])
