"""Issue 13, urgency at a glance: one colour per meaning, a stripe per card, no stray cursor.

A new lead, an unread reply and an overdue appointment each get their own
stripe colour at the card's (and the list row's) left edge; the selection is a
tint none of them uses and shows only in the column the keys act on; a card
without an appointment is a line shorter than one with it.
"""

from __future__ import annotations

from datetime import timedelta

from rich.style import Style

from cockpit_tui.domain.models import AppointmentKind
from cockpit_tui.domain.plans import Plan
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.ui.card_lines import STRIPE
from cockpit_tui.ui.column_view import ColumnView
from cockpit_tui.ui.urgency import Urgency
from tests.conftest import tick
from tests.ui.conftest import board, column, make_app, press, screen_lines, wait_until


def stripe_of(view: ColumnView, index: int) -> Style | None:
    """The style of the mark at the left edge of a card's first line (None: no mark)."""
    line = view.line_of(index)
    assert line is not None, "the card is on screen"
    edge = next(iter(view.render_line(line)))
    return edge.style if edge.text == STRIPE else None


def background_of(view: ColumnView, index: int) -> object:
    line = view.line_of(index)
    assert line is not None
    return next(iter(view.render_line(line + 1))).style.bgcolor  # type: ignore[union-attr]


async def test_each_reason_has_its_stripe_and_the_selection_looks_like_none_of_them(
    ui_services: Services, clock: FrozenClock
) -> None:
    ui_services.settings.set_plan(Plan.SMART)
    late = ui_services.leads.add(name="Visita Atrasada", vehicle="Fiat Argo 2022").id
    ui_services.appointments.schedule(
        late, AppointmentKind.VISIT, clock.now() + timedelta(minutes=30), plan=Plan.SMART
    )
    calm = ui_services.leads.add(name="Sem Pressa", vehicle="Fiat Mobi 2021").id
    ui_services.leads.mark_handled(calm)
    tick(clock, 60)  # the visit is now 30 minutes late
    reply = ui_services.leads.add(name="Cliente Respondeu", vehicle="Jeep Compass 2021").id
    ui_services.leads.mark_handled(reply)
    tick(clock)
    ui_services.leads.record_inbound(reply, "Aceita troca?")
    tick(clock)
    new = ui_services.leads.add(name="Lead Novo", vehicle="Honda Fit 2020").id
    ui_services.leads.move(calm, Status.NEGOTIATING)

    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        view = column(app, Status.NEW)
        order = [card.id for card in view.window.cards]
        assert set(order) == {new, reply, late}
        styles = board(app).canvas._resolve_styles()
        stripes = {lead: stripe_of(view, order.index(lead)) for lead in (new, reply, late)}
        colours = {lead: style.color for lead, style in stripes.items() if style is not None}
        assert len(set(colours.values())) == 3, "three reasons, three colours"
        assert colours[new] == styles.stripes[Urgency.NEW].color
        assert colours[reply] == styles.stripes[Urgency.REPLY].color
        assert colours[late] == styles.stripes[Urgency.LATE].color

        # The selection is a neutral tint: no stripe or urgency text colour.
        selected = background_of(view, 0)
        urgent = {*colours.values(), styles.new.color, styles.reply.color, styles.overdue.color}
        assert selected not in urgent
        assert selected != background_of(view, 1), "the selected card stands out"

        # Only the column the keys act on shows a selection.
        other = column(app, Status.NEGOTIATING)
        assert stripe_of(other, 0) is None, "a calm lead has no stripe"
        assert background_of(other, 0) == background_of(view, 1)
        await press(pilot, "2")
        assert background_of(other, 0) == selected
        assert background_of(view, 0) == background_of(view, 1)

        # Cards as tall as their content: the one with the appointment has one more line,
        # and so has the one marked "▶ próximo" (the mark's own last line).
        heights = {lead: view.lines_of(order.index(lead)) for lead in (new, reply, late)}
        marked = view.next_lead_id
        for lead in (new, reply):
            assert heights[lead] == heights[late] - (0 if lead == marked else 1)

        # The list marks the row with the same colour.
        await press(pilot, "v")
        await wait_until(pilot, lambda: board(app).view == "list")
        table = board(app).table
        rows = [card.id for card in table.rows.window.cards]
        row = table.render_line(1 + rows.index(reply))
        edge = next(iter(row))
        assert edge.text == STRIPE
        assert edge.style is not None
        assert edge.style.color == colours[reply]


async def test_a_lost_lead_s_past_visit_is_not_shown_late(
    ui_services: Services, clock: FrozenClock
) -> None:
    ui_services.settings.set_plan(Plan.SMART)
    lost = ui_services.leads.add(name="Lucas Perdido", vehicle="Fiat Argo 2022").id
    kept = ui_services.leads.add(name="Olga Aberta", vehicle="Fiat Mobi 2021").id
    for lead in (lost, kept):
        ui_services.appointments.schedule(
            lead, AppointmentKind.VISIT, clock.now() + timedelta(minutes=30), plan=Plan.SMART
        )
    tick(clock, 60)
    ui_services.leads.move(lost, Status.LOST)
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        lost_view, open_view = column(app, Status.LOST), column(app, Status.NEW)
        assert any("Lucas Perdido" in line for line in screen_lines(lost_view))
        assert not any("atrasado" in line for line in screen_lines(lost_view))
        assert stripe_of(lost_view, 0) is None
        assert any("atrasado" in line for line in screen_lines(open_view))
