"""WhatsApp Business Cloud API webhook bodies, as Meta documents and sends them."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from cockpit_tui.domain.whatsapp import sign

APP_SECRET = "app-secret-for-tests"
VERIFY_TOKEN = "verify-token-for-tests"
PHONE_NUMBER_ID = "106540352242922"


def envelope(value: dict[str, Any]) -> dict[str, Any]:
    """``value`` inside the ``entry[].changes[]`` envelope."""
    return {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "102290129340398",
                "changes": [
                    {
                        "field": "messages",
                        "value": {
                            "messaging_product": "whatsapp",
                            "metadata": {
                                "display_phone_number": "15550783881",
                                "phone_number_id": PHONE_NUMBER_ID,
                            },
                            **value,
                        },
                    }
                ],
            }
        ],
    }


def text_message(
    message_id: str, sender: str, body: str, *, name: str | None, at: datetime
) -> dict[str, Any]:
    """A customer's text message (``sender``: digits, country code first)."""
    value: dict[str, Any] = {
        "messages": [
            {
                "from": sender,
                "id": message_id,
                "timestamp": str(int(at.timestamp())),
                "type": "text",
                "text": {"body": body},
            }
        ]
    }
    if name is not None:
        value["contacts"] = [{"profile": {"name": name}, "wa_id": sender}]
    return envelope(value)


def media_message(
    message_id: str, sender: str, kind: str, detail: dict[str, Any], *, at: datetime
) -> dict[str, Any]:
    """A customer's image, audio, document, location … message."""
    return envelope(
        {
            "contacts": [{"profile": {"name": "Cliente"}, "wa_id": sender}],
            "messages": [
                {
                    "from": sender,
                    "id": message_id,
                    "timestamp": str(int(at.timestamp())),
                    "type": kind,
                    kind: detail,
                }
            ],
        }
    )


def status(
    wa_message_id: str,
    state: str,
    recipient: str,
    *,
    at: datetime,
    opaque: str | None = None,
    error: str | None = None,
) -> dict[str, Any]:
    """A status of a message we sent (sent, delivered, read, failed)."""
    entry: dict[str, Any] = {
        "id": wa_message_id,
        "status": state,
        "timestamp": str(int(at.timestamp())),
        "recipient_id": recipient,
    }
    if opaque is not None:
        entry["biz_opaque_callback_data"] = opaque
    if error is not None:
        entry["errors"] = [
            {
                "code": 131026,
                "title": "Message undeliverable",
                "message": "Message undeliverable",
                "error_data": {"details": error},
            }
        ]
    return envelope({"statuses": [entry]})


def signed(payload: dict[str, Any], secret: str = APP_SECRET) -> tuple[bytes, dict[str, str]]:
    """The raw body and headers Meta would send."""
    body = json.dumps(payload).encode()
    return body, {"Content-Type": "application/json", "X-Hub-Signature-256": sign(body, secret)}
