"""`cockpit duty` and `cockpit rescue`, and the history lines they leave."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cockpit_tui.domain.models import Assignment
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.services import open_services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.ui.lead_text import describe_entry
from tests.cli.conftest import run
from tests.conftest import NOW


def test_duty_in_out_and_listing(capsys: pytest.CaptureFixture[str], db: str) -> None:
    assert run(capsys, "--db", db, "duty")[1] == (
        "Ninguém está na loja. Entre com: cockpit duty in NOME\n"
    )
    code, _, err = run(capsys, "--db", db, "duty", "in", "Bianca Lima")
    assert (code, err.strip()) == (
        1,
        "Bianca Lima não faz parte da equipe. Veja a equipe com: cockpit team",
    )
    run(capsys, "--db", db, "team", "add", "Bianca Lima")
    run(capsys, "--db", db, "team", "add", "Carla Mendes")
    assert run(capsys, "--db", db, "duty", "in", "Bianca Lima")[1].startswith(
        "Bianca Lima está na loja e entra no rodízio.\n"
    )
    assert "já estava na loja" in run(capsys, "--db", db, "duty", "in", "Bianca Lima")[1]
    run(capsys, "--db", db, "duty", "in", "Carla Mendes")
    code, out, _ = run(capsys, "--db", db, "duty", "--json")
    assert [member["name"] for member in json.loads(out)["on_duty"]] == [
        "Bianca Lima",
        "Carla Mendes",
    ]
    out = run(capsys, "--db", db, "--lang", "en", "duty", "out", "Carla Mendes")[1]
    assert out.splitlines()[0] == "Carla Mendes is off duty and out of the rotation."
    assert "Carla" not in run(capsys, "--db", db, "duty")[1]
    code, _, err = run(capsys, "--db", db, "duty", "in")
    assert (code, err.strip()) == (1, "Informe o nome: cockpit duty in NOME")


def test_rescue_from_the_command_line(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, err = run(capsys, "--db", db, "rescue")
    assert (code, out) == (0, "")
    assert err.startswith("O resgate está desligado")
    # The command runs on the real clock: one lead assigned ten days ago, one just now.
    real_now = datetime.now(UTC)
    services = open_services(db, actor="Ana", clock=FrozenClock(real_now - timedelta(days=10)))
    try:
        services.settings.set_value("distribution", "round-robin")
        for name in ("Bianca Lima", "Carla Mendes"):
            services.team.add(name)
            services.team.start_duty(name)
        # Added without a salesperson: the round-robin gives it to Bianca, first in turn.
        old = services.leads.add(name="Maria Souza", phone="(11) 98765-4321")
        assert services.leads.get(old.id).assigned_to == "Bianca Lima"
    finally:
        services.close()
    services = open_services(db, actor="Ana", clock=FrozenClock(real_now))
    try:
        fresh = services.leads.add(name="João Lima", phone="(11) 98765-1111")
        services.leads.assign(fresh.id, "Bianca Lima")
    finally:
        services.close()
    code, out, _ = run(capsys, "--db", db, "rescue")
    assert code == 0
    assert re.fullmatch(
        rf"Lead #{old.id}: de Bianca Lima para Carla Mendes \(\d+ min úteis sem resposta\)\n", out
    )
    assert run(capsys, "--db", db, "rescue")[1] == "Nenhum lead para resgatar.\n"
    services = open_services(db, actor="Ana", clock=FrozenClock(real_now))
    try:
        detail = services.leads.detail(old.id)
        assert services.leads.get(fresh.id).assigned_to == "Bianca Lima"
    finally:
        services.close()
    lines = [
        describe_entry(entry, detail, t=Translator(lang))
        for lang in ("pt", "en")
        for entry in detail.history
        if isinstance(entry.item, Assignment)
    ]
    assert lines == [
        "distribuído para Bianca Lima (rodízio)",
        "repassado para Carla Mendes (resgate: sem primeira resposta no prazo)",
        "distributed to Bianca Lima (round-robin)",
        "handed to Carla Mendes (rescue: no first response in time)",
    ]


def test_round_robin_history_line_and_rescue_json(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    for argv in (
        ("settings", "distribution", "round-robin"),
        ("team", "add", "Diego Fernandes"),
        ("duty", "in", "Diego Fernandes"),
    ):
        assert run(capsys, "--db", db, *argv)[0] == 0
    feed = tmp_path / "feed.ndjson"
    feed.write_text(
        json.dumps(
            {"event": "lead.created", "id": "e1", "lead": {"name": "João", "phone": "11987654321"}}
        )
        + "\n",
        encoding="utf-8",
    )
    assert run(capsys, "--db", db, "ingest", str(feed))[0] == 0
    services = open_services(db, actor="Ana", clock=FrozenClock(NOW))
    try:
        detail = services.leads.detail(1)
    finally:
        services.close()
    assert detail.card.assigned_to == "Diego Fernandes"
    entries = [entry for entry in detail.history if isinstance(entry.item, Assignment)]
    assert describe_entry(entries[0], detail, t=Translator("pt")) == (
        "distribuído para Diego Fernandes (rodízio)"
    )
    assert json.loads(run(capsys, "--db", db, "rescue", "--json")[1]) == []
