"""`customer find` and `customer export`: the person's data, all of it, in one document."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services
from cockpit_tui.services.audit import audit_records
from cockpit_tui.services.customers import CustomerNotFoundError
from cockpit_tui.store import tables  # noqa: F401 - registers every model
from tests.rights.conftest import Person, customers_of

_PERSON_TABLES = ("customer", "lead")


def _refers_to_person(column: sa.Column[Any]) -> bool:
    """A column that points at a customer or a lead: a foreign key, or named like one."""
    if any(key.column.table.name in _PERSON_TABLES for key in column.foreign_keys):
        return True
    return column.name in ("customer_id", "lead_id")


def person_tables(metadata: sa.MetaData) -> list[sa.Table]:
    """Every table that can hold a row about a customer: the two, and all that refer to them."""
    return [
        table
        for table in metadata.sorted_tables
        if table.name in _PERSON_TABLES or any(_refers_to_person(c) for c in table.columns)
    ]


def rows_about(
    connection: sa.Connection, table: sa.Table, customer_id: int, lead_ids: Iterable[int]
) -> set[object]:
    """The primary keys of ``table``'s rows about this customer or their leads."""
    ids = list(lead_ids)
    if table.name == "customer":
        condition: Any = table.c.id == customer_id
    elif table.name == "lead":
        condition = table.c.id.in_(ids)
    else:
        conditions = []
        for column in table.columns:
            if not _refers_to_person(column):
                continue
            pointed = {key.column.table.name for key in column.foreign_keys}
            if "customer" in pointed or column.name == "customer_id":
                conditions.append(column == customer_id)
            else:
                conditions.append(column.in_(ids))
        condition = sa.or_(*conditions)
    keys = list(table.primary_key.columns)
    return {tuple(row) for row in connection.execute(sa.select(*keys).where(condition))}


def named_in_export(document: Any, table: sa.Table) -> set[object]:
    """The primary keys of ``table``'s rows the export names, wherever they sit in it."""
    names = [key.name for key in table.primary_key.columns]
    found: set[object] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for name, value in node.items():
                items = value if isinstance(value, list) else [value]
                if name == table.name:
                    found.update(
                        tuple(item[name] for name in names)
                        for item in items
                        if isinstance(item, dict) and all(name in item for name in names)
                    )
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(document)
    return found


def stored_about(
    engine: sa.Engine, tables_checked: list[sa.Table], person: Person
) -> dict[sa.Table, set[object]]:
    """The primary keys of every row about the person, by table."""
    with engine.connect() as connection:
        return {
            table: rows_about(connection, table, person.customer_id, person.lead_ids)
            for table in tables_checked
        }


def missing_from_export(
    stored: dict[sa.Table, set[object]], document: Any
) -> dict[str, set[object]]:
    """Rows about the person the export does not name, by table; tables with no row fail too."""
    missing: dict[str, set[object]] = {}
    for table, keys in stored.items():
        if not keys:
            missing[table.name] = {"<the fixture fills no row here: add one to fill_person>"}
            continue
        absent = keys - named_in_export(document, table)
        if absent:
            missing[table.name] = absent
    return missing


def test_find_by_phone_email_and_part_of_the_name(services: Services, person: Person) -> None:
    customers = customers_of(services)
    for criterion in (
        {"phone": "+55 11 98765-4321"},
        {"email": " gq.LGPD@example.com "},
        {"name": "quintanilha"},
        {"name": "GERVASIA"},
    ):
        found = customers.find(**criterion)
        assert [customer.id for customer in found] == [person.customer_id], criterion
    (customer,) = customers.find(phone="11987654321")
    assert customer.name == "Gervásia Quintanilha"
    assert [(lead.lead_id, lead.status) for lead in customer.negotiations] == [
        (person.lead_ids[0], Status.SOLD),
        (person.lead_ids[1], Status.LOST),
    ]
    assert customer.last_activity_at is not None
    assert customers.find(name="ninguém") == []
    with pytest.raises(InvalidInputError):
        customers.find(phone="123")
    with pytest.raises(InvalidInputError):
        customers.find(phone="11987654321", name="x")


def test_the_export_names_every_row_of_every_table_about_the_person(
    services: Services, person: Person
) -> None:
    customers = customers_of(services)
    customers.export(person.customer_id)  # an earlier export: its audit row is about her too
    checked = person_tables(SQLModel.metadata)
    assert {"message", "note", "consent", "audit", "change_log"} <= {t.name for t in checked}
    stored = stored_about(services.store.engine, checked, person)
    progress: list[tuple[int, int]] = []
    document = customers.export(person.customer_id, on_progress=lambda *p: progress.append(p))
    assert missing_from_export(stored, document) == {}
    assert progress[-1] == (2, 2)
    texts = [m["body"] for lead in document["lead"] for m in lead["message"]]
    assert "Quintanilha aqui de novo: 11 98765-4321" in texts
    delivered = [m for lead in document["lead"] for m in lead["message"] if m["direction"] == "out"]
    assert delivered[0]["delivered_at"] is not None
    # Nobody else's data rides along.
    assert "Bystander" not in str(document)


def test_the_completeness_check_fails_for_a_table_the_export_ignores(
    services: Services, person: Person
) -> None:
    """A future table that refers to a lead, unknown to the export, makes the check fail."""
    metadata = sa.MetaData()
    for table in SQLModel.metadata.sorted_tables:
        table.to_metadata(metadata)
    loyalty = sa.Table(
        "loyalty_card",
        metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("lead_id", sa.Integer, sa.ForeignKey("lead.id"), nullable=False),
    )
    engine = services.store.engine
    loyalty.create(engine)
    with engine.begin() as connection:
        connection.execute(sa.insert(loyalty).values(id=7, lead_id=person.lead_ids[1]))
    customers_of(services).export(person.customer_id)  # an audit row about her
    stored = stored_about(engine, person_tables(metadata), person)
    document = customers_of(services).export(person.customer_id)
    assert missing_from_export(stored, document) == {"loyalty_card": {(7,)}}


def test_every_export_is_audited_and_an_unknown_id_is_refused(
    services: Services, person: Person
) -> None:
    customers = customers_of(services)
    customers.export(person.customer_id)
    with pytest.raises(CustomerNotFoundError):
        customers.export(999)
    records = audit_records(services.store)
    assert [(r.action, r.customer_id, r.actor) for r in records] == [
        ("customer.export", person.customer_id, "Ana")
    ]
