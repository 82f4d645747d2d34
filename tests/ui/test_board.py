"""The Kanban board, driven by keys as a salesperson does, at both terminal sizes."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from textual.widgets import Static

from cockpit_tui.domain.statuses import STATUS_ORDER, Status
from cockpit_tui.services import Services, open_services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.ui.board.screen import BoardScreen
from cockpit_tui.ui.screens.forms import SaleForm, ScheduleForm
from cockpit_tui.ui.screens.help import HelpScreen
from cockpit_tui.ui.screens.move_picker import MovePicker
from cockpit_tui.ui.widgets.board_canvas import BoardCanvas
from cockpit_tui.ui.widgets.text_line import TextLine
from tests.conftest import tick
from tests.ui.conftest import (
    blocks,
    board,
    column,
    first_line_of_card,
    header_of,
    make_app,
    notices,
    press,
    screen_lines,
    selected_id,
    shown_counts,
    wait_until,
)

SIZES = [pytest.param((160, 45), id="160x45"), pytest.param((100, 30), id="100x30")]


@pytest.fixture(params=SIZES)
def size(request: pytest.FixtureRequest) -> tuple[int, int]:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def three_leads(ui_services: Services, clock: FrozenClock) -> list[int]:
    """Three new leads, the newest (Carla) on top of Nova proposta."""
    ids = []
    for name in ("Alice Prado", "Bruno Reis", "Carla Dias"):
        tick(clock)
        ids.append(ui_services.leads.add(name=name, vehicle="Fiat Argo 2022").id)
    return ids


@pytest.fixture
def colleague(ui_url: str, clock: FrozenClock) -> Iterator[Services]:
    """Another salesperson's process on the same store."""
    services = open_services(ui_url, actor="Bruno", clock=clock)
    yield services
    services.close()


def top_names(app: object, status: Status, count: int = 3) -> list[str]:
    window = column(app, status).window  # type: ignore[arg-type]
    return [card.customer_name for card in window.cards[:count]]


async def test_six_columns_in_order_with_labels_counts_and_header(
    demo_services: Services, size: tuple[int, int]
) -> None:
    app = make_app(demo_services)
    async with app.run_test(size=size) as pilot:
        expected = demo_services.board.counts()
        await wait_until(pilot, lambda: shown_counts(app) == expected)
        headers = [header_of(app, s) for s in STATUS_ORDER]
        # The digit (the column's key) always shows; a narrow column shortens its label.
        assert [h.split()[0] for h in headers] == ["1", "2", "3", "4", "5", "6"]
        labels = [re.sub(r"^\d ", "", h).rsplit(" ", 1)[0].rstrip(" ·") for h in headers]
        full = [
            "Nova proposta",
            "Em negociação",
            "Aguardando visita",
            "Visita realizada",
            "Vendidos",
            "Não vendidos",
        ]
        for label, whole in zip(labels, full, strict=True):
            assert label == whole or (label.endswith("…") and whole.startswith(label[:-1]))
        if size[0] == 160:
            assert labels == full
        attention = demo_services.board.attention_count()
        breached = demo_services.board.breached_count(demo_services.clock.now())
        assert breached > 0, "the demo has leads past their deadline"
        header = app.screen.query_one("#board-header", TextLine).text
        assert header == (
            f"CRM +Smart · Ana · {breached} fora do prazo · {attention} precisam de atenção"
        )
        # Each column shows its cards in board order, read from the store.
        for status in STATUS_ORDER:
            stored = demo_services.board.column_page(status, limit=3).cards
            assert top_names(app, status) == [c.customer_name for c in stored]


async def test_all_columns_fit_at_160_and_hidden_ones_are_named_at_100(
    demo_services: Services,
) -> None:
    app = make_app(demo_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        assert len(board(app).canvas.shown_columns) == 6
        assert not app.screen.query_one("#offscreen").display
    app = make_app(demo_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shown = [c.status for c in board(app).canvas.shown_columns]
        assert shown == [Status.NEW, Status.NEGOTIATING, Status.AWAITING_VISIT, Status.VISITED]
        right = app.screen.query_one("#offscreen-right", TextLine).text
        assert "5 Vendidos" in right
        assert "6 Não vendidos" in right
        assert right.endswith("▶")
        await press(pilot, "6")
        await wait_until(pilot, lambda: Status.LOST in blocks(app, 0))
        left = app.screen.query_one("#offscreen-left", TextLine).text
        assert left.startswith("◀ 1 Nova proposta")
        assert board(app).active_column.status is Status.LOST


async def test_cards_show_what_a_salesperson_needs(
    ui_services: Services, clock: FrozenClock
) -> None:
    from decimal import Decimal

    lead = ui_services.leads.add(
        name="Maria Souza",
        vehicle="Jeep Compass Longitude 2.0 2021",
        price=Decimal("139900"),
        source="Webmotors",
    )
    tick(clock, 5)
    ui_services.board.load_calendar(clock.now())  # the waits in business time at once
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        lines = screen_lines(column(app, Status.NEW))[:5]
        # A new lead: the stripe at the card's left edge, the badge at the right.
        assert lines[0].split() == ["▌", "Maria", "Souza", "NOVO"]
        assert lines[1].strip("▌ ").startswith("Jeep Compass Longitu")
        assert lines[1].strip().endswith("…"), "cut text ends with an ellipsis"
        assert lines[2].strip("▌ ") == "R$ 139.900 · Webmotors"
        # Waiting 5 business minutes: past the 5-minute target, in the error colour;
        # the short forms leave neither the wait nor "Não atribuído" cut.
        assert lines[3].split()[-3:] == ["espera", "5", "min"]
        assert lines[3].startswith("▌ Sem dono ")
        # The only lead waiting: space's next, marked on a last line of its own (no
        # appointment to share it with).
        assert lines[4].strip("▌ ") == "▶ próximo"
        view = column(app, Status.NEW)
        first_line_of_card(view, 0)
        wait = next(s for s in view.render_line(3) if "espera" in s.text)
        late = board(app).canvas.get_component_rich_style("board--wait-late", partial=True)
        assert wait.style is not None
        assert wait.style.color == late.color
        assert "· 1 fora do prazo ·" in app.screen.query_one("#board-header", TextLine).text
        ui_services.leads.record_inbound(lead.id, "Aceita troca?")
        await wait_until(pilot, lambda: "✉ 1" in screen_lines(column(app, Status.NEW))[0])
        strip = first_line_of_card(column(app, Status.NEW), 0)
        name_segment = next(s for s in strip if "Maria" in s.text)
        assert name_segment.style is not None
        assert name_segment.style.bold


async def test_arrows_and_vim_keys_move_the_selection(
    ui_services: Services, three_leads: list[int], size: tuple[int, int]
) -> None:
    carla, bruno, alice = three_leads[2], three_leads[1], three_leads[0]
    app = make_app(ui_services)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert selected_id(app) == carla
        await press(pilot, "down")
        assert selected_id(app) == bruno
        await press(pilot, "j")
        assert selected_id(app) == alice
        await press(pilot, "j")  # past the last card: stays
        assert selected_id(app) == alice
        await press(pilot, "k")
        assert selected_id(app) == bruno
        await press(pilot, "up")
        assert selected_id(app) == carla
        await press(pilot, "G")
        assert selected_id(app) == alice
        await press(pilot, "g")
        assert selected_id(app) == carla
        await press(pilot, "end")
        assert selected_id(app) == alice
        await press(pilot, "home")
        assert selected_id(app) == carla
        await press(pilot, "l")
        assert board(app).active_column.status is Status.NEGOTIATING
        assert selected_id(app) is None  # an empty column
        await press(pilot, "right", "right")
        assert board(app).active_column.status is Status.VISITED
        await press(pilot, "h", "left")
        assert board(app).active_column.status is Status.NEGOTIATING
        await press(pilot, "left", "left")  # stops at the first column
        assert board(app).active_column.status is Status.NEW
        for number, status in enumerate(STATUS_ORDER, start=1):
            await press(pilot, str(number))
            assert board(app).active_column.status is status


async def test_page_keys_scroll_a_long_column_by_screenfuls(
    ui_services: Services, clock: FrozenClock, size: tuple[int, int]
) -> None:
    from cockpit_tui.domain.models import LeadCreate
    from cockpit_tui.store.bulk import insert_leads

    insert_leads(
        ui_services.store.engine,
        [LeadCreate(name=f"Lead {n:04}", created_at=clock.now()) for n in range(1500)],
        actor="Ana",
        now=clock.now(),
    )
    app = make_app(ui_services)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        new = column(app, Status.NEW)
        per_page = new.cards_per_page
        await press(pilot, "pagedown")
        assert new.cursor == per_page
        await press(pilot, "pagedown", "pagedown")
        assert new.cursor == 3 * per_page
        assert new.top_card == 3 * per_page - per_page + 1, "the selected card is the last shown"
        await press(pilot, "pageup")
        assert new.cursor == 2 * per_page
        await press(pilot, "G")
        assert new.cursor == 1499
        stored_last = ui_services.board.last_cards(Status.NEW, limit=1)[0]
        assert selected_id(app) == stored_last.id
        bottom = blocks(app, new.height + 1)[Status.NEW]
        # Cards differ in height (the top one carries "▶ próximo"): count what fits here.
        assert bottom.split() == ["▲", str(1500 - new.cards_per_page)]
        assert len(new.window.cards) <= 700, "a column holds a window, never all its cards"


async def test_shift_right_moves_the_lead_and_the_selection_follows(
    ui_services: Services, three_leads: list[int], size: tuple[int, int]
) -> None:
    carla = three_leads[2]
    app = make_app(ui_services)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await press(pilot, "shift+right")
        assert ui_services.leads.get(carla).status is Status.NEGOTIATING
        assert shown_counts(app)[Status.NEW] == 2
        assert shown_counts(app)[Status.NEGOTIATING] == 1
        assert board(app).active_column.status is Status.NEGOTIATING
        assert selected_id(app) == carla
        assert "Movido para Em negociação — u desfaz" in notices(app)
        await press(pilot, "L")
        assert ui_services.leads.get(carla).status is Status.AWAITING_VISIT
        # Aguardando visita offers the visit form; esc skips it and the move stays.
        await wait_until(pilot, lambda: isinstance(app.screen, ScheduleForm))
        await press(pilot, "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, BoardScreen))
        assert ui_services.leads.get(carla).status is Status.AWAITING_VISIT
        await press(pilot, "H", "shift+left")
        assert ui_services.leads.get(carla).status is Status.NEW
        assert selected_id(app) == carla
        assert shown_counts(app)[Status.NEW] == 3


async def test_moving_past_the_last_column_says_so(
    ui_services: Services, three_leads: list[int]
) -> None:
    ui_services.leads.move(three_leads[0], Status.LOST)
    app = make_app(ui_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "6", "shift+right")
        assert ui_services.leads.get(three_leads[0]).status is Status.LOST
        assert "Este lead já está na última coluna." in notices(app)


async def test_m_opens_the_picker_digits_choose_and_esc_cancels(
    ui_services: Services, three_leads: list[int], size: tuple[int, int]
) -> None:
    carla = three_leads[2]
    app = make_app(ui_services)
    async with app.run_test(size=size) as pilot:
        await press(pilot, "m")
        await wait_until(pilot, lambda: isinstance(app.screen, MovePicker))
        await press(pilot, "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, BoardScreen))
        assert ui_services.leads.get(carla).status is Status.NEW
        await press(pilot, "m")
        await wait_until(pilot, lambda: isinstance(app.screen, MovePicker))
        await press(pilot, "1")  # the current status: nothing happens
        assert isinstance(app.screen, MovePicker)
        await press(pilot, "5")
        await wait_until(pilot, lambda: isinstance(app.screen, SaleForm))
        await press(pilot, "escape")  # the sale form is optional; the move stays
        await wait_until(pilot, lambda: isinstance(app.screen, BoardScreen))
        assert ui_services.leads.get(carla).status is Status.SOLD
        assert board(app).active_column.status is Status.SOLD
        assert shown_counts(app)[Status.SOLD] == 1


async def test_a_key_that_is_no_option_closes_the_picker_without_moving(
    ui_services: Services, three_leads: list[int]
) -> None:
    carla = three_leads[2]
    app = make_app(ui_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "m", "x", "5")
        assert ui_services.leads.get(carla).status is Status.NEW
        assert isinstance(app.screen, BoardScreen)
        assert any("Nada movido: x" in text for text in notices(app))
        assert board(app).active_column.status is Status.SOLD, "5 went on to the board"
        await press(pilot, "1", "m", "m")  # m again: closed, as a toggle
        assert isinstance(app.screen, BoardScreen)
        assert ui_services.leads.get(carla).status is Status.NEW
        await press(pilot, "m", "9")  # a digit naming no status is refused out loud
        picker = app.screen
        assert isinstance(picker, MovePicker)
        assert "9 não é um status" in str(picker.query_one("#picker-hint", Static).content)


async def test_u_and_ctrl_z_undo_several_moves(
    ui_services: Services, three_leads: list[int], size: tuple[int, int]
) -> None:
    carla, bruno = three_leads[2], three_leads[1]
    app = make_app(ui_services)
    async with app.run_test(size=size) as pilot:
        await press(pilot, "shift+right")  # Carla → Em negociação
        await press(pilot, "1", "shift+right")  # Bruno → Em negociação
        assert ui_services.leads.get(bruno).status is Status.NEGOTIATING
        await press(pilot, "u")
        assert ui_services.leads.get(bruno).status is Status.NEW
        assert selected_id(app) == bruno
        await press(pilot, "ctrl+z")
        assert ui_services.leads.get(carla).status is Status.NEW
        assert shown_counts(app)[Status.NEW] == 3
        assert shown_counts(app)[Status.NEGOTIATING] == 0
        await press(pilot, "u")
        assert "Nada seu para desfazer (movimentação, atribuição ou atendido)." in notices(app)


async def test_a_colleague_moved_it_first_refuses_and_says_who(
    ui_services: Services, three_leads: list[int], colleague: Services, size: tuple[int, int]
) -> None:
    carla = three_leads[2]
    app = make_app(ui_services)
    app.poll_interval = 3600  # the board has not seen the colleague's move yet
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        colleague.leads.move(carla, Status.SOLD)
        await press(pilot, "shift+right")
        assert ui_services.leads.get(carla).status is Status.SOLD, "nothing overwritten"
        assert any("Bruno o moveu" in n and "Vendidos" in n for n in notices(app))
        assert shown_counts(app)[Status.SOLD] == 1
        assert shown_counts(app)[Status.NEW] == 2
        assert selected_id(app) == carla
        assert board(app).active_column.status is Status.SOLD


async def test_a_assigns_the_selected_lead_to_me(
    ui_services: Services, three_leads: list[int], size: tuple[int, int]
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=size) as pilot:
        await press(pilot, "a")
        assert ui_services.leads.get(three_leads[2]).assigned_to == "Ana"
        assert screen_lines(column(app, Status.NEW))[3].strip("▌ ").split()[0] == "Ana"
        assert "Lead atribuído a você" in notices(app)


async def test_space_selects_the_most_urgent_lead(
    ui_services: Services, three_leads: list[int], clock: FrozenClock, size: tuple[int, int]
) -> None:
    alice, bruno, carla = three_leads
    ui_services.leads.move(bruno, Status.VISITED)
    tick(clock, 10)  # every lead is past its 5 minutes now
    ui_services.leads.reply(bruno, "Olá Bruno")
    tick(clock)
    ui_services.leads.record_inbound(bruno, "Posso ir amanhã?")
    app = make_app(ui_services)
    async with app.run_test(size=size) as pilot:
        await press(pilot, "space")
        assert selected_id(app) == bruno, "a reply still inside its time comes first"
        assert board(app).active_column.status is Status.VISITED
        assert "Bruno Reis: vence em 5 min" in notices(app)
        await press(pilot, "space")
        assert selected_id(app) == carla, "then the most recently breached"
        assert "Carla Dias: fora do prazo há 6 min" in notices(app)
        await press(pilot, "space")
        assert selected_id(app) == alice


async def test_keys_with_nothing_selected_do_nothing_and_say_nothing_alarming(
    ui_services: Services, size: tuple[int, int]
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=size) as pilot:
        hint = app.screen.query_one("#empty-hint", Static)
        await wait_until(pilot, lambda: hint.display)
        assert not board(app).canvas.display, "the hint replaces the empty columns"
        assert not app.screen.query_one("#offscreen").display
        assert "cockpit import" in str(hint.content)
        assert "cockpit --demo" in str(hint.content)
        for key in ("j", "k", "G", "pagedown", "shift+right", "L", "H", "m", "a", "enter", "l"):
            await press(pilot, key)
        assert isinstance(app.screen, BoardScreen)
        assert all(n.severity != "error" for n in app._notifications)
        assert ui_services.board.counts()[Status.NEW] == 0


async def test_an_empty_column_ignores_lead_keys(
    ui_services: Services, three_leads: list[int]
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await press(pilot, "3", "shift+right", "m", "a", "j")
        assert not isinstance(app.screen, MovePicker)
        assert ui_services.board.counts()[Status.NEW] == 3
        assert "Nenhum lead aqui" in "".join(screen_lines(column(app, Status.AWAITING_VISIT)))
        assert not [n for n in app._notifications if n.severity == "error"]


async def test_another_process_adds_a_lead_and_a_message_live(
    ui_services: Services, three_leads: list[int], colleague: Services, clock: FrozenClock
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await press(pilot, "j")  # the user is looking at Bruno
        bruno = three_leads[1]
        tick(clock)
        newcomer = colleague.leads.add(name="Diego Lima", vehicle="Jeep Renegade")
        await wait_until(pilot, lambda: top_names(app, Status.NEW, 1) == ["Diego Lima"])
        assert shown_counts(app)[Status.NEW] == 4
        assert selected_id(app) == bruno, "the selection stays on the same lead"
        tick(clock)
        colleague.leads.record_inbound(three_leads[0], "Ainda tem o Argo?")
        await wait_until(pilot, lambda: top_names(app, Status.NEW, 1) == ["Alice Prado"])
        name = next(s for s in first_line_of_card(column(app, Status.NEW), 0) if "Alice" in s.text)
        assert name.style is not None
        assert name.style.bold
        assert top_names(app, Status.NEW, 4)[1] == newcomer.customer_name
        colleague.leads.move(newcomer.id, Status.LOST)
        await wait_until(pilot, lambda: shown_counts(app)[Status.LOST] == 1)
        assert selected_id(app) == bruno


@pytest.mark.parametrize(
    "hostile", ["[@click=app.quit]x[/]", "[/]", "Evil\x1b]52;c;aGk=\x07Name", "[b]bold?[/b]"]
)
async def test_hostile_names_render_literally_and_do_nothing(
    ui_services: Services, hostile: str
) -> None:
    lead = ui_services.leads.add(name=hostile, vehicle="[link=x]v[/link]", source="[red]s")
    ui_services.leads.mark_handled(lead.id)  # no badge, so the whole name fits
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        lines = screen_lines(column(app, Status.NEW))
        expected = hostile.replace("\x1b]52;c;aGk=\x07", "")
        assert expected in lines[0]
        assert "\x1b" not in "".join(lines)
        assert "[link=x]v[/link]" in lines[1]
        await pilot.click(BoardCanvas, offset=(4, 1))
        await pilot.pause()
        assert app.is_running, "clicking a name must not run an action"


async def test_help_lists_every_board_key(demo_services: Services) -> None:
    app = make_app(demo_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        rows = [
            " ".join(str(row.content).split())
            for row in app.screen.query(".help-row").results(Static)
        ]
        for expected in (
            "←/h Coluna anterior",
            "→/l Próxima coluna",
            "⇧→/L Avançar",
            "⇧←/H Voltar",
            "m Mover",
            "u/^z Desfazer",
            "a Para mim",
            "space Urgente",
            "v Cartões/lista",
            "1 Ir para Nova proposta",
            "6 Ir para Não vendidos",
            "↑/k Card acima",
            "↓/j Card abaixo",
            "pgup Página acima",
            "pgdn Página abaixo",
            "home/g Primeiro card",
            "end/G Último card",
            "? Ajuda",
            "q Sair",
            "^p Comandos",
        ):
            assert expected in rows, expected
        await press(pilot, "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, BoardScreen))


async def test_command_palette_moves_and_assigns(
    ui_services: Services, three_leads: list[int]
) -> None:
    from textual.command import CommandList, CommandPalette
    from textual.widgets import Input

    carla = three_leads[2]
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await press(pilot, "ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
        app.screen.query_one(Input).value = "Para mim  (a)"  # typing waits on the spinner
        await wait_until(pilot, lambda: app.screen.query_one(CommandList).option_count > 0)
        await press(pilot, "enter")
        await wait_until(pilot, lambda: ui_services.leads.get(carla).assigned_to == "Ana")
        await press(pilot, "ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
        app.screen.query_one(Input).value = "Mover para Vendidos"
        await wait_until(pilot, lambda: app.screen.query_one(CommandList).option_count > 0)
        await press(pilot, "enter")
        await wait_until(pilot, lambda: ui_services.leads.get(carla).status is Status.SOLD)


async def test_switch_view_on_the_base_plan_names_the_plans_with_a_list(
    ui_services: Services, three_leads: list[int]
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "v")
        assert any("CRM Smart e CRM +Smart" in n for n in notices(app))


async def test_q_quits(demo_services: Services) -> None:
    app = make_app(demo_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "q")
        await wait_until(pilot, lambda: not app.is_running)


async def test_a_change_in_another_column_does_not_steal_the_selection(
    ui_services: Services, three_leads: list[int], colleague: Services
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await press(pilot, "j")
        colleague.leads.move(three_leads[2], Status.SOLD)
        await wait_until(pilot, lambda: shown_counts(app)[Status.SOLD] == 1)
        assert board(app).active_column.status is Status.NEW
        assert selected_id(app) == three_leads[1], "Bruno stays selected"


async def test_clicking_a_card_selects_it_and_its_column(
    ui_services: Services, three_leads: list[int]
) -> None:
    ui_services.leads.move(three_leads[0], Status.VISITED)
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.click(BoardCanvas, offset=(3 * 26 + 5, 2))
        await wait_until(pilot, lambda: board(app).active_column.status is Status.VISITED)
        assert selected_id(app) == three_leads[0]


async def test_an_unreadable_store_gives_a_notice_not_a_traceback(
    ui_services: Services, three_leads: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from cockpit_tui.domain.errors import StoreUnavailableError

    def broken(*args: object, **kwargs: object) -> list[object]:
        raise StoreUnavailableError(reason="DatabaseError")

    monkeypatch.setattr(ui_services.store.reader, "column_rows", broken)
    monkeypatch.setattr(ui_services.store.reader, "column_tail", broken)
    app = make_app(ui_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: any("Não foi possível" in n for n in notices(app)))
        await press(pilot, "j", "shift+right", "l", "G")
        assert app.is_running
        assert shown_counts(app)[Status.NEW] == 3, "the counts still show"


async def test_events_piped_into_cockpit_ingest_show_live_on_the_board(
    ui_services: Services, ui_url: str
) -> None:
    import subprocess
    import sys

    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        feed = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "from cockpit_tui.cli import main; raise SystemExit(main())",
                "--db",
                ui_url,
                "--user",
                "portal",
                "ingest",
                "-",
            ],
            stdin=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert feed.stdin is not None
        try:
            feed.stdin.write(
                '{"event": "lead.created", "id": "e1", "lead": {"external_id": "wm-1", '
                '"name": "Lead do Portal", "phone": "(11) 98123-4567", "message": "Oi"}}\n'
            )
            feed.stdin.flush()
            # A fresh interpreter starts the feed: seconds on a loaded machine.
            await wait_until(pilot, lambda: top_names(app, Status.NEW, 1) == ["Lead do Portal"], 60)

            def drawn() -> list[object]:
                line = first_line_of_card(column(app, Status.NEW), 0)
                return [s for s in line if "Lead" in s.text]

            # The board was empty: it shows its columns again, then draws them at full width.
            await wait_until(pilot, lambda: bool(drawn()), 10)
            name = drawn()[0]
            assert not (name.style and name.style.bold), "a new lead is on top, not bold"  # type: ignore[attr-defined]
            feed.stdin.write(
                '{"event": "message.received", "id": "e2", "lead_external_id": "wm-1", '
                '"text": "Aceita troca?"}\n'
            )
            feed.stdin.flush()

            def bold() -> bool:
                line = first_line_of_card(column(app, Status.NEW), 0)
                return any(s.style is not None and s.style.bold and "Lead" in s.text for s in line)

            await wait_until(pilot, bold, 10)
        finally:
            feed.stdin.close()
            assert feed.stderr is not None
            errors = feed.stderr.read()
            feed.wait(timeout=30)
        assert feed.returncode == 0, errors


async def test_the_wait_on_a_card_moves_on_with_the_clock_and_changes_colour(
    ui_services: Services, clock: FrozenClock
) -> None:
    ui_services.leads.add(name="Maria Souza", vehicle="Fiat Argo 2022")
    tick(clock, 1)
    ui_services.board.load_calendar(clock.now())  # the waits in business time at once
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        view = column(app, Status.NEW)
        canvas = board(app).canvas

        def wait_segment() -> tuple[str, object]:
            first_line_of_card(view, 0)
            found = next(s for s in view.render_line(3) if "espera" in s.text)
            # A run of one style is one segment ("Sem dono" and a calm wait share theirs).
            wait = "espera" + found.text.split("espera", 1)[1]
            return wait.strip(), found.style.color if found.style else None

        def colour(name: str) -> object:
            return canvas.get_component_rich_style(name).color  # blended as drawn

        assert wait_segment() == ("espera 1 min", colour("board--wait-ok"))
        header = app.screen.query_one("#board-header", TextLine)
        assert "fora do prazo" not in header.text
        tick(clock, 2)  # 3 of 5 minutes: the last 40 %
        app.screen.tick_clock()  # type: ignore[attr-defined]
        assert wait_segment() == ("espera 3 min", colour("board--wait-soon"))
        tick(clock, 2)
        app.screen.tick_clock()  # type: ignore[attr-defined]
        assert wait_segment() == ("espera 5 min", colour("board--wait-late"))
        await wait_until(pilot, lambda: "· 1 fora do prazo ·" in header.text)
