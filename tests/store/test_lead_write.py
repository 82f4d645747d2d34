"""The unit of work every lead change goes through: all of it commits, or none of it."""

from __future__ import annotations

import pytest

from cockpit_tui.domain.errors import LeadNotFoundError
from cockpit_tui.domain.filters import LeadFilter
from cockpit_tui.services import Services
from cockpit_tui.services.leads import add_inbound_message
from cockpit_tui.store.lead_write import lead_write


class _AbandonedError(Exception):
    """Raised inside the block to abandon the change."""


def test_search_document_and_change_log_commit_with_the_change(services: Services) -> None:
    lead_id = services.leads.add(name="Rita Alves").id
    before = services.board.last_change_id()
    with lead_write(services.store.engine, actor="Ana", now=services.clock.now()) as write:
        add_inbound_message(write, write.lead(lead_id), "Tem o Corolla prata?", at=write.now)
        assert write.change_ids == []  # appended on commit, not before
    assert len(write.change_ids) == 1
    changes = services.board.changes_since(before)
    assert [(change.kind, change.lead_id, change.actor) for change in changes] == [
        ("message.in", lead_id, "Ana")
    ]
    assert changes[0].id == write.change_ids[0]
    scope = services.board.scope(LeadFilter(search="corolla"))
    assert scope is not None
    assert [card.id for card in services.board.find(scope)] == [lead_id]
    assert services.leads.get(lead_id).unread_count == 1


def test_an_error_inside_the_block_leaves_nothing_behind(services: Services) -> None:
    lead_id = services.leads.add(name="Rita Alves").id
    before = services.board.last_change_id()

    def abandoned_change() -> None:
        with lead_write(services.store.engine, actor="Ana", now=services.clock.now()) as write:
            add_inbound_message(write, write.lead(lead_id), "Tem o Corolla prata?", at=write.now)
            raise _AbandonedError

    with pytest.raises(_AbandonedError):
        abandoned_change()
    assert services.board.changes_since(before) == []
    assert services.leads.conversation(lead_id) == []
    assert services.leads.get(lead_id).unread_count == 0
    scope = services.board.scope(LeadFilter(search="corolla"))
    assert scope is not None
    assert services.board.find(scope) == []


def test_loading_a_lead_that_does_not_exist_says_so(services: Services) -> None:
    with (
        pytest.raises(LeadNotFoundError),
        lead_write(services.store.engine, actor="Ana", now=services.clock.now()) as write,
    ):
        write.lead(9999)
