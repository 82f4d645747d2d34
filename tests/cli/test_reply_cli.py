"""`cockpit reply`: free text only within WhatsApp's 24-hour window; `--retry` of a failed reply."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from cockpit_tui.services import open_services
from cockpit_tui.services.delivery import DeliveryService
from tests.cli.conftest import run


def lead_who_wrote(db: str, hours_ago: float, *, whatsapp: bool = True) -> int:
    """Maria, who wrote ``hours_ago``; with ``whatsapp`` the store sends through WhatsApp."""
    services = open_services(db, actor="Ana")
    try:
        if whatsapp:
            services.settings.set_value("whatsapp_phone_number_id", "106540352242922")
            services.settings.set_value("whatsapp_access_token", "EAAG-test")
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


def test_a_store_that_does_not_send_through_whatsapp_queues_free_text_any_time(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    lead_id = lead_who_wrote(db, hours_ago=30, whatsapp=False)
    code, _, _ = run(capsys, "--db", db, "reply", str(lead_id), "Oi de novo!")
    assert code == 0
    assert "Oi de novo!" in run(capsys, "--db", db, "outbox")[1]


def test_outside_the_window_an_approved_template_is_queued_by_name(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    lead_id = lead_who_wrote(db, hours_ago=30)
    run(capsys, "--db", db, "templates", "add", "Retomar", "Olá, {nome}! Ainda procura carro?")
    code, _, err = run(
        capsys, "--db", db, "--lang", "en", "reply", str(lead_id), "--template", "retomar"
    )
    assert (code, err) == (
        1,
        "Template Retomar is not linked to a template WhatsApp approved: link it with "
        "cockpit templates whatsapp.\n",
    )
    run(capsys, "--db", db, "templates", "whatsapp", "Retomar", "retomar_conversa")
    code, _, _ = run(capsys, "--db", db, "reply", str(lead_id), "--template", "retomar")
    assert code == 0
    assert "Olá, Maria! Ainda procura carro?" in run(capsys, "--db", db, "outbox")[1]
    code, _, err = run(capsys, "--db", db, "reply", str(lead_id), "Oi", "--template", "Retomar")
    assert (code, err) == (1, "Use o texto ou --template NOME, não os dois.\n")


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
