"""The list view's query: every sort, both directions, a status filter, paged by keyset."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest

from cockpit_tui.domain.statuses import STATUS_ORDER, Status
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.column_window import ColumnWindow
from cockpit_tui.services.lead_list import ListQuery, ListSort
from tests.conftest import tick

NAMES = ["Ana", "Álvaro", "Bruno", "Zé", "maria", "Maria", "Carla", "Ana"]


@pytest.fixture
def varied(services: Services, clock: FrozenClock) -> list[int]:
    """45 leads with repeated names, missing prices, vehicles and sources, in every status."""
    rng = random.Random(7)
    ids = []
    for number in range(45):
        tick(clock, rng.randint(1, 90))
        card = services.leads.add(
            name=f"{rng.choice(NAMES)} {number % 4}",
            vehicle=rng.choice([None, "Fiat Argo", "Jeep Compass", "Honda Civic"]),
            price=rng.choice([None, Decimal("89900"), Decimal("139900.50"), Decimal("0")]),
            source=rng.choice([None, "Webmotors", "OLX"]),
        )
        ids.append(card.id)
        status = rng.choice(STATUS_ORDER)
        if status is not Status.NEW:
            services.leads.move(card.id, status)
        if rng.random() < 0.3:
            services.leads.assign(card.id, rng.choice(["Ana", "Bruno"]))
        if rng.random() < 0.3:
            tick(clock)
            services.leads.record_inbound(card.id, "Oi?")
    return ids


def every_query() -> list[ListQuery]:
    queries = []
    for sort in ListSort:
        for reverse in (False, True):
            for status in (None, Status.NEGOTIATING):
                queries.append(ListQuery(sort, reverse, status))
    return queries


def test_keyset_pages_rank_and_tail_agree_with_one_big_read(
    services: Services, varied: list[int]
) -> None:
    for query in every_query():
        check_query(services, varied, query)


def check_query(services: Services, varied: list[int], query: ListQuery) -> None:
    source = services.board.list_source(query)
    everything = source.at(offset=0, limit=1000)
    total = source.total()
    assert len(everything) == total
    if query.status is None:
        assert total == len(varied)
    else:
        assert {card.status for card in everything} <= {query.status}
    walked = everything[:7]
    while len(walked) < total:
        walked += source.after(walked[-1], limit=7)
    assert [c.id for c in walked] == [c.id for c in everything]
    assert [c.id for c in source.last(limit=5)] == [c.id for c in everything[-5:]]
    for position in (0, total // 2, total - 1):
        card = everything[position]
        assert source.rank(card) == position
        assert [c.id for c in source.before(card, limit=3)] == [
            c.id for c in everything[max(0, position - 3) : position]
        ]


def test_the_default_order_is_the_boards_attention_order_across_statuses(
    services: Services, varied: list[int]
) -> None:
    listed = services.board.list_source(ListQuery()).at(offset=0, limit=1000)
    waiting = [card for card in listed if card.needs_attention]
    assert listed[: len(waiting)] == waiting, "leads that need attention come first"
    for status in STATUS_ORDER:
        column = services.board.leads_in_board_order(status)
        assert [c.id for c in listed if c.status is status] == [c.id for c in column]


def test_price_sorts_the_most_expensive_first_and_missing_prices_last(
    services: Services, varied: list[int]
) -> None:
    listed = services.board.list_source(ListQuery(ListSort.PRICE)).at(offset=0, limit=1000)
    prices = [card.price for card in listed]
    known = [price for price in prices if price is not None]
    assert known == sorted(known, reverse=True)
    assert prices[len(known) :] == [None] * (len(prices) - len(known))


def test_a_window_scrolls_the_list_like_a_column(services: Services, varied: list[int]) -> None:
    source = services.board.list_source(ListQuery(ListSort.NAME))
    window = ColumnWindow(source=source, total=source.total())
    window.ensure(30, 44)
    everything = source.at(offset=0, limit=1000)
    assert window.card_at(40) == everything[40]
    assert window.card_at(29) is None or window.card_at(29) == everything[29]


def test_every_orders_keyset_key_is_what_its_sql_computes(
    services: Services, varied: list[int]
) -> None:
    """The key a page continues after, read off a card, equals the row value the SQL sorts on."""
    from cockpit_tui.store.list_orders import LIST_ORDERS, list_key

    reader = services.store.reader
    cards = services.board.list_source(ListQuery()).at(offset=0, limit=1000)
    for sort, spec in LIST_ORDERS.items():
        columns = ", ".join(key.sql for key in spec.keys)
        for card in cards:
            row = reader.fetchone(
                f"SELECT {columns} FROM lead l JOIN customer c ON c.id = l.customer_id "
                "WHERE l.id = ?",
                (card.id,),
            )
            assert row is not None
            assert tuple(row) == list_key(sort, card), (sort, card.id)
