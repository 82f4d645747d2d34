"""Board queries: counts, pages in board order, the change log and the poll."""

from __future__ import annotations

from cockpit_tui.domain import attention
from cockpit_tui.domain.models import LeadCard
from cockpit_tui.domain.statuses import STATUS_ORDER, Status
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from tests.conftest import services_for, tick


def fill(services: Services, clock: FrozenClock, how_many: int) -> list[int]:
    ids = []
    for index in range(how_many):
        tick(clock)
        ids.append(services.leads.add(name=f"Cliente {index}").id)
    return ids


def test_counts_cover_every_status(services: Services, clock: FrozenClock) -> None:
    ids = fill(services, clock, 5)
    services.leads.move(ids[0], Status.SOLD)
    services.leads.move(ids[1], Status.LOST)
    counts = services.board.counts()
    assert list(counts) == list(STATUS_ORDER)
    assert counts == {
        Status.NEW: 3,
        Status.NEGOTIATING: 0,
        Status.AWAITING_VISIT: 0,
        Status.VISITED: 0,
        Status.SOLD: 1,
        Status.LOST: 1,
    }


def test_pages_follow_board_order_and_keyset_equals_offset(
    services: Services, clock: FrozenClock
) -> None:
    ids = fill(services, clock, 23)
    for lead_id in ids[::3]:
        tick(clock)
        services.leads.mark_handled(lead_id)
    for lead_id in ids[1::5]:
        tick(clock)
        services.leads.record_inbound(lead_id, "Oi?")
    everything = services.board.column_page(Status.NEW, limit=100).cards
    assert len(everything) == 23
    keys = [attention.board_sort_key(card.attention, card.id) for card in everything]
    assert keys == sorted(keys), "the SQL order is the domain's order"

    walked: list[LeadCard] = []
    page = services.board.column_page(Status.NEW, limit=7)
    walked.extend(page.cards)
    while page.has_more:
        page = services.board.column_page(Status.NEW, limit=7, after=page.cards[-1])
        walked.extend(page.cards)
    assert [card.id for card in walked] == [card.id for card in everything]
    jumped = services.board.column_page(Status.NEW, offset=14, limit=7).cards
    assert [card.id for card in jumped] == [card.id for card in everything[14:21]]


def test_position_of_follows_a_moved_card(services: Services, clock: FrozenClock) -> None:
    ids = fill(services, clock, 4)
    services.leads.move(ids[0], Status.NEGOTIATING)
    tick(clock)
    services.leads.move(ids[1], Status.NEGOTIATING)
    assert services.board.position_of(ids[0]) == (Status.NEGOTIATING, 1)
    assert services.board.position_of(ids[1]) == (Status.NEGOTIATING, 0)
    assert services.board.position_of(9999) is None


def test_first_page_and_changes_since(services: Services, clock: FrozenClock) -> None:
    ids = fill(services, clock, 3)
    seen = services.board.last_change_id()
    page = services.board.column_page(Status.NEW, limit=2)
    assert page.total == 3
    assert [card.id for card in page.cards] == [ids[2], ids[1]]
    assert page.has_more
    services.leads.move(ids[0], Status.VISITED)
    services.leads.record_inbound(ids[1], "Ainda tem?")
    changes = services.board.changes_since(seen)
    assert [(c.kind, c.lead_id, c.actor) for c in changes] == [
        ("lead.moved", ids[0], "Ana"),
        ("message.in", ids[1], "Ana"),
    ]
    assert services.board.changes_since(changes[-1].id) == []


def test_poll_sees_a_commit_by_another_connection(
    services: Services, store_url: str, clock: FrozenClock
) -> None:
    assert services.board.has_new_commits() is False  # records the starting point
    assert services.board.has_new_commits() is False
    other = services_for(store_url, "Bruno", clock)
    try:
        other.leads.add(name="Lead do Bruno")
    finally:
        other.close()
    assert services.board.has_new_commits() is True
    assert services.board.has_new_commits() is False


def test_plan_defaults_to_crm_and_changes_are_logged(services: Services) -> None:
    from cockpit_tui.domain.plans import Plan

    assert services.settings.plan() is Plan.CRM
    before = services.board.last_change_id()
    services.settings.set_plan(Plan.SMART)
    assert services.settings.plan() is Plan.SMART
    assert [c.kind for c in services.board.changes_since(before)] == ["store.plan"]
    services.settings.set_plan(Plan.SMART)
    assert len(services.board.changes_since(before)) == 1, "setting the same plan logs nothing"


def test_demo_store_seeds_once_on_smart_plus(services: Services, clock: FrozenClock) -> None:
    from cockpit_tui.domain.plans import Plan
    from cockpit_tui.services.demo import seed_demo_store

    added = seed_demo_store(services.store, clock=clock)
    counts = services.board.counts()
    assert added == sum(counts.values()) >= 150
    assert all(counts[status] > 0 for status in STATUS_ORDER)
    assert services.settings.plan() is Plan.SMART_PLUS
    cards = services.board.leads_in_board_order()
    assert any(card.has_unread_reply for card in cards)
    assert any(card.assigned_to is None for card in cards)
    assert any(card.next_appointment_at for card in cards if card.status is Status.AWAITING_VISIT)
    assert all(len(services.leads.conversation(card.id)) >= 1 for card in cards[:10])
    assert seed_demo_store(services.store, clock=clock) == 0, "never re-seeds a used demo"
