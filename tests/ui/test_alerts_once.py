"""An alert rings once even when two of the poll's checks overlap (under load they did)."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from cockpit_tui.domain.alerts import Alert, AlertKind, AlertMode
from cockpit_tui.services import Services
from cockpit_tui.ui.board.alerts import BoardAlerts
from tests.services.test_distribution import ingest, lead_event


def test_two_overlapping_checks_alert_a_new_lead_once(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    watch = BoardAlerts(services, AlertMode.ON)
    assert watch.check() == []  # the starting point
    ingest(services, lead_event(1, name="Maria Souza", source="Webmotors"))
    alerts = services.alerts
    read = alerts.read
    first_inside, let_go = threading.Event(), threading.Event()
    reads: list[int] = []

    def held_read(*args: Any, **kwargs: Any) -> Any:
        reads.append(1)
        if len(reads) == 1:
            first_inside.set()
            let_go.wait(5)
        return read(*args, **kwargs)

    monkeypatch.setattr(alerts, "read", held_read)
    found: list[list[Alert]] = []
    first = threading.Thread(target=lambda: found.append(watch.check()))
    first.start()
    assert first_inside.wait(5)
    second = threading.Thread(target=lambda: found.append(watch.check()))
    second.start()
    # The second check must not read the same entries while the first is inside.
    second.join(0.2)
    overlapped = len(reads) > 1
    let_go.set()
    first.join(5)
    second.join(5)
    assert not overlapped, "the second check read while the first was reading"
    assert sorted(len(batch) for batch in found) == [0, 1]
    assert [a.kind for batch in found for a in batch] == [AlertKind.NEW_LEAD]
