"""The alert rules: who is alerted of a new lead, a reply, an SLA about to pass, a rescue."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cockpit_tui.domain.alerts import Alert, AlertKind, AlertMode
from cockpit_tui.domain.lead_entry import NewLead
from cockpit_tui.services import Services
from cockpit_tui.services.alerts import AlertCursor
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.rescue import RescueService
from tests.conftest import services_for, tick
from tests.services.test_distribution import ingest, lead_event, on_duty, round_robin


class Board:
    """One salesperson's open board, as far as alerts go."""

    def __init__(self, services: Services, mode: AlertMode = AlertMode.ON) -> None:
        self.services = services
        self.mode = mode
        self.cursor: AlertCursor = services.alerts.start()

    def alerts(self) -> list[tuple[AlertKind, str, str | None, str | None]]:
        self.cursor, found = self.services.alerts.read(self.cursor, mode=self.mode)
        return [summary(alert) for alert in found]


def summary(alert: Alert) -> tuple[AlertKind, str, str | None, str | None]:
    return alert.kind, alert.customer_name, alert.source, alert.other


@pytest.fixture
def bruno(store_url: str, clock: FrozenClock) -> Iterator[Services]:
    opened = services_for(store_url, "Bruno", clock)
    yield opened
    opened.close()


def test_a_new_lead_and_a_reply_alert_who_may_answer_them(
    services: Services, bruno: Services
) -> None:
    ana, ana_mine, ana_off = (
        Board(services),
        Board(services, AlertMode.MINE),
        Board(services, AlertMode.OFF),
    )
    brunos = Board(bruno)
    ingest(bruno, lead_event(1, name="Maria Souza", source="Webmotors"))
    bruno.leads.add(name="Pedro Lima", phone="(11) 91234-5678", source="OLX")
    bruno.leads.assign(2, "Bruno")
    assert ana.alerts() == [
        (AlertKind.NEW_LEAD, "Maria Souza", "Webmotors", None),
    ], "Pedro went to Bruno: not Ana's to answer"
    assert brunos.alerts() == [
        (AlertKind.NEW_LEAD, "Maria Souza", "Webmotors", None),
        (AlertKind.NEW_LEAD, "Pedro Lima", "OLX", None),
    ], "the intake is the customer's doing even when Bruno ran it"
    assert ana_mine.alerts() == []
    assert ana_off.alerts() == []

    services.leads.assign(1, "Ana")
    bruno.leads.record_inbound(1, "Aceita troca?")
    bruno.leads.record_inbound(2, "Ainda tem?")
    assert ana.alerts() == [(AlertKind.REPLY, "Maria Souza", "Webmotors", None)]
    assert ana_mine.alerts() == [(AlertKind.REPLY, "Maria Souza", "Webmotors", None)]
    assert brunos.alerts() == [(AlertKind.REPLY, "Pedro Lima", "OLX", None)]
    assert ana_off.alerts() == []
    assert ana.alerts() == [], "each change alerts once"


def test_nothing_alerts_for_the_users_own_actions(services: Services, bruno: Services) -> None:
    ana, brunos = Board(services), Board(bruno)
    walk_in = NewLead(name="Carlos Pereira", phone="(11) 98765-4321", source="Loja (presencial)")
    services.entry.create(walk_in, assign_to=None)
    services.leads.reply(1, "Olá Carlos!")
    services.leads.mark_handled(1)
    assert ana.alerts() == []
    assert brunos.alerts() == [(AlertKind.NEW_LEAD, "Carlos Pereira", "Loja (presencial)", None)]


def test_a_lead_about_to_pass_its_sla_alerts_once_more(
    services: Services, bruno: Services, clock: FrozenClock
) -> None:
    ana = Board(services)
    ingest(bruno, lead_event(1, name="Maria Souza", source="Webmotors"))
    answered = bruno.leads.add(name="Pedro Lima", phone="(11) 91234-5678")
    assert [kind for kind, *_ in ana.alerts()] == [AlertKind.NEW_LEAD, AlertKind.NEW_LEAD]
    tick(clock, 1)
    bruno.leads.reply(answered.id, "Olá Pedro")
    tick(clock, 1.5)
    assert ana.alerts() == [], "2.5 of 5 minutes: not yet"
    tick(clock, 0.5)  # 3 minutes: the last 40 % of the SLA begins
    assert ana.alerts() == [(AlertKind.DUE_SOON, "Maria Souza", "Webmotors", None)]
    tick(clock, 1)
    assert ana.alerts() == [], "it alerted once"
    tick(clock, 5)
    assert ana.alerts() == [], "past the SLA it is counted in the header, not rung again"


def test_a_lead_assigned_to_someone_else_is_not_an_sla_alert(
    services: Services, bruno: Services, clock: FrozenClock
) -> None:
    ana, brunos = Board(services), Board(bruno, AlertMode.MINE)
    bruno.leads.add(name="Pedro Lima", phone="(11) 91234-5678")
    bruno.leads.assign(1, "Bruno")
    ana.alerts(), brunos.alerts()
    tick(clock, 3)
    assert ana.alerts() == []
    assert brunos.alerts() == [(AlertKind.DUE_SOON, "Pedro Lima", None, None)]


def test_a_rescue_alerts_both_salespeople(
    services: Services, store_url: str, clock: FrozenClock
) -> None:
    round_robin(services)
    on_duty(services, "Bianca Lima", "Carla Mendes")
    bianca = services_for(store_url, "Bianca Lima", clock)
    carla = services_for(store_url, "Carla Mendes", clock)
    try:
        ingest(services, lead_event(1, name="Maria Souza", source="Webmotors"))
        biancas, carlas = Board(bianca), Board(carla, AlertMode.MINE)
        tick(clock, 31)
        rescued = RescueService(services.store, actor="Ana", clock=clock).run()
        assert [(r.from_salesperson, r.to_salesperson) for r in rescued] == [
            ("Bianca Lima", "Carla Mendes")
        ]
        assert biancas.alerts() == [
            (AlertKind.RESCUED_FROM, "Maria Souza", "Webmotors", "Carla Mendes")
        ]
        assert carlas.alerts() == [
            (AlertKind.RESCUED_TO, "Maria Souza", "Webmotors", "Bianca Lima")
        ]
    finally:
        bianca.close()
        carla.close()


def test_the_palette_toggle_cycles_the_modes() -> None:
    assert [AlertMode.ON.following(), AlertMode.MINE.following(), AlertMode.OFF.following()] == [
        AlertMode.MINE,
        AlertMode.OFF,
        AlertMode.ON,
    ]
