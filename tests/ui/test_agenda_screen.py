"""``t`` on the board: the day's agenda, and back to the board on a lead."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import OptionList

from cockpit_tui.domain.models import AppointmentKind
from cockpit_tui.domain.plans import Plan
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.ui.board.screen import BoardScreen
from cockpit_tui.ui.screens.agenda import AgendaScreen
from cockpit_tui.ui.screens.lead import LeadScreen
from cockpit_tui.ui.widgets.text_line import TextLine
from tests.conftest import tick
from tests.ui.conftest import make_app, press, selected_id, wait_until


def agenda_of(app: object) -> AgendaScreen:
    screen = getattr(app, "screen", None)
    assert isinstance(screen, AgendaScreen), f"expected the agenda, got {type(screen).__name__}"
    return screen


def shown_lines(screen: AgendaScreen) -> list[str]:
    items = screen.query_one(OptionList)
    return [str(items.get_option_at_index(i).prompt) for i in range(items.option_count)]


def day_of(ui_services: Services, clock: FrozenClock) -> dict[str, int]:
    """Ana: a visit that is already late and a call back later today; Bruno: a visit."""
    ids: dict[str, int] = {}
    for name, owner in (("Rita Late", "Ana"), ("Caio Later", "Ana"), ("Bia Bruno", "Bruno")):
        card = ui_services.leads.add(name=name, phone=None, vehicle="Onix")
        ui_services.leads.assign(card.id, owner)
        ids[name] = card.id
    now = clock.now()
    schedule = ui_services.appointments.schedule
    schedule(ids["Rita Late"], AppointmentKind.VISIT, now + timedelta(minutes=30), plan=Plan.SMART)
    schedule(
        ids["Caio Later"], AppointmentKind.CALL_BACK, now + timedelta(hours=3), plan=Plan.SMART
    )
    schedule(ids["Bia Bruno"], AppointmentKind.VISIT, now + timedelta(hours=2), plan=Plan.SMART)
    tick(clock, 60)  # Rita's visit is now overdue
    return ids


async def test_t_shows_my_day_overdue_in_the_late_colour_then_the_whole_store_and_other_days(
    ui_services: Services, clock: FrozenClock
) -> None:
    day_of(ui_services, clock)
    app = make_app(ui_services, poll_interval=0.5)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "t")
        screen = agenda_of(app)
        await wait_until(pilot, lambda: screen.agenda is not None)
        lines = shown_lines(screen)
        assert len(lines) == 2
        assert "Rita Late" in lines[0]
        assert "atrasado" in lines[0]
        assert "Visita à loja" in lines[0]
        assert "Caio Later" in lines[1]
        assert "Retorno de ligação" in lines[1]
        assert "Nova proposta" in lines[1]
        overdue = screen.query_one(OptionList).get_option_at_index(0).prompt
        assert any("text-error" in str(span.style) for span in overdue.spans)  # type: ignore[union-attr]
        assert "só meus" in screen.query_one("#agenda-title", TextLine).text
        await press(pilot, "l")
        await wait_until(pilot, lambda: screen.agenda is not None and screen.agenda.everyone)
        lines = shown_lines(screen)
        assert len(lines) == 3
        bruno = next(line for line in lines if "Bia Bruno" in line)
        assert "· Bruno" in bruno
        assert "loja toda" in screen.query_one("#agenda-title", TextLine).text
        first_day = screen.agenda.day if screen.agenda else None
        await press(pilot, "right_square_bracket")
        await wait_until(
            pilot, lambda: screen.agenda is not None and screen.agenda.day != first_day
        )
        assert shown_lines(screen) == []
        assert "Nenhum compromisso" in screen.query_one("#agenda-empty", TextLine).text
        await press(pilot, "left_square_bracket")
        await wait_until(
            pilot, lambda: screen.agenda is not None and screen.agenda.day == first_day
        )
        assert len(shown_lines(screen)) == 3


async def test_enter_opens_the_lead_and_esc_returns_to_the_board_on_it(
    ui_services: Services, clock: FrozenClock
) -> None:
    ids = day_of(ui_services, clock)
    app = make_app(ui_services, poll_interval=0.5)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "t")
        screen = agenda_of(app)
        await wait_until(pilot, lambda: screen.agenda is not None)
        await press(pilot, "down", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, LeadScreen))
        lead = app.screen
        assert isinstance(lead, LeadScreen)
        assert lead.lead_id == ids["Caio Later"]
        await press(pilot, "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        await press(pilot, "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await wait_until(pilot, lambda: selected_id(app) == ids["Caio Later"])


async def test_the_agenda_speaks_english(ui_services: Services, clock: FrozenClock) -> None:
    day_of(ui_services, clock)
    app = make_app(ui_services, lang="en", poll_interval=0.5)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "t")
        screen = agenda_of(app)
        await wait_until(pilot, lambda: screen.agenda is not None)
        assert "only mine" in screen.query_one("#agenda-title", TextLine).text
        assert "overdue" in shown_lines(screen)[0]
