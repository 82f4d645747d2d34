"""A customer with a row in every table that can refer to a person, and the tools to find them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa

from cockpit_tui.domain.consent import Channel, ConsentSource, ConsentState
from cockpit_tui.domain.lead_edits import EditableField
from cockpit_tui.domain.models import AppointmentKind, LostReason, PaymentMethod
from cockpit_tui.domain.plans import Plan
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.consent import ConsentService
from cockpit_tui.services.customers import CustomerService
from tests.conftest import tick

#: Text of the person that must vanish on erasure (as typed, stored and folded).
NEEDLES = (
    "quintanilha",
    "gervásia",
    "gervasia",
    "98765-4321",
    "987654321",
    "gq.lgpd@example.com",
    "abc1d23",
    "ext-gq-77",
)


@dataclass(frozen=True, slots=True)
class Person:
    """The customer the tests export and erase, and a bystander who must stay."""

    customer_id: int
    lead_ids: tuple[int, ...]
    other_customer_id: int
    other_lead_id: int


def customers_of(services: Services) -> CustomerService:
    """The customer-rights service of an open store."""
    return CustomerService(services.store, actor=services.actor, clock=services.clock)


def fill_person(services: Services, clock: FrozenClock, folder: Path) -> Person:
    """A customer with two negotiations touching every table that refers to a lead or customer."""
    tick(clock)
    first = services.leads.add(
        name="Gervásia Quintanilha",
        phone="(11) 98765-4321",
        email="GQ.lgpd@example.com",
        vehicle="Jeep Compass Longitude 2.0 2021",
        price=Decimal("139900"),
        source="Webmotors",
        external_id="ext-gq-77",
        message="Olá, sou a Gervásia, meu carro tem placa ABC1D23",
    )
    tick(clock)
    sheet = folder / "planilha.csv"
    sheet.write_text(
        "nome;telefone;mensagem;consentimento\n"
        "Gervásia Quintanilha;11 98765-4321;Ainda tenho interesse;whatsapp, email\n",
        encoding="utf-8",
    )
    services.intake.import_file(sheet)
    event = {
        "event": "lead.created",
        "id": "evt-gq-1",
        "lead": {"name": "Gervásia Q.", "phone": "11987654321", "consent": {"sms": False}},
    }
    services.intake.ingest([json.dumps(event)], on_problem=lambda problem: None)
    tick(clock)
    services.leads.record_inbound(first.id, "Quintanilha aqui de novo: 11 98765-4321")
    tick(clock)
    services.leads.mark_handled(first.id)  # an "atendido" (issue 13): a row of its own
    tick(clock)
    reply = services.leads.reply(first.id, "Bom dia, Gervásia! Pode vir amanhã.")
    services.leads.acknowledge_delivery(reply.id)
    services.templates.save("Retomar", "Oi, {nome}! Ainda procura?")
    retake = services.templates.link_whatsapp("Retomar", "retomar", "pt_BR")
    sent = services.replies.send_template(first.id, retake)  # her name is a parameter
    services.leads.acknowledge_delivery(sent.id)
    services.leads.add_note(first.id, "Gervásia prefere gq.lgpd@example.com")
    services.edits.edit(first.id, {EditableField.NAME: "Gervásia Q. Quintanilha"})
    services.edits.edit(first.id, {EditableField.NAME: "Gervásia Quintanilha"})  # typed back
    services.leads.assign(first.id, "Bianca")
    services.team.add("Bianca")
    tick(clock)
    services.appointments.schedule(
        first.id, AppointmentKind.VISIT, clock.now() + timedelta(days=1), plan=Plan.SMART_PLUS
    )
    tick(clock)
    services.leads.move(first.id, Status.SOLD)
    services.outcomes.record_sale(
        first.id,
        price=Decimal("135000"),
        payment_method=PaymentMethod.TRADE_IN,
        trade_in="Gol da Gervásia placa ABC1D23",
    )
    tick(clock)
    second = services.leads.new_negotiation(first.id)
    services.leads.move(second.id, Status.LOST)
    services.outcomes.record_loss(
        second.id, reason=LostReason.OTHER, note="Quintanilha comprou em outra loja"
    )
    ConsentService(services.store, actor="Ana", clock=clock).record_consent(
        first.customer_id, Channel.WHATSAPP, ConsentState.GRANTED, source=ConsentSource.LEAD_SCREEN
    )
    tick(clock)
    other = services.leads.add(name="Otávio Bystander", phone="(21) 99876-5432", message="Oi")
    return Person(first.customer_id, (first.id, second.id), other.customer_id, other.id)


@pytest.fixture
def person(services: Services, clock: FrozenClock, tmp_path: Path) -> Person:
    """:func:`fill_person` on the test's store."""
    return fill_person(services, clock, tmp_path)


def cells_holding(engine: sa.Engine, needles: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """Every (table, column, needle) where a cell of the live database holds a needle.

    Reads every table the database has (not only the models: the search
    index and, on SQLite, its shadow tables too), every column as text.
    """
    hits = []
    with engine.connect() as connection:
        inspector = sa.inspect(connection)
        for table in inspector.get_table_names():
            columns = [column["name"] for column in inspector.get_columns(table)]
            rows = connection.execute(sa.text(f'SELECT * FROM "{table}"')).all()
            for row in rows:
                for column, value in zip(columns, row, strict=True):
                    if value is None:
                        continue
                    if isinstance(value, bytes | memoryview):
                        shown = bytes(value).decode("latin-1")
                    else:
                        shown = str(value)
                    for needle in needles:
                        if needle in shown.lower():
                            hits.append((table, column, needle))
        connection.rollback()
    return hits
