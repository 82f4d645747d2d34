"""A burst of alerts (an import of thousands of leads) is one notice at a time, not a pile."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from cockpit_tui.domain.alerts import Alert, AlertKind, AlertMode
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.ui.board.alerts import BoardAlerts
from tests.conftest import services_for


class Surface:
    """Records what the alerts showed; its timers fire when the test says the time passed."""

    def __init__(self) -> None:
        self.notices: list[str] = []
        self.bells = 0
        self.timers: list[Callable[[], object]] = []

    def bell(self) -> None:
        self.bells += 1

    def notify(self, message: str, *, title: str = "", timeout: float | None = None) -> None:
        self.notices.append(message)

    def set_timer(self, delay: float, callback: Callable[[], object]) -> object:
        self.timers.append(callback)
        return None

    def time_passes(self) -> None:
        timers, self.timers = self.timers, []
        for callback in timers:
            callback()


@pytest.fixture
def watch(sqlite_url: str, clock: FrozenClock) -> Iterator[BoardAlerts]:
    """A board's alerts (showing them reads nothing: one backend is enough)."""
    services = services_for(sqlite_url, "Ana", clock)
    try:
        yield BoardAlerts(services, AlertMode.ON)
    finally:
        services.close()


def new_leads(first: int, count: int) -> list[Alert]:
    return [
        Alert(AlertKind.NEW_LEAD, n, f"Cliente {n}", "Webmotors", None)
        for n in range(first, first + count)
    ]


def test_an_imports_alerts_show_one_notice_at_a_time(watch: BoardAlerts) -> None:
    app, t = Surface(), Translator("pt")
    watch.show(app, new_leads(0, 5000), t)
    assert app.notices == ["Lead novo: Cliente 0 — Webmotors\ne mais 4999 alertas"]
    for chunk in range(1, 6):  # the polls while the notice shows: held, not piled on
        watch.show(app, new_leads(chunk * 5000, 5000), t)
    assert len(app.notices) == 1
    assert app.bells == 1
    app.time_passes()
    assert app.notices[1:] == ["Lead novo: Cliente 5000 — Webmotors\ne mais 24999 alertas"]
    app.time_passes()
    assert len(app.notices) == 2, "nothing more was held"
    watch.show(app, new_leads(90, 1), t)
    assert app.notices[2:] == ["Lead novo: Cliente 90 — Webmotors"], "the burst is over"


def test_a_lead_arriving_during_a_burst_is_named_when_the_notice_goes(watch: BoardAlerts) -> None:
    app, t = Surface(), Translator("pt")
    watch.show(app, new_leads(0, 40), t)
    watch.show(app, [Alert(AlertKind.REPLY, 7, "Maria Souza", "WhatsApp", None)], t)
    app.time_passes()
    assert app.notices[1:] == ["Maria Souza respondeu — WhatsApp"]
    assert app.bells == 2


def test_a_few_alerts_are_each_their_own_notice(watch: BoardAlerts) -> None:
    app, t = Surface(), Translator("pt")
    watch.show(app, new_leads(0, 3), t)
    assert app.notices == [f"Lead novo: Cliente {n} — Webmotors" for n in range(3)]
    assert app.timers == [], "no burst: nothing held"


def test_alerts_turned_off_during_a_burst_show_nothing_more(watch: BoardAlerts) -> None:
    app, t = Surface(), Translator("pt")
    watch.show(app, new_leads(0, 5000), t)
    watch.show(app, new_leads(5000, 5000), t)
    watch.mode = AlertMode.OFF
    app.time_passes()
    assert len(app.notices) == 1
    assert app.bells == 1
