"""The lead use cases, on SQLite and PostgreSQL."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cockpit_tui.domain.errors import (
    InvalidInputError,
    LeadNotFoundError,
    MoveConflictError,
    NothingToUndoError,
)
from cockpit_tui.domain.models import Direction
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from tests.conftest import services_for, tick


def add(services: Services, name: str, **fields: object) -> int:
    card = services.leads.add(name=name, phone=fields.pop("phone", None), **fields)  # type: ignore[arg-type]
    return card.id


def column_ids(services: Services, status: Status) -> list[int]:
    return [card.id for card in services.board.column_page(status, limit=100).cards]


def test_a_new_lead_lands_on_top_of_nova_proposta_not_bold(
    services: Services, clock: FrozenClock
) -> None:
    first = add(services, "Maria Souza", phone="(11) 98765-4321")
    tick(clock)
    card = services.leads.add(
        name="João Silva",
        email="JOAO@example.com",
        vehicle="Jeep Compass Longitude 2.0 2021",
        price=Decimal("139900.00"),
        source="Webmotors",
        message="Olá, o carro ainda está disponível?",
    )
    assert column_ids(services, Status.NEW) == [card.id, first]
    assert card.needs_attention
    assert not card.has_unread_reply
    assert card.status is Status.NEW
    assert card.version == 1
    assert card.email == "joao@example.com"
    assert card.price == Decimal("139900.00")
    assert services.leads.get(first).phone == "+5511987654321"
    conversation = services.leads.conversation(card.id)
    assert [m.body for m in conversation] == ["Olá, o carro ainda está disponível?"]


def test_add_refuses_no_name_and_bad_phone(services: Services) -> None:
    with pytest.raises(InvalidInputError) as error:
        services.leads.add(name="  \x1b[0m ")
    assert error.value.message_id == "error.name_required"
    with pytest.raises(InvalidInputError) as error:
        services.leads.add(name="Ana", phone="123")
    assert error.value.message_id == "error.bad_phone"
    assert services.board.counts()[Status.NEW] == 0


def test_inbound_message_makes_bold_lifts_and_keeps_version(
    services: Services, clock: FrozenClock
) -> None:
    older = add(services, "Cliente Antigo")
    tick(clock)
    newer = add(services, "Cliente Novo")
    services.leads.mark_handled(older)
    services.leads.mark_handled(newer)
    tick(clock)
    card = services.leads.record_inbound(older, "Aceita troca?")
    assert card.has_unread_reply
    assert card.needs_attention
    assert card.version == 1, "an inbound message must not bump the version moves compare"
    assert column_ids(services, Status.NEW) == [older, newer]


def test_reading_clears_bold_but_keeps_top(services: Services, clock: FrozenClock) -> None:
    lead = add(services, "Maria")
    tick(clock)
    services.leads.record_inbound(lead, "Oi?")
    card = services.leads.mark_read(lead)
    assert not card.has_unread_reply
    assert card.needs_attention
    assert all(m.read_at is not None for m in services.leads.conversation(lead))


def test_reply_goes_to_outbox_and_counts_as_acting(services: Services, clock: FrozenClock) -> None:
    lead = add(services, "Maria")
    tick(clock)
    services.leads.record_inbound(lead, "Tem garantia?")
    tick(clock)
    message = services.leads.reply(lead, "Tem sim, 1 ano de garantia.")
    assert message.direction is Direction.OUTBOUND
    assert message.author == "Ana"
    assert message.delivered_at is None
    [queued] = services.leads.outbox()
    assert (queued.message_id, queued.lead_id, queued.body) == (
        message.id,
        lead,
        "Tem sim, 1 ano de garantia.",
    )
    card = services.leads.get(lead)
    assert not card.needs_attention
    assert not card.has_unread_reply
    with pytest.raises(InvalidInputError):
        services.leads.reply(lead, "   ")


def test_move_records_history_and_leaves_the_top(services: Services, clock: FrozenClock) -> None:
    lead = add(services, "Maria")
    tick(clock)
    result = services.leads.move(lead, Status.NEGOTIATING, seen_version=1)
    assert (result.from_status, result.to_status) == (Status.NEW, Status.NEGOTIATING)
    assert result.card.version == 2
    assert not result.card.needs_attention
    counts = services.board.counts()
    assert counts[Status.NEW] == 0
    assert counts[Status.NEGOTIATING] == 1
    [move] = services.leads.moves(lead)
    assert (move.from_status, move.to_status, move.actor, move.at) == (
        Status.NEW,
        Status.NEGOTIATING,
        "Ana",
        clock.now(),
    )


def test_stale_move_is_refused_with_who_moved_it(
    services: Services, store_url: str, clock: FrozenClock
) -> None:
    lead = add(services, "Maria")
    bruno = services_for(store_url, "Bruno", clock)
    try:
        bruno.leads.move(lead, Status.VISITED, seen_version=1)
    finally:
        bruno.close()
    with pytest.raises(MoveConflictError) as error:
        services.leads.move(lead, Status.NEGOTIATING, seen_version=1)
    assert error.value.values["moved_by"] == "Bruno"
    assert error.value.values["status"] == "visited"
    assert services.leads.get(lead).status is Status.VISITED


def test_move_to_same_status_and_unknown_lead(services: Services) -> None:
    lead = add(services, "Maria")
    with pytest.raises(InvalidInputError):
        services.leads.move(lead, Status.NEW)
    with pytest.raises(LeadNotFoundError):
        services.leads.move(9999, Status.SOLD)


def test_undo_has_several_levels(services: Services, clock: FrozenClock) -> None:
    lead = add(services, "Maria")
    services.leads.move(lead, Status.NEGOTIATING)
    tick(clock)
    services.leads.move(lead, Status.AWAITING_VISIT)
    assert services.leads.undo_last_move().to_status is Status.NEGOTIATING
    assert services.leads.undo_last_move().to_status is Status.NEW
    with pytest.raises(NothingToUndoError):
        services.leads.undo_last_move()
    assert services.leads.get(lead).status is Status.NEW
    assert [m.undone for m in services.leads.moves(lead)] == [True, True, False, False]


def test_undo_refuses_to_overwrite_a_colleagues_later_move(
    services: Services, store_url: str, clock: FrozenClock
) -> None:
    lead = add(services, "Maria")
    services.leads.move(lead, Status.NEGOTIATING)
    bruno = services_for(store_url, "Bruno", clock)
    try:
        bruno.leads.move(lead, Status.SOLD)
    finally:
        bruno.close()
    with pytest.raises(MoveConflictError) as error:
        services.leads.undo_last_move()
    assert error.value.values["moved_by"] == "Bruno"
    assert services.leads.get(lead).status is Status.SOLD
    # The overtaken move leaves Ana's undo stack: she is not stuck on it.
    with pytest.raises(NothingToUndoError):
        services.leads.undo_last_move()


def test_undo_steps_past_an_overtaken_move_to_the_previous_one(
    services: Services, store_url: str, clock: FrozenClock
) -> None:
    first = add(services, "Maria")
    second = add(services, "João")
    services.leads.move(first, Status.NEGOTIATING)
    services.leads.move(second, Status.NEGOTIATING)
    bruno = services_for(store_url, "Bruno", clock)
    try:
        bruno.leads.move(second, Status.LOST)
    finally:
        bruno.close()
    with pytest.raises(MoveConflictError):
        services.leads.undo_last_move()
    result = services.leads.undo_last_move()
    assert (result.card.id, result.to_status) == (first, Status.NEW)
    assert services.leads.get(second).status is Status.LOST


def test_undo_is_per_user(services: Services, store_url: str, clock: FrozenClock) -> None:
    lead = add(services, "Maria")
    services.leads.move(lead, Status.NEGOTIATING)
    bruno = services_for(store_url, "Bruno", clock)
    try:
        with pytest.raises(NothingToUndoError):
            bruno.leads.undo_last_move()
    finally:
        bruno.close()


def test_assign_and_unassign(services: Services) -> None:
    lead = add(services, "Maria")
    assert services.leads.assign_to_me(lead).assigned_to == "Ana"
    assert services.leads.assign(lead, "Bruno").assigned_to == "Bruno"
    assert services.leads.assign(lead, None).assigned_to is None


def test_new_negotiation_from_a_closed_lead(services: Services, clock: FrozenClock) -> None:
    lead = add(services, "Maria", phone="11987654321")
    with pytest.raises(InvalidInputError):
        services.leads.new_negotiation(lead)
    services.leads.move(lead, Status.SOLD)
    tick(clock)
    new = services.leads.new_negotiation(lead)
    old = services.leads.get(lead)
    assert new.id != lead
    assert new.status is Status.NEW
    assert new.needs_attention
    assert new.customer_id == old.customer_id
    assert old.status is Status.SOLD, "the old negotiation keeps its history"
    assert len(services.leads.moves(lead)) == 1


def test_same_customer_is_reused_by_phone(services: Services) -> None:
    first = services.leads.add(name="Maria", phone="(11) 98765-4321")
    second = services.leads.add(name="Maria S.", phone="+55 11 98765-4321")
    assert first.customer_id == second.customer_id
    assert first.id != second.id


def test_hostile_text_is_stored_sanitised(services: Services) -> None:
    card = services.leads.add(
        name="[@click=app.quit]x[/]\x1b]52;c;aGk=\x07\u202e", vehicle="Gol\x1b[2J 1.0"
    )
    assert card.customer_name == "[@click=app.quit]x[/]"
    assert card.vehicle == "Gol 1.0"
