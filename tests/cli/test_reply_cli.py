"""`cockpit reply`: free text only within WhatsApp's 24-hour window; `--retry` of a failed reply."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from cockpit_tui.services import open_services
from cockpit_tui.services.delivery import DeliveryService
from tests.cli.conftest import run


def lead_who_wrote(db: str, hours_ago: float) -> int:
    services = open_services(db, actor="Ana")
    try:
        at = datetime.now(UTC) - timedelta(hours=hours_ago)
        return services.leads.add(name="Maria", phone="+5511987654321", message="Oi", at=at).id
    finally:
        services.close()


def test_a_reply_within_24_hours_is_queued(capsys: pytest.CaptureFixture[str], db: str) -> None:
    lead_id = lead_who_wrote(db, hours_ago=23)
    code, out, err = run(capsys, "--db", db, "reply", str(lead_id), "Temos sim!")
    assert code == 0
    assert err == f"Resposta {out.strip()} na fila de saída do lead {lead_id}.\n"
    code, out, _ = run(capsys, "--db", db, "outbox")
    assert "Temos sim!" in out


def test_free_text_after_24_hours_is_refused_with_the_reason(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    lead_id = lead_who_wrote(db, hours_ago=30)
    code, out, err = run(capsys, "--db", db, "--lang", "en", "reply", str(lead_id), "Oi!")
    assert (code, out) == (1, "")
    assert err == (
        f"The customer of lead {lead_id} last wrote 30 h ago: WhatsApp accepts free text only "
        "up to 24 h after the customer's last message. Outside that window, only templates "
        "approved by WhatsApp can be sent.\n"
    )
    assert run(capsys, "--db", db, "outbox")[1] == "Nenhuma resposta esperando entrega.\n"
    code, _, err = run(capsys, "--db", db, "reply", "999", "Oi")
    assert code == 1
    assert "999" in err


def test_retry_puts_a_failed_reply_back_and_refuses_one_that_did_not_fail(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    lead_id = lead_who_wrote(db, hours_ago=1)
    code, out, _ = run(capsys, "--db", db, "reply", str(lead_id), "Temos sim!")
    reply_id = int(out)
    code, _, err = run(capsys, "--db", db, "--lang", "en", "reply", "--retry", str(reply_id))
    assert (code, err) == (1, f"Reply {reply_id} is not marked as not sent.\n")
    services = open_services(db, actor="Ana")
    try:
        delivery = DeliveryService(services.store, clock=services.clock, holder="h:1:x")
        delivery.take_lease(timedelta(seconds=30))
        (due,) = delivery.due()
        token = delivery.claim(due.message_id)
        assert token is not None
        delivery.failed(due.message_id, token, "Message Undeliverable.")
    finally:
        services.close()
    code, _, err = run(capsys, "--db", db, "--lang", "en", "reply", "--retry", str(reply_id))
    assert (code, err) == (0, f"Reply {reply_id} is back in the delivery queue.\n")
    code, _, err = run(capsys, "--db", db, "--lang", "en", "reply", "--retry", "1", "2")
    assert (code, err) == (1, "Use --retry ID alone, without a lead or text.\n")
