"""Issue 15 from the command line: ``cockpit add`` is distributed, ``cockpit ingest`` rescues."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cockpit_tui.services import open_services
from cockpit_tui.services.clock import FrozenClock
from tests.cli.conftest import run


def on_duty_with_round_robin(capsys: pytest.CaptureFixture[str], db: str) -> None:
    for argv in (
        ("settings", "distribution", "round-robin"),
        ("team", "add", "Bianca Lima"),
        ("team", "add", "Carla Mendes"),
        ("duty", "in", "Bianca Lima"),
        ("duty", "in", "Carla Mendes"),
    ):
        assert run(capsys, "--db", db, *argv)[0] == 0


def test_a_lead_added_without_a_salesperson_goes_to_the_next_on_duty(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    on_duty_with_round_robin(capsys, db)
    owners = []
    for name, phone in (("Maria Souza", "(11) 98765-4321"), ("João Lima", "(11) 98765-1111")):
        code, out, _ = run(capsys, "--db", db, "add", "--name", name, "--phone", phone, "--json")
        assert code == 0
        owners.append(json.loads(out)["assigned_to"])
    assert owners == ["Bianca Lima", "Carla Mendes"]


def test_ingest_rescues_the_leads_nobody_answered_in_time(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    on_duty_with_round_robin(capsys, db)
    # The command runs on the real clock: a lead given to Bianca ten days ago is long due.
    services = open_services(
        db, actor="Ana", clock=FrozenClock(datetime.now(UTC) - timedelta(days=10))
    )
    try:
        old = services.leads.add(name="Maria Souza", phone="(11) 98765-4321")
        assert services.leads.get(old.id).assigned_to == "Bianca Lima"
    finally:
        services.close()
    feed = tmp_path / "feed.ndjson"
    event = {"event": "lead.created", "id": "e1", "lead": {"name": "João", "phone": "11912345678"}}
    feed.write_text(json.dumps(event) + "\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "ingest", str(feed))
    assert code == 0
    assert "Resgate: 1 lead sem primeira resposta no prazo repassado." in err
    services = open_services(db, actor="Ana")
    try:
        assert services.leads.get(old.id).assigned_to == "Carla Mendes"
        assert services.leads.get(2).assigned_to == "Carla Mendes", "the new lead: Carla's turn"
    finally:
        services.close()
