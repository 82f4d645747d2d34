"""Hypothesis drives the services with random sequences and checks the board's invariants."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    precondition,
    rule,
)

from cockpit_tui.domain import attention
from cockpit_tui.domain.errors import (
    InvalidInputError,
    MoveConflictError,
    NothingToUndoError,
)
from cockpit_tui.domain.statuses import STATUS_ORDER, Status
from cockpit_tui.services import open_services
from cockpit_tui.services.clock import FrozenClock

statuses = st.sampled_from(STATUS_ORDER)


class BoardMachine(RuleBasedStateMachine):
    """Two salespeople work one store; the model tracks status and version per lead."""

    leads = Bundle("leads")

    def __init__(self) -> None:
        super().__init__()
        self._dir = tempfile.TemporaryDirectory()
        url = f"sqlite:///{Path(self._dir.name) / 'store.sqlite'}"
        self.clock = FrozenClock(datetime(2026, 11, 27, 12, tzinfo=UTC))
        self.ana = open_services(url, actor="Ana", clock=self.clock)
        self.bruno = open_services(url, actor="Bruno", clock=self.clock)
        self.status: dict[int, Status] = {}
        self.version: dict[int, int] = {}
        self.unread: dict[int, int] = {}
        # Ana's undo stack: (lead, from, to, overtaken by Bruno since)
        self.ana_moves: list[tuple[int, Status, Status, bool]] = []

    def teardown(self) -> None:
        self.ana.close()
        self.bruno.close()
        self._dir.cleanup()

    def _tick(self) -> None:
        self.clock.at += timedelta(seconds=30)

    @rule(target=leads, name=st.text(min_size=1, max_size=30))
    def add(self, name: str) -> int:
        self._tick()
        try:
            card = self.ana.leads.add(name=name)
        except InvalidInputError:
            card = self.ana.leads.add(name="Cliente")  # a name that cleans to nothing
        self.status[card.id], self.version[card.id], self.unread[card.id] = Status.NEW, 1, 0
        return card.id

    @rule(lead_id=leads, to=statuses, by_bruno=st.booleans())
    def move(self, lead_id: int, to: Status, by_bruno: bool) -> None:
        self._tick()
        services = self.bruno if by_bruno else self.ana
        if to is self.status[lead_id]:
            return
        result = services.leads.move(lead_id, to, seen_version=self.version[lead_id])
        assert result.card.version == self.version[lead_id] + 1
        if not by_bruno:
            self.ana_moves.append((lead_id, self.status[lead_id], to, False))
        else:
            # Ana's earlier moves of this lead can no longer be undone.
            self.ana_moves = [(m[0], m[1], m[2], m[3] or m[0] == lead_id) for m in self.ana_moves]
        self.status[lead_id], self.version[lead_id] = to, self.version[lead_id] + 1

    @rule(lead_id=leads, to=statuses)
    def stale_move(self, lead_id: int, to: Status) -> None:
        if self.version[lead_id] == 1:
            return
        try:
            self.ana.leads.move(lead_id, to, seen_version=self.version[lead_id] - 1)
        except MoveConflictError:
            pass
        else:
            raise AssertionError("a stale move was accepted")

    @rule(lead_id=leads, text=st.text(min_size=1, max_size=50))
    def message_in(self, lead_id: int, text: str) -> None:
        self._tick()
        try:
            card = self.ana.leads.record_inbound(lead_id, text)
        except InvalidInputError:
            return
        self.unread[lead_id] += 1
        assert card.version == self.version[lead_id], "messages do not bump the version"
        assert card.needs_attention
        assert card.has_unread_reply

    @rule(lead_id=leads)
    def read(self, lead_id: int) -> None:
        self._tick()
        card = self.ana.leads.mark_read(lead_id)
        self.unread[lead_id] = 0
        assert not card.has_unread_reply

    @rule(lead_id=leads)
    def reply(self, lead_id: int) -> None:
        self._tick()
        self.ana.leads.reply(lead_id, "Olá! Podemos conversar?")
        self.unread[lead_id] = 0
        card = self.ana.leads.get(lead_id)
        assert not card.needs_attention
        assert not card.has_unread_reply

    @rule()
    def undo(self) -> None:
        self._tick()
        try:
            result = self.ana.leads.undo_last_move()
        except NothingToUndoError:
            assert not self.ana_moves
            return
        except MoveConflictError:
            assert self.ana_moves[-1][3], "refused an undo nobody overtook"
            self.ana_moves.pop()  # the next undo steps past it
            return
        lead_id, from_status, to_status, overtaken = self.ana_moves.pop()
        assert not overtaken, "undid a move a colleague had overtaken"
        assert (result.card.id, result.from_status, result.to_status) == (
            lead_id,
            to_status,
            from_status,
        )
        self.status[lead_id] = from_status
        self.version[lead_id] += 1

    @precondition(lambda self: any(s.is_closed for s in self.status.values()))
    @rule(lead_id=consumes(leads))
    def new_negotiation(self, lead_id: int) -> None:
        self._tick()
        if not self.status[lead_id].is_closed:
            return
        card = self.ana.leads.new_negotiation(lead_id)
        self.status[card.id], self.version[card.id], self.unread[card.id] = Status.NEW, 1, 0
        assert card.status is Status.NEW
        assert card.needs_attention

    @invariant()
    def every_lead_in_exactly_one_status_and_counts_match(self) -> None:
        cards = self.ana.board.leads_in_board_order()
        assert sorted(card.id for card in cards) == sorted(self.status)
        for card in cards:
            assert card.status is self.status[card.id]
            assert card.version == self.version[card.id]
            assert card.unread_count == self.unread[card.id]
        counts = self.ana.board.counts()
        for status in STATUS_ORDER:
            assert counts[status] == sum(1 for s in self.status.values() if s is status)

    @invariant()
    def attention_order_holds_in_every_column(self) -> None:
        for status in STATUS_ORDER:
            cards = self.ana.board.column_page(status, limit=1000).cards
            keys = [attention.board_sort_key(card.attention, card.id) for card in cards]
            assert keys == sorted(keys)


BoardMachine.TestCase.settings = settings(
    max_examples=60,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestBoardMachine = BoardMachine.TestCase
