"""`customer erase`: the person is gone from every table, the store's numbers stay."""

from __future__ import annotations

import contextlib
from collections import Counter
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from cockpit_tui.domain.filters import LeadFilter
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services, open_services
from cockpit_tui.services.audit import audit_records
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.customers import CustomerNotFoundError, DeliveryInFlightError
from cockpit_tui.store import scrub
from tests.rights.conftest import NEEDLES, Person, cells_holding, customers_of, fill_person


def report_counts(services: Services) -> dict[str, object]:
    """What reports count: leads per status, outcomes, messages, moves, appointments."""
    with services.store.engine.connect() as connection:

        def grouped(sql: str) -> Counter[tuple[object, ...]]:
            return Counter({tuple(row[:-1]): row[-1] for row in connection.execute(sa.text(sql))})

        return {
            "statuses": services.board.counts(),
            "outcomes": grouped(
                "SELECT kind, lost_reason, price, COUNT(*) FROM outcome GROUP BY 1, 2, 3"
            ),
            "messages": grouped("SELECT direction, COUNT(*) FROM message GROUP BY 1"),
            "moves": grouped("SELECT to_status, COUNT(*) FROM status_change GROUP BY 1"),
            "appointments": grouped("SELECT kind, COUNT(*) FROM appointment GROUP BY 1"),
            "times": grouped(
                "SELECT created_at, last_activity_at, COUNT(*) FROM lead GROUP BY 1, 2"
            ),
        }


def search(services: Services, text: str) -> set[int]:
    where = services.board.scope(LeadFilter(search=text))
    assert where is not None
    return {
        card.id
        for status in Status
        for card in services.board.cards_at(status, offset=0, limit=100, where=where)
    }


def test_erase_leaves_no_trace_in_any_table_and_keeps_the_counts(
    services: Services, person: Person
) -> None:
    engine = services.store.engine
    before = report_counts(services)
    # The check sees the person where they are before the erasure.
    assert {hit[0] for hit in cells_holding(engine, NEEDLES)} >= {
        "customer",
        "lead",
        "message",
        "note",
        "outcome",
        "whatsapp_template_reply",
        "lead_search_content" if services.store.url.is_sqlite else "lead_search",
    }
    assert search(services, "quintanilha") == set(person.lead_ids)

    erased = customers_of(services).erase(person.customer_id)

    assert cells_holding(engine, NEEDLES) == []
    assert erased.name == f"Cliente removido #{person.customer_id}"
    assert (erased.phone, erased.email) == (None, None)
    assert erased.erased_at == services.clock.now()
    assert report_counts(services) == before
    for typed in ("quintanilha", "gervasia", "98765-4321", "11987654321", "gq.lgpd"):
        assert search(services, typed) == set(), typed
    assert search(services, "cliente removido") == set(person.lead_ids)
    # The bystander keeps everything, and is still found.
    assert search(services, "bystander") == {person.other_lead_id}
    assert services.leads.get(person.other_lead_id).phone == "+5521998765432"
    assert services.leads.outbox() == []
    records = audit_records(services.store)
    assert [(r.action, r.customer_id, r.actor) for r in records] == [
        ("customer.erase", person.customer_id, "Ana")
    ]
    # Boards see the change through the change log.
    kinds = [change.kind for change in services.board.changes_since(0)]
    assert kinds.count("customer.erased") == len(person.lead_ids)


def test_erase_is_refused_while_a_reply_awaits_delivery(services: Services, person: Person) -> None:
    waiting = services.leads.reply(person.lead_ids[1], "Gervásia, temos novidades")
    customers = customers_of(services)
    with pytest.raises(DeliveryInFlightError) as refused:
        customers.erase(person.customer_id)
    assert refused.value.values == {"customer_id": person.customer_id, "ids": str(waiting.id)}
    assert customers.get(person.customer_id).name == "Gervásia Quintanilha"
    assert audit_records(services.store) == []
    services.leads.acknowledge_delivery(waiting.id)
    customers.erase(person.customer_id)
    assert cells_holding(services.store.engine, NEEDLES) == []


def test_erasing_an_unknown_customer_changes_nothing(services: Services, person: Person) -> None:
    with pytest.raises(CustomerNotFoundError):
        customers_of(services).erase(12345)
    assert audit_records(services.store) == []


def _file_bytes(path: Path) -> bytes:
    found = b""
    for suffix in ("", "-wal", "-journal"):
        part = path.with_name(path.name + suffix)
        if part.exists():
            found += part.read_bytes()
    return found


@pytest.mark.parametrize("scrubbed", [True, False], ids=["secure-delete", "control"])
def test_the_sqlite_file_keeps_no_copy_of_the_erased_text(
    tmp_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch, scrubbed: bool
) -> None:
    """Free space inside pages, freelist pages and the write-ahead log are all read.

    The store's connections start with ``secure_delete`` off, as most SQLite
    builds do (Debian's defaults to on). The control run erases without
    turning it on and shows the text would stay behind.
    """
    path = tmp_path / "scrub.sqlite"
    services = open_services(f"sqlite:///{path}", actor="Ana", clock=clock)
    event.listen(
        services.store.engine,
        "connect",
        lambda connection, _record: connection.execute("PRAGMA secure_delete = 0"),
    )
    services.store.engine.dispose()  # the connections opened while migrating predate it
    person = fill_person(services, clock, tmp_path)
    raw = _file_bytes(path).lower()
    assert b"quintanilha" in raw  # the check can see the text while it is there
    if not scrubbed:
        monkeypatch.setattr(scrub, "overwriting_freed_space", lambda _s: contextlib.nullcontext())
    customers_of(services).erase(person.customer_id)
    with services.store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 0  # restored
    services.close()
    raw = _file_bytes(path).lower()
    left = [needle for needle in NEEDLES if needle.encode() in raw]
    if scrubbed:
        assert left == []
    else:
        assert "quintanilha" in left
