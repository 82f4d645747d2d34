"""A column's page cache holds a window of cards in board order, read by keyset."""

from __future__ import annotations

import pytest

from cockpit_tui.domain.models import LeadCreate
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.column_window import CAPACITY, PAGE_SIZE, ColumnWindow, read_window
from cockpit_tui.store.bulk import insert_leads
from tests.conftest import tick

LEADS = 2600


@pytest.fixture
def long_column(services: Services, clock: FrozenClock) -> list[int]:
    """A Nova proposta column of 2,600 leads; returns their ids in board order."""
    specs = []
    for n in range(LEADS):
        specs.append(LeadCreate(name=f"Lead {n:04}", created_at=tick(clock, 1)))
    insert_leads(services.store.engine, specs, actor="Ana", now=clock.now())
    return [card.id for card in services.board.leads_in_board_order(Status.NEW)]


def test_the_window_grows_by_pages_and_matches_the_store(
    services: Services, long_column: list[int]
) -> None:
    window = ColumnWindow(services.board, Status.NEW, total=LEADS)
    for last in range(0, 1500, 7):  # the selection walking down, a card at a time
        window.ensure(last, last + 5)
        assert window.card_at(last) is not None
    held = [card.id for card in window.cards]
    assert held == long_column[window.start : window.end]
    assert len(window.cards) <= CAPACITY + 200, "a window, never the whole column"


def test_jumping_to_the_end_reads_the_tail_then_walks_back_up(
    services: Services, long_column: list[int]
) -> None:
    window = ColumnWindow(services.board, Status.NEW, total=LEADS)
    window.ensure(0, 10)
    window.ensure(LEADS - 8, LEADS - 1)
    assert window.end == LEADS
    assert [c.id for c in window.cards] == long_column[window.start :]
    window.ensure(window.start - 100, window.start - 90)  # page up past the window's top
    assert [c.id for c in window.cards] == long_column[window.start : window.end]


def test_a_deep_window_is_reread_around_the_same_cards(
    services: Services, long_column: list[int], clock: FrozenClock
) -> None:
    window = ColumnWindow(services.board, Status.NEW, total=LEADS)
    window.ensure(0, 5)
    window.ensure(LEADS - 30, LEADS - 1)
    first_held = window.cards[0].id
    tick(clock)
    services.leads.add(name="Recém-chegado")  # lands on top, shifting every position by one
    content = read_window(window.spec())
    assert content.cards[0].id == first_held
    fresh = [card.id for card in services.board.leads_in_board_order(Status.NEW)]
    assert fresh.index(first_held) == content.start


def test_the_first_frame_reads_only_the_top_of_each_column(
    services: Services, long_column: list[int]
) -> None:
    window = ColumnWindow(services.board, Status.NEW, total=LEADS)
    window.ensure(0, 8)
    assert window.start == 0
    assert [card.id for card in window.cards] == long_column[: len(window.cards)]
    assert 9 <= len(window.cards) <= 9 + PAGE_SIZE, "start-up must not read whole columns"


def test_reading_around_a_deep_card_matches_the_store(
    services: Services, long_column: list[int]
) -> None:
    window = ColumnWindow(services.board, Status.NEW, total=LEADS)
    index = 2345
    card = services.leads.get(long_column[index])
    content = window.read_around(card, index)
    ids = [c.id for c in content.cards]
    assert ids == long_column[content.start : content.start + len(ids)]
    assert ids[index - content.start] == card.id
