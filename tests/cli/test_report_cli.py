"""``cockpit report``: the JSON, the CSV and the messages for a bad period."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from cockpit_tui.services import open_services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.demo import seed_demo_store
from tests.cli.conftest import run
from tests.conftest import NOW


@pytest.fixture
def demo_db(db: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The demo leads, and a system clock frozen at the suite's now."""
    monkeypatch.setattr("cockpit_tui.services.clock.SystemClock.now", lambda self: NOW)
    services = open_services(db, actor="setup", clock=FrozenClock(NOW))
    try:
        seed_demo_store(services.store, clock=FrozenClock(NOW))
    finally:
        services.close()
    return db


def test_json_has_the_issue_fields(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", demo_db, "report", "--period", "30d", "--json")
    assert code == 0
    document = json.loads(out)
    assert document["from"] == "2026-10-29"
    assert document["to"] == "2026-11-27"
    assert document["arrived"] > 0
    assert document["arrived"] == sum(day["arrived"] for day in document["daily"])
    assert document["sold"] == sum(line["sold"] for line in document["by_source"])
    assert document["reached"]["sold"] == document["sold"]
    assert document["reached"]["lost"] == document["lost"]
    assert set(document["first_response"]) >= {
        "median_minutes",
        "p90_minutes",
        "within_sla_share",
        "answered",
        "unanswered",
    }
    assert document["sales_total"].count(".") == 1


def test_json_equals_the_service_report(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    from cockpit_tui.domain.reports import ReportPeriod
    from cockpit_tui.services.report_document import report_document

    code, out, _ = run(
        capsys, "--db", demo_db, "report", "--from", "01/11/2026", "--to", "2026-11-27", "--json"
    )
    assert code == 0
    services = open_services(demo_db, actor="x", clock=FrozenClock(NOW))
    try:
        period = ReportPeriod(datetime(2026, 11, 1, tzinfo=UTC).date(), NOW.date())
        expected = report_document(services.reports.report(period), timezone="America/Sao_Paulo")
    finally:
        services.close()
    assert json.loads(out) == expected


def test_csv_is_utf8_with_a_bom(demo_db: str, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    from cockpit_tui.cli import main

    assert main(["--db", demo_db, "report", "--period", "7d", "--csv"]) == 0
    data = capsysbinary.readouterr().out
    assert data.startswith(b"\xef\xbb\xbf# summary\r\n")
    assert b"# by_salesperson" in data


@pytest.mark.parametrize(
    ("argv", "sentence"),
    [
        (["--from", "2026-11-01"], "precisa de --from e --to"),
        (["--from", "31/02/2026", "--to", "2026-11-01"], "não é uma data"),
        (["--from", "2026-11-02", "--to", "2026-11-01"], "terminar no dia do início"),
        (["--period", "7d", "--from", "2026-11-01", "--to", "2026-11-02"], "não os dois"),
    ],
)
def test_a_bad_period_is_one_sentence(
    demo_db: str, capsys: pytest.CaptureFixture[str], argv: list[str], sentence: str
) -> None:
    code, out, err = run(capsys, "--db", demo_db, "report", *argv)
    assert code != 0
    assert sentence in err
    assert "Traceback" not in err
    assert out == ""


def test_text_report_speaks_english(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", demo_db, "--lang", "en", "report", "--period", "30d")
    assert code == 0
    assert "Period: 2026-10-29 to 2026-11-27" in out
    assert "R$" in out
    assert "R$ " not in out
