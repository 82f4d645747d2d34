"""Correcting a lead: history field by field, search, shared phones, conflicts, versions."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cockpit_tui.domain.errors import InvalidInputError, MoveConflictError
from cockpit_tui.domain.lead_edits import EditableField, FieldChange
from cockpit_tui.domain.lead_entry import NewLead
from cockpit_tui.domain.models import HistoryKind
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from tests.conftest import services_for, tick
from tests.services.test_search import found

F = EditableField


@pytest.fixture
def lead(services: Services) -> int:
    return services.entry.create(
        NewLead(name="Carlos Pereira", phone="11987654321", source="Loja (presencial)"),
        assign_to=None,
    ).id


def test_each_corrected_field_is_in_the_history_with_old_and_new_value(
    services: Services, lead: int, clock: FrozenClock
) -> None:
    when = tick(clock)
    result = services.edits.edit(
        lead,
        {F.VEHICLE: "Onix LT 2021", F.PRICE: "79.900", F.NAME: "Carlos  Pereira"},
    )
    assert result.card.vehicle == "Onix LT 2021"
    assert result.card.price == Decimal("79900.00")
    assert [(c.field, c.old, c.new) for c in result.changes] == [
        (F.VEHICLE, None, "Onix LT 2021"),
        (F.PRICE, None, "79900.00"),
    ], "typing the current name again changes nothing"
    tick(clock)
    services.edits.edit(lead, {F.VEHICLE: "Onix LTZ 2022", F.SOURCE: ""})
    edits = [e for e in services.leads.detail(lead).history if e.kind is HistoryKind.EDITED]
    assert [(e.actor, e.at == when) for e in edits[:2]] == [("Ana", True), ("Ana", True)]
    changes = [e.item for e in edits]
    assert all(isinstance(c, FieldChange) for c in changes)
    assert [(c.field, c.old, c.new) for c in changes if isinstance(c, FieldChange)][2:] == [
        (F.VEHICLE, "Onix LT 2021", "Onix LTZ 2022"),
        (F.SOURCE, "Loja (presencial)", None),
    ]
    assert services.edits.edits(lead)[-1].field is F.SOURCE


def test_the_search_index_follows_a_corrected_phone_and_vehicle(
    services: Services, lead: int
) -> None:
    services.edits.edit(lead, {F.PHONE: "(21) 99123-4567", F.VEHICLE: "Jeep Compass"})
    assert found(services, "compass") == {lead}
    assert found(services, "99123") == {lead}
    assert found(services, "98765") == set()


def test_a_phone_another_open_lead_has_is_flagged_not_merged(services: Services, lead: int) -> None:
    maria = services.leads.add(name="Maria Souza", phone="(21) 99123-4567")
    result = services.edits.edit(lead, {F.PHONE: "21991234567"})
    assert result.shared_contact == (maria.id,)
    assert result.card.customer_id != maria.customer_id
    assert services.edits.edit(lead, {F.VEHICLE: "Onix"}).shared_contact == ()


def test_bad_values_are_refused_and_nothing_changes(services: Services, lead: int) -> None:
    for typed, reason in (
        ({F.PHONE: "123"}, "entry.bad_phone"),
        ({F.EMAIL: "carlos.at.x"}, "entry.bad_email"),
        ({F.PRICE: "barato"}, "entry.bad_price"),
        ({F.NAME: "  "}, "entry.name_required"),
        ({F.PHONE: ""}, "entry.contact_required"),
        ({F.VEHICLE: "Onix", F.PHONE: "1"}, "entry.bad_phone"),
    ):
        with pytest.raises(InvalidInputError) as refused:
            services.edits.edit(lead, typed)
        assert refused.value.message_id == reason
    card = services.leads.get(lead)
    assert (card.phone, card.vehicle) == ("+5511987654321", None)
    assert services.edits.edits(lead) == []


def test_edits_do_not_bump_the_move_version_but_expect_version_guards_them(
    services: Services, lead: int
) -> None:
    services.edits.edit(lead, {F.VEHICLE: "Onix"}, seen_version=1)
    assert services.leads.get(lead).version == 1, "a colleague's move at version 1 still works"
    services.leads.move(lead, Status.NEGOTIATING, seen_version=1)
    with pytest.raises(MoveConflictError) as conflict:
        services.edits.edit(lead, {F.VEHICLE: "Tracker"}, seen_version=1)
    assert conflict.value.values["current_version"] == 2
    assert conflict.value.values["moved_by"] == "Ana"
    assert services.leads.get(lead).vehicle == "Onix"


def test_two_people_correcting_the_same_field_do_not_overwrite_each_other(
    services: Services, lead: int, store_url: str, clock: FrozenClock
) -> None:
    seen_by_ana = services.leads.get(lead)
    bruno = services_for(store_url, "Bruno", clock)
    try:
        bruno.edits.edit(lead, {F.VEHICLE: "Tracker"}, seen=bruno.leads.get(lead))
    finally:
        bruno.close()
    with pytest.raises(MoveConflictError) as conflict:
        services.edits.edit(lead, {F.VEHICLE: "Onix"}, seen=seen_by_ana)
    assert conflict.value.message_id == "error.edit_conflict"
    services.edits.edit(lead, {F.EMAIL: "carlos@x.com"}, seen=seen_by_ana)
    card = services.leads.get(lead)
    assert (card.vehicle, card.email) == ("Tracker", "carlos@x.com"), "other fields still save"


def test_a_customer_correction_shows_on_every_negotiation_of_the_customer(
    services: Services, lead: int, store_url: str, clock: FrozenClock
) -> None:
    services.leads.move(lead, Status.SOLD)
    renewed = services.leads.new_negotiation(lead)
    other = services_for(store_url, "Bruno", clock)
    try:
        seen = other.board.last_change_id()
        services.edits.edit(renewed.id, {F.NAME: "Carlos Alberto Pereira"})
        changed = {c.lead_id for c in other.board.changes_since(seen) if c.kind == "lead.edited"}
    finally:
        other.close()
    assert changed == {lead, renewed.id}
    assert services.leads.get(lead).customer_name == "Carlos Alberto Pereira"
    assert found(services, "alberto") == {lead, renewed.id}
