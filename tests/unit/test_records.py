"""Records behave as the frozen dataclasses they replaced (issue 18: no dataclass cost at import).

Each record is held to a frozen, slotted dataclass made from its own fields:
the same ``repr``, equality, hash, immutability, copies and pickles.
"""

from __future__ import annotations

import copy
import pickle
from dataclasses import FrozenInstanceError, make_dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from cockpit_tui.config import Settings
from cockpit_tui.domain.alerts import Alert, AlertKind
from cockpit_tui.domain.cards import AttentionState, Change, ColumnPage, Customer, LeadCard
from cockpit_tui.domain.filters import LeadFilter, QuickFilter
from cockpit_tui.domain.records import Record
from cockpit_tui.domain.statuses import Status
from cockpit_tui.store.read_connection import Clause

AT = datetime(2026, 3, 2, 12, 30, tzinfo=UTC)


def _card(**changes: Any) -> LeadCard:
    values: dict[str, Any] = {
        "id": 7,
        "version": 2,
        "status": Status.NEW,
        "customer_id": 3,
        "customer_name": "Maria Souza",
        "phone": "+5511987654321",
        "email": None,
        "vehicle": "Honda Civic 2020",
        "price": Decimal("98500.00"),
        "source": "Webmotors",
        "assigned_to": None,
        "created_at": AT,
        "last_activity_at": AT,
        "attention_at": AT,
        "unread_count": 1,
    }
    values.update(changes)
    return LeadCard(**values)


EXAMPLES: list[tuple[Record, Record]] = [
    (_card(), _card(version=3)),
    (_card(waiting_since=AT, response_due_at=AT), _card(waiting_since=AT)),
    (Customer(1, "Ana", None, "a@b.c"), Customer(1, "Ana", None, None)),
    (AttentionState(None, 0, AT), AttentionState(AT, 0, AT)),
    (Change(5, "lead.moved", 7, "Ana", AT), Change(5, "lead.moved", None, "Ana", AT)),
    (ColumnPage(Status.NEW, 2, (_card(),), False), ColumnPage(Status.NEW, 2, (), False)),
    (Settings("sqlite:///x", "Ana", "pt"), Settings("sqlite:///x", "Ana", "pt", demo=True)),
    (LeadFilter(), LeadFilter(search="civic")),
    (LeadFilter(quick=frozenset({QuickFilter.MINE})), LeadFilter(source="OLX")),
    (Clause("l.id = ?", (1,)), Clause("l.id = ?", (2,))),
    (Alert(AlertKind.NEW_LEAD, 1, "Ana", None), Alert(AlertKind.NEW_LEAD, 1, "Ana", "OLX")),
]


def _twin(record: Record) -> Any:
    """The frozen, slotted dataclass with the record's class name and fields, same values."""
    cls = type(record)
    twin = make_dataclass(
        cls.__name__, [(name, Any) for name in cls.record_fields], frozen=True, slots=True
    )
    twin.__qualname__ = cls.__qualname__
    return twin(*(getattr(record, name) for name in cls.record_fields))


@pytest.mark.parametrize(("record", "other"), EXAMPLES)
def test_a_record_reads_compares_and_hashes_as_its_frozen_dataclass(
    record: Record, other: Record
) -> None:
    twin, other_twin = _twin(record), _twin(other)
    assert repr(record) == repr(twin)
    assert (record == other) == (twin == other_twin) is False
    rebuilt = type(record)(*(getattr(record, name) for name in record.record_fields))
    assert rebuilt == record
    assert rebuilt is not record
    assert hash(rebuilt) == hash(record) == hash(twin)
    assert record != twin  # another class, as two dataclasses with the same fields
    assert (record == "text") is False


@pytest.mark.parametrize(("record", "other"), EXAMPLES)
def test_a_record_cannot_be_changed(record: Record, other: Record) -> None:
    name = record.record_fields[0]
    with pytest.raises(FrozenInstanceError):
        setattr(record, name, getattr(other, name))
    with pytest.raises(FrozenInstanceError):
        delattr(record, name)
    with pytest.raises(FrozenInstanceError):
        record.not_a_field = 1
    assert not hasattr(record, "__dict__")


@pytest.mark.parametrize(("record", "other"), EXAMPLES)
def test_a_record_survives_pickling_and_copies(record: Record, other: Record) -> None:
    for again in (
        pickle.loads(pickle.dumps(record)),
        copy.copy(record),
        copy.deepcopy(record),
    ):
        assert again == record
        assert type(again) is type(record)
    assert pickle.loads(pickle.dumps(other)) == other


def test_an_unhashable_field_makes_the_record_unhashable_as_in_a_dataclass() -> None:
    from cockpit_tui.ui.board.pane import MoveRead

    read = MoveRead(attention=1, counts={Status.NEW: 1}, shown=False, rank=0, around=None)
    with pytest.raises(TypeError):
        hash(read)
    with pytest.raises(TypeError):
        hash(_twin(read))


def test_lead_filter_changes_keep_the_other_filters() -> None:
    mine = LeadFilter(search="onix", source="OLX", salesperson="Ana")
    assert mine.with_search("civic") == LeadFilter("civic", frozenset(), "OLX", "Ana")
    toggled = mine.toggled(QuickFilter.MINE).toggled(QuickFilter.UNASSIGNED)
    assert toggled == LeadFilter("onix", frozenset({QuickFilter.UNASSIGNED}), "OLX", "Ana")
