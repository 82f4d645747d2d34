"""Search and quick filters through the services: every field, any phone format, no accents."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from cockpit_tui.domain.filters import LeadFilter, QuickFilter, fold, search_terms
from cockpit_tui.domain.models import AppointmentKind
from cockpit_tui.domain.plans import Plan
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from tests.conftest import NOW, tick


@pytest.fixture
def leads(services: Services, clock: FrozenClock) -> dict[str, int]:
    ids = {}
    tick(clock)
    ids["joao"] = services.leads.add(
        name="João Conceição",
        phone="(11) 98765-4321",
        email="Joao.C@Example.com",
        vehicle="Honda Civic EXL 2.0 2021",
        price=Decimal("122400"),
        source="Webmotors",
        message="Olá, aceita troca no meu Gol?",
    ).id
    tick(clock)
    ids["maria"] = services.leads.add(
        name="Maria Souza", phone="21 99876-5432", vehicle="Jeep Compass", source="OLX"
    ).id
    tick(clock)
    ids["ana"] = services.leads.add(name="Ana Lima", email="ana@example.com", source="OLX").id
    return ids


def found(services: Services, text: str, **quick: object) -> set[int]:
    lead_filter = LeadFilter(search=text, **quick)  # type: ignore[arg-type]
    where = services.board.scope(lead_filter)
    return {card.id for card in services.board.leads_in_board_order() if where is None} | {
        card.id
        for status in Status
        for card in services.board.cards_at(status, offset=0, limit=100, where=where)
    }


@pytest.mark.parametrize(
    ("typed", "who"),
    [
        ("joao", "joao"),
        ("JOÃO conceicao", "joao"),
        ("conceição", "joao"),
        ("98765-4321", "joao"),
        ("11987654321", "joao"),
        ("+55 11 98765", "joao"),
        ("(11) 98765-4321", "joao"),
        ("joao.c@example", "joao"),
        ("civic", "joao"),
        ("webmotors", "joao"),
        ("troca no meu gol", "joao"),
        ("compass", "maria"),
        ("99876", "maria"),
        ("ana@", "ana"),
    ],
)
def test_search_finds_by_every_field_and_any_spelling(
    services: Services, leads: dict[str, int], typed: str, who: str
) -> None:
    assert found(services, typed) == {leads[who]}


def test_search_combines_terms_and_filters(services: Services, leads: dict[str, int]) -> None:
    assert found(services, "olx") == {leads["maria"], leads["ana"]}
    assert found(services, "olx lima") == {leads["ana"]}
    assert found(services, "nobody-like-this") == set()
    services.leads.assign(leads["maria"], services.actor)
    assert found(services, "olx", quick=frozenset({QuickFilter.MINE})) == {leads["maria"]}
    assert found(services, "olx", quick=frozenset({QuickFilter.UNASSIGNED})) == {leads["ana"]}
    assert found(services, "", source="Webmotors") == {leads["joao"]}
    assert found(services, "", salesperson=services.actor) == {leads["maria"]}


def test_the_index_follows_new_messages_and_new_negotiations(
    services: Services, leads: dict[str, int], clock: FrozenClock
) -> None:
    assert found(services, "financiamento") == set()
    tick(clock)
    services.leads.record_inbound(leads["maria"], "Vocês fazem financiamento?")
    assert found(services, "financiamento") == {leads["maria"]}
    services.leads.reply(leads["ana"], "Temos o Corolla à pronta entrega")
    assert found(services, "corolla") == {leads["ana"]}
    services.leads.move(leads["ana"], Status.LOST)
    again = services.leads.new_negotiation(leads["ana"])
    assert found(services, "ana lima") == {leads["ana"], again.id}


def test_quick_filters_attention_unread_overdue_and_stale(
    services: Services, leads: dict[str, int], clock: FrozenClock
) -> None:
    every = set(leads.values())
    assert found(services, "", quick=frozenset({QuickFilter.ATTENTION})) == every
    services.leads.mark_handled(leads["ana"])
    assert found(services, "", quick=frozenset({QuickFilter.ATTENTION})) == every - {leads["ana"]}
    tick(clock)
    services.leads.record_inbound(leads["joao"], "E aí?")
    assert found(services, "", quick=frozenset({QuickFilter.UNREAD})) == {leads["joao"]}
    services.appointments.schedule(
        leads["maria"], AppointmentKind.CALL_BACK, clock.now() + timedelta(hours=1), plan=Plan.CRM
    )
    assert found(services, "", quick=frozenset({QuickFilter.OVERDUE})) == set()
    tick(clock, 90)
    assert found(services, "", quick=frozenset({QuickFilter.OVERDUE})) == {leads["maria"]}
    assert found(services, "", quick=frozenset({QuickFilter.STALE})) == set()
    clock.at = NOW + timedelta(days=3)  # Nova proposta goes stale after 2 days
    assert found(services, "", quick=frozenset({QuickFilter.STALE})) == every


def test_folding_and_phone_like_queries() -> None:
    assert fold("Conceição ÁGUA Müller") == "conceicao agua muller"
    assert search_terms("  (11) 98765-4321 ") == ("11987654321",)
    assert search_terms("Honda  Civic") == ("honda", "civic")
    assert search_terms("123") == ("123",), "too short to be read as a phone"
    assert not LeadFilter(search="   ").active


@pytest.mark.parametrize("ranked", [5000, 3], ids=["one-read", "broad-match-by-column"])
def test_a_search_reads_every_column_top_and_count_in_one_read_as_the_column_queries_do(
    services: Services,
    leads: dict[str, int],
    clock: FrozenClock,
    ranked: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # With 3, "olx", "cliente" and "c" match more than one read ranks: the column reads
    # take over, walking the board's index (checking each lead against the trigram
    # look-up's list, and its document for short terms and terms of four letters or more).
    monkeypatch.setattr("cockpit_tui.services.board.WINDOWED_MATCHES", ranked)
    # More OLX leads than a page, across columns and with and without attention,
    # so the one-read pages are cut, ranked and counted like the per-column reads.
    for number in range(7):
        tick(clock)
        lead = services.leads.add(
            name=f"Cliente {number}", phone=f"11 9876{number}-0000", source="OLX"
        )
        if number % 3 == 0:
            services.leads.move(lead.id, Status.NEGOTIATING)
        if number % 2:
            services.leads.mark_handled(lead.id)
    tick(clock)  # the newest lead, on top of its column, kept by none of the short searches
    services.leads.add(name="Zé Newest", phone="11 91111-2222", source="Webmotors")
    board = services.board
    searches = [
        LeadFilter(search=text)
        for text in ("olx", "cliente", "civic", "nobody-like-this", "c", "li", "ol", "e 1", "zq")
    ]
    # A short term next to a quick filter and a source: their parameters follow the search's.
    searches.append(LeadFilter(search="e", quick=frozenset({QuickFilter.ATTENTION})))
    searches.append(LeadFilter(search="li", source="OLX"))
    # Long terms checked on each lead's document (no trigram positions), with a short one.
    searches.append(LeadFilter(search="clie nte 1", source="OLX"))
    searches.append(LeadFilter(search="cliente", quick=frozenset({QuickFilter.ATTENTION})))
    for lead_filter in searches:
        text = repr(lead_filter)
        where = board.scope(lead_filter)
        assert where is not None
        pages = board.first_pages(where, limit=2)
        counts = board.counts(where)
        assert {status: page.total for status, page in pages.items()} == counts, text
        for status, page in pages.items():
            column = board.cards_at(status, offset=0, limit=3, where=where)
            assert [card.id for card in page.cards] == [card.id for card in column[:2]], text
            assert page.has_more == (len(column) > 2), text
    assert board.first_pages(board.scope(LeadFilter(search="olx")), limit=2)[Status.NEW].has_more  # type: ignore[arg-type]
