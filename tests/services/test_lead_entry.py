"""Leads typed by hand: validation, duplicates, the board's top, history, search."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.lead_entry import NewLead
from cockpit_tui.domain.models import HistoryKind, Note
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from tests.conftest import services_for, tick
from tests.services.test_search import found

WALK_IN = NewLead(
    name="  Carlos   Pereira ",
    phone="(11) 98765-4321",
    vehicle="Chevrolet Onix LT 1.0 2021",
    price="R$ 79.900,00",
    source="Loja (presencial)",
    message="Veio ver o Onix prata, quer test drive no sábado",
)


def test_a_walk_in_lands_on_top_of_nova_proposta_assigned_and_noted(
    services: Services, clock: FrozenClock
) -> None:
    older = services.leads.add(name="Maria Souza", phone="(21) 99123-4567", source="Webmotors")
    tick(clock)
    card = services.entry.create(WALK_IN, assign_to=services.actor)

    assert (card.customer_name, card.phone, card.price) == (
        "Carlos Pereira",
        "+5511987654321",
        Decimal("79900.00"),
    )
    assert card.status is Status.NEW
    assert card.needs_attention
    assert not card.has_unread_reply
    assert card.assigned_to == "Ana"
    assert card.source == "Loja (presencial)"
    page = services.board.column_page(Status.NEW)
    assert [c.id for c in page.cards] == [card.id, older.id], "the new card is on top"
    history = services.leads.detail(card.id).history
    assert [entry.kind for entry in history] == [
        HistoryKind.CREATED,
        HistoryKind.ASSIGNED,
        HistoryKind.NOTE,
    ]
    note = history[-1].item
    assert isinstance(note, Note)
    assert note.body.startswith("Veio ver o Onix prata")
    assert found(services, "onix prata") == set(), "the note is not a customer message"
    assert found(services, "pereira") == {card.id}
    assert found(services, "98765") == {card.id}
    # The note typed with it is the first response: the walk-in waits for nobody.
    assert card.waiting_since is None
    assert card.sla_state(clock.now()) is None
    assert services.leads.detail(card.id).card.waiting_since is None


def test_a_lead_typed_without_a_note_waits_for_its_first_response(
    services: Services, clock: FrozenClock
) -> None:
    card = services.entry.create(NewLead(name="Sem Nota", phone="(11) 91234-5678"), assign_to=None)
    assert card.waiting_since is not None, "nothing said to the customer yet"


def test_another_board_sees_the_new_lead_in_the_change_log(
    services: Services, store_url: str, clock: FrozenClock
) -> None:
    other = services_for(store_url, "Bruno", clock)
    try:
        seen = other.board.last_change_id()
        card = services.entry.create(WALK_IN, assign_to=None)
        changes = other.board.changes_since(seen)
        assert [(c.kind, c.lead_id) for c in changes] == [("lead.added", card.id)]
        assert other.board.column_page(Status.NEW).cards[0].id == card.id
        assert card.assigned_to is None, "without a salesperson the lead is unassigned"
    finally:
        other.close()


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        (NewLead(name="  ", phone="11987654321"), "entry.name_required"),
        (NewLead(name="Carlos"), "entry.contact_required"),
        (NewLead(name="Carlos", phone="1234"), "entry.bad_phone"),
        (NewLead(name="Carlos", email="carlos@"), "entry.bad_email"),
        (NewLead(name="Carlos", email="c@x.com.br", price="cem mil"), "entry.bad_price"),
    ],
)
def test_bad_input_is_refused_with_one_sentence_and_nothing_stored(
    services: Services, typed: NewLead, reason: str
) -> None:
    with pytest.raises(InvalidInputError) as refused:
        services.entry.create(typed, assign_to=None)
    assert refused.value.message_id == reason
    assert sum(services.board.counts().values()) == 0


def test_an_assignee_must_be_on_the_team(services: Services) -> None:
    with pytest.raises(InvalidInputError) as refused:
        services.entry.create(WALK_IN, assign_to="Zé Ninguém")
    assert refused.value.values["name"] == "Zé Ninguém"
    services.team.add("Bruno")
    assert services.entry.create(WALK_IN, assign_to="Bruno").assigned_to == "Bruno"


def test_open_leads_with_the_same_phone_or_email_are_found_before_saving(
    services: Services, clock: FrozenClock
) -> None:
    maria = services.leads.add(name="Maria Souza", phone="11 98765-4321", email="maria@x.com")
    assert [c.id for c in services.entry.matches(phone="+55 (11) 98765-4321")] == [maria.id]
    assert [c.id for c in services.entry.matches(email=" MARIA@x.com ")] == [maria.id]
    assert services.entry.matches(phone="(11) 91234-5678", email="outra@x.com") == []
    assert services.entry.matches(phone="12", email="not-an-email") == []
    services.leads.move(maria.id, Status.LOST)
    assert services.entry.matches(phone="11987654321") == [], "closed negotiations do not match"


def test_the_same_person_is_linked_and_someone_sharing_the_phone_is_not(
    services: Services,
) -> None:
    first = services.entry.create(WALK_IN, assign_to=None)
    again = services.entry.create(
        NewLead(name="carlos pereira", phone="11987654321", email="carlos@x.com"), assign_to=None
    )
    wife = services.entry.create(NewLead(name="Joana Pereira", phone="11987654321"), assign_to=None)
    assert again.customer_id == first.customer_id
    assert again.email == "carlos@x.com", "the new contact is kept on the customer"
    assert wife.customer_id != first.customer_id
    assert wife.customer_name == "Joana Pereira"


def test_sources_start_with_walk_in_and_phone_then_the_stores_own(services: Services) -> None:
    services.leads.add(name="Maria", phone="11987654321", source="Webmotors")
    services.leads.add(name="João", phone="11912345678", source="telefone")
    assert services.entry.sources() == ["Loja (presencial)", "Telefone", "Webmotors"]
