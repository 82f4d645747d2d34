"""An open board runs the rescue once a minute and alerts what it did (issue 15)."""

from __future__ import annotations

from cockpit_tui.domain.alerts import AlertKind, AlertMode
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.ui.board.alerts import RESCUE_SECONDS, BoardAlerts, alert_text
from tests.conftest import services_for, tick
from tests.services.test_distribution import ingest, lead_event, on_duty, round_robin


def test_an_open_board_rescues_once_a_minute_and_then_alerts_it(
    services: Services, store_url: str, clock: FrozenClock
) -> None:
    round_robin(services)
    on_duty(services, "Bianca Lima", "Carla Mendes")
    bianca = services_for(store_url, "Bianca Lima", clock)
    seconds = [0.0]
    try:
        watch = BoardAlerts(bianca, AlertMode.ON, monotonic=lambda: seconds[0])
        assert watch.check() == []  # the starting point
        ingest(services, lead_event(1, name="Maria Souza", source="Webmotors"))
        assert [a.kind for a in watch.check()] == [AlertKind.NEW_LEAD]
        tick(clock, 31)
        seconds[0] = RESCUE_SECONDS - 1
        watch.check()
        assert bianca.leads.get(1).assigned_to == "Bianca Lima", "not a minute yet"
        seconds[0] = RESCUE_SECONDS
        watch.check()
        assert bianca.leads.get(1).assigned_to == "Carla Mendes"
        found = watch.check()
        assert [alert_text(a, Translator("pt")) for a in found] == [
            "Maria Souza — Webmotors: sem primeira resposta no prazo, foi repassado para "
            "Carla Mendes"
        ]
    finally:
        bianca.close()
