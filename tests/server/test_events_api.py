"""``GET /healthz`` and ``POST /api/v1/events`` through real HTTP."""

from __future__ import annotations

import errno
import json
from collections.abc import Sequence
from datetime import datetime

import pytest
from sqlalchemy.orm import Session

from cockpit_tui.services import Services
from cockpit_tui.services.api_tokens import TokenService
from cockpit_tui.store.migrations import LATEST_VERSION
from tests.server.conftest import RunningServer

LEAD = {
    "event": "lead.created",
    "id": "evt-1001",
    "at": "2026-11-27T08:14:00-03:00",
    "lead": {
        "name": "Maria Souza",
        "phone": "(11) 98765-4321",
        "vehicle": "Jeep Compass Longitude 2.0 2021",
        "source": "Webmotors",
        "message": "Olá, o carro ainda está disponível?",
    },
}
MESSAGE = {
    "event": "message.received",
    "id": "evt-1002",
    "at": "2026-11-27T08:20:00-03:00",
    "phone": "+55 11 98765-4321",
    "text": "Aceita troca?",
}


def lead_names(services: Services) -> list[str]:
    return sorted(card.customer_name for card in services.board.leads_in_board_order())


async def test_healthz_answers_ok_with_the_schema_version(server: RunningServer) -> None:
    async with server.http.get(f"{server.base}/healthz") as response:
        assert response.status == 200
        assert await response.json() == {"status": "ok", "schema": LATEST_VERSION}


async def test_events_need_a_known_token_and_nothing_is_stored_without_one(
    server: RunningServer, observer: Services, api_token: str
) -> None:
    url = f"{server.base}/api/v1/events"
    for headers in ({}, {"Authorization": "Bearer not-a-token"}, {"Authorization": api_token}):
        async with server.http.post(url, json=LEAD, headers=headers) as response:
            assert response.status == 401
            assert response.headers["WWW-Authenticate"].startswith("Bearer")
            assert "Bearer TOKEN" in (await response.json())["error"]
    assert lead_names(observer) == []
    auth = {"Authorization": f"Bearer {api_token}"}
    async with server.http.post(url, json=LEAD, headers=auth) as response:
        assert response.status == 200
        assert await response.json() == {"applied": 1, "duplicates": 0, "errors": []}
    assert lead_names(observer) == ["Maria Souza"]
    TokenService(observer.store, actor="Ana", clock=observer.clock).revoke("site")
    async with server.http.post(url, json=MESSAGE, headers=auth) as response:
        assert response.status == 401, "a revoked token works until the next request only"


async def test_ndjson_applies_each_event_once_and_reports_bad_lines(
    server: RunningServer, observer: Services, api_token: str
) -> None:
    url = f"{server.base}/api/v1/events"
    headers = {"Authorization": f"Bearer {api_token}", "Content-Type": "application/x-ndjson"}
    body = "\n".join(
        json.dumps(event) for event in (LEAD, {"event": "lead.deleted", "id": "x"}, MESSAGE, [1, 2])
    )
    async with server.http.post(url, data=body.encode(), headers=headers) as response:
        assert response.status == 200
        answer = await response.json()
    assert answer["applied"] == 2
    assert answer["duplicates"] == 0
    assert answer["errors"] == [
        {"line": 2, "error": "unknown event: lead.deleted"},
        {"line": 4, "error": "not a JSON object"},
    ]
    async with server.http.post(url, data=body.encode(), headers=headers) as response:
        again = await response.json()
    assert (again["applied"], again["duplicates"]) == (0, 2)
    (card,) = observer.board.leads_in_board_order()
    conversation = [message.body for message in observer.leads.conversation(card.id)]
    assert conversation == ["Olá, o carro ainda está disponível?", "Aceita troca?"]
    assert card.unread_count == 1, "the later message is a reply: the name goes bold"


async def test_malformed_json_is_400_with_its_line_and_nothing_is_applied(
    server: RunningServer, observer: Services, api_token: str
) -> None:
    headers = {"Authorization": f"Bearer {api_token}", "Content-Type": "application/x-ndjson"}
    body = json.dumps(LEAD) + "\n" + '{"event": "message.received", "id": ' + "\n"
    async with server.http.post(
        f"{server.base}/api/v1/events", data=body.encode(), headers=headers
    ) as response:
        assert response.status == 400
        assert await response.json() == {"error": "Malformed JSON on line 2.", "line": 2}
    assert lead_names(observer) == []


async def test_a_body_over_one_mebibyte_is_refused_with_413(
    server: RunningServer, observer: Services, api_token: str
) -> None:
    headers = {"Authorization": f"Bearer {api_token}", "Content-Type": "application/x-ndjson"}
    line = json.dumps(LEAD) + "\n"
    body = (line * (1024 * 1024 // len(line) + 1)).encode()
    async with server.http.post(
        f"{server.base}/api/v1/events", data=body, headers=headers
    ) as response:
        assert response.status == 413
    assert lead_names(observer) == []


async def test_every_request_is_one_json_log_line_without_secrets_or_customer_data(
    server: RunningServer, api_token: str
) -> None:
    headers = {"Authorization": f"Bearer {api_token}"}
    async with server.http.post(f"{server.base}/api/v1/events", json=LEAD, headers=headers):
        pass
    async with server.http.get(f"{server.base}/webhooks/whatsapp?hub.verify_token=s3cr3t"):
        pass
    requests = [line for line in server.log_lines() if line["event"] == "request"]
    assert [(line["route"], line["status"]) for line in requests] == [
        ("/api/v1/events", 200),
        ("/webhooks/whatsapp", 403),
    ]
    for line in requests:
        assert set(line) == {
            "time",
            "event",
            "request_id",
            "method",
            "route",
            "status",
            "duration_ms",
        }
    text = server.log.getvalue()
    for secret in (api_token, "s3cr3t", "Maria", "98765"):
        assert secret not in text


async def test_a_request_is_one_transaction_a_full_disk_keeps_none_of_it_and_answers_503(
    server: RunningServer,
    observer: Services,
    api_token: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cockpit_tui.store import intake as store_intake

    remembered_before = store_intake.remember_events

    def disk_fills(session: Session, *, event_ids: Sequence[str], at: datetime) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    # The leads are written, then the disk fills as their ids are recorded.
    monkeypatch.setattr(store_intake, "remember_events", disk_fills)
    headers = {"Authorization": f"Bearer {api_token}", "Content-Type": "application/x-ndjson"}
    second = json.loads(json.dumps(LEAD))
    second["id"], second["lead"]["phone"] = "evt-2000", "(11) 91111-2222"
    body = "\n".join(json.dumps(event) for event in (LEAD, second))
    url = f"{server.base}/api/v1/events"
    async with server.http.post(url, data=body.encode(), headers=headers) as response:
        assert response.status == 503
        assert response.headers["Retry-After"] == "5"
        assert await response.json() == {
            "error": "The store could not write just now; nothing of this request was stored. "
            "Send it again in a few seconds."
        }
    assert lead_names(observer) == [], "the written leads were rolled back with the failure"
    assert any(line.get("event") == "request.store_failed" for line in server.log_lines())
    monkeypatch.setattr(store_intake, "remember_events", remembered_before)
    async with server.http.post(url, data=body.encode(), headers=headers) as response:
        assert (await response.json())["applied"] == 2, "sent again, both go in"
    assert lead_names(observer) == ["Maria Souza", "Maria Souza"]


async def test_within_one_request_a_repeated_id_counts_once_and_a_stray_message_waits(
    server: RunningServer, observer: Services, api_token: str
) -> None:
    headers = {"Authorization": f"Bearer {api_token}", "Content-Type": "application/x-ndjson"}
    stray = {
        "event": "message.received",
        "id": "evt-9",
        "phone": "+55 21 99999-0000",
        "text": "Oi?",
    }
    body = "\n".join(json.dumps(event) for event in (LEAD, LEAD, stray, MESSAGE, MESSAGE))
    async with server.http.post(
        f"{server.base}/api/v1/events", data=body.encode(), headers=headers
    ) as response:
        answer = await response.json()
    assert (answer["applied"], answer["duplicates"], answer["errors"]) == (3, 2, [])
    assert [item.body for item in observer.intake.unmatched_messages()] == ["Oi?"]
    (card,) = observer.board.leads_in_board_order()
    assert card.unread_count == 1
