"""Issue 13 (defect 1): ``u`` undoes assignments and "atendido" too, one stack across kinds."""

from __future__ import annotations

import pytest

from cockpit_tui.domain.errors import InvalidInputError, NothingToUndoError
from cockpit_tui.domain.models import Assignment, Handled, HistoryKind
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from tests.conftest import services_for, tick


def history_kinds(services: Services, lead_id: int) -> list[tuple[HistoryKind, bool]]:
    """Each history line's kind and whether it says "desfeito"."""
    return [
        (entry.kind, bool(getattr(entry.item, "undone", False)))
        for entry in services.leads.detail(lead_id).history
    ]


def test_undo_gives_the_lead_back_to_its_previous_salesperson(
    services: Services, clock: FrozenClock
) -> None:
    lead = services.leads.add(name="Renata Nunes").id
    tick(clock)
    services.leads.assign(lead, "Bianca Lima")
    tick(clock)
    services.leads.assign_to_me(lead)
    tick(clock)
    undone = services.leads.undo_last()
    assert (undone.kind, undone.owner) == ("assign", "Bianca Lima")
    assert services.leads.get(lead).assigned_to == "Bianca Lima"
    assignments = [e.item for e in services.leads.detail(lead).history if e.item is not None]
    assert [(a.assigned_to, a.undone) for a in assignments if isinstance(a, Assignment)] == [
        ("Bianca Lima", False),
        ("Ana", True),
    ], "one line says desfeito; the way back is no line of its own"
    tick(clock)
    services.leads.undo_last()
    assert services.leads.get(lead).assigned_to is None


def test_undo_of_atendido_puts_attention_and_the_response_clock_back(
    services: Services, clock: FrozenClock
) -> None:
    others = [services.leads.add(name=name).id for name in ("Ana Lima", "Bia Costa")]
    tick(clock)
    lead = services.leads.add(name="Caio Reis").id
    before = services.leads.get(lead)
    order = [card.id for card in services.board.column_page(Status.NEW, limit=10).cards]
    attention = services.board.attention_count()
    assert before.needs_attention
    assert before.waiting_since is not None
    tick(clock, 3)
    services.leads.mark_handled(lead)
    handled = services.leads.get(lead)
    assert not handled.needs_attention
    assert handled.first_response_at is not None
    tick(clock)
    assert services.leads.undo_last().kind == "handled"
    after = services.leads.get(lead)
    assert after.needs_attention, "NOVO again"
    assert (after.waiting_since, after.response_due_at) == (
        before.waiting_since,
        before.response_due_at,
    ), "the clock runs from the arrival again"
    assert after.first_response_at is None
    assert [card.id for card in services.board.column_page(Status.NEW, limit=10).cards] == order
    assert services.board.attention_count() == attention
    assert others[0] in order
    lines = [e.item for e in services.leads.detail(lead).history if isinstance(e.item, Handled)]
    assert [line.undone for line in lines] == [True]


def test_one_stack_across_kinds_last_action_first(services: Services, clock: FrozenClock) -> None:
    first = services.leads.add(name="Davi Melo").id
    second = services.leads.add(name="Eva Rocha").id
    tick(clock)
    services.leads.move(first, Status.NEGOTIATING)
    tick(clock)
    services.leads.assign_to_me(second)
    tick(clock)
    services.leads.mark_handled(second)
    kinds = [services.leads.undo_last().kind for _ in range(3)]
    assert kinds == ["handled", "assign", "move"]
    assert services.leads.get(first).status is Status.NEW
    with pytest.raises(NothingToUndoError):
        services.leads.undo_last()
    assert (HistoryKind.MOVED, True) in history_kinds(services, first)


def test_a_colleagues_reassignment_refuses_the_undo_and_the_next_u_goes_further_back(
    services: Services, clock: FrozenClock, store_url: str
) -> None:
    lead = services.leads.add(name="Fábio Dias").id
    other = services.leads.add(name="Gil Nery").id
    tick(clock)
    services.leads.move(other, Status.NEGOTIATING)
    tick(clock)
    services.leads.assign_to_me(lead)
    bianca = services_for(store_url, "Bianca Lima", clock)
    try:
        tick(clock)
        bianca.leads.assign_to_me(lead)
    finally:
        bianca.close()
    with pytest.raises(InvalidInputError) as refused:
        services.leads.undo_last()
    assert refused.value.message_id == "undo.reassigned_since"
    assert services.leads.get(lead).assigned_to == "Bianca Lima", "her choice stands"
    assert services.leads.undo_last().kind == "move"
    assert services.leads.get(other).status is Status.NEW
