"""The WhatsApp Business Cloud API webhook, read into plain values.

A webhook body is ``{"object": "whatsapp_business_account", "entry": [{"changes":
[{"value": {...}}]}]}``; each ``value`` may carry ``contacts``, ``messages``
and ``statuses``. Everything here is untrusted input: unexpected shapes are
skipped, never raised on, and text is cleaned by the services that store it.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

#: How a message that is not text is shown in the conversation.
MEDIA_LABELS = {
    "image": "imagem",
    "audio": "áudio",
    "voice": "áudio",
    "video": "vídeo",
    "document": "documento",
    "sticker": "figurinha",
    "location": "localização",
    "contacts": "contato",
    "button": "botão",
    "interactive": "resposta",
    "reaction": "reação",
    "order": "pedido",
}
#: Statuses WhatsApp reports for a message we sent.
STATUSES = ("sent", "delivered", "read", "failed")


@dataclass(frozen=True, slots=True)
class DeliveryStatus:
    """Where a reply the server handles stands, for the lead screen.

    Attributes:
        state: queued, sending, retry, sent, delivered, read or failed.
        at: When it got there (for retry: when the next attempt is due).
        error: Why it failed: WhatsApp's words, or a catalog id (``delivery.…``).
    """

    state: str
    at: datetime
    error: str | None


@dataclass(frozen=True, slots=True)
class InboundMessage:
    """A customer's message.

    Attributes:
        message_id: WhatsApp's id (``wamid…``): the same id twice is one message.
        phone: The sender in E.164 (``+5511987654321``).
        name: The sender's profile name, if WhatsApp sent one.
        text: The text, or a label in brackets for media (``[imagem] caption``).
        at: When the customer sent it.
    """

    message_id: str
    phone: str
    name: str | None
    text: str
    at: datetime


@dataclass(frozen=True, slots=True)
class StatusUpdate:
    """What happened to a message we sent.

    Attributes:
        wa_message_id: WhatsApp's id of our message.
        state: sent, delivered, read or failed.
        at: When it happened.
        claim_token: Our ``biz_opaque_callback_data`` echoed back, if any.
        error: WhatsApp's error text for a failure.
    """

    wa_message_id: str
    state: str
    at: datetime
    claim_token: str | None
    error: str | None


def signature_is_valid(body: bytes, header: str | None, app_secret: str) -> bool:
    """Whether ``X-Hub-Signature-256`` is ``sha256=`` + the body's HMAC-SHA256 (constant time)."""
    if not header or not header.startswith("sha256=") or not app_secret:
        return False
    expected = hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected.encode(), header[len("sha256=") :].strip().lower().encode())


def sign(body: bytes, app_secret: str) -> str:
    """The ``X-Hub-Signature-256`` header value for ``body`` (what Meta sends)."""
    return "sha256=" + hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()


def _list(value: Any) -> list[Any]:
    """``value`` if it is a list, else nothing (a webhook may carry anything)."""
    return value if isinstance(value, list) else []


def _values(payload: Any) -> list[dict[str, Any]]:
    if not isinstance(payload, dict) or payload.get("object") != "whatsapp_business_account":
        return []
    found = []
    for entry in _list(payload.get("entry")):
        if not isinstance(entry, dict):
            continue
        for change in _list(entry.get("changes")):
            if isinstance(change, dict) and isinstance(change.get("value"), dict):
                found.append(change["value"])
    return found


def _when(raw: Any, fallback: datetime) -> datetime:
    try:
        return datetime.fromtimestamp(int(str(raw)), UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return fallback


def is_whatsapp_payload(payload: Any) -> bool:
    """Whether a decoded body is a WhatsApp Business Account webhook."""
    return isinstance(payload, dict) and payload.get("object") == "whatsapp_business_account"


def inbound_messages(payload: Any, *, now: datetime) -> list[InboundMessage]:
    """The customers' messages of a webhook, in order."""
    result = []
    for value in _values(payload):
        names = {}
        for contact in _list(value.get("contacts")):
            if isinstance(contact, dict) and isinstance(contact.get("profile"), dict):
                names[str(contact.get("wa_id"))] = contact["profile"].get("name")
        for message in _list(value.get("messages")):
            if not isinstance(message, dict):
                continue
            sender, message_id = message.get("from"), message.get("id")
            if not isinstance(sender, str) or not isinstance(message_id, str) or not message_id:
                continue
            digits = "".join(ch for ch in sender if ch.isdigit())
            if not digits:
                continue
            name = names.get(sender)
            result.append(
                InboundMessage(
                    message_id=message_id[:190],
                    phone="+" + digits,
                    name=name if isinstance(name, str) and name.strip() else None,
                    text=message_text(message),
                    at=_when(message.get("timestamp"), now),
                )
            )
    return result


def message_text(message: dict[str, Any]) -> str:
    """The text of a message, or ``[imagem]`` (with its caption) for what is not text."""
    kind = str(message.get("type") or "")
    if kind == "text" and isinstance(message.get("text"), dict):
        body = message["text"].get("body")
        if isinstance(body, str) and body.strip():
            return body
    label = MEDIA_LABELS.get(kind, kind[:30] or "mensagem")
    detail = message.get(kind)
    caption = None
    if isinstance(detail, dict):
        caption = detail.get("caption") or detail.get("name") or detail.get("filename")
        if kind == "button":
            caption = detail.get("text")
        if kind == "reaction":
            caption = detail.get("emoji")
    if isinstance(caption, str) and caption.strip():
        return f"[{label}] {caption}"
    return f"[{label}]"


def status_updates(payload: Any, *, now: datetime) -> list[StatusUpdate]:
    """The statuses of our messages in a webhook, in order."""
    result = []
    for value in _values(payload):
        for status in _list(value.get("statuses")):
            if not isinstance(status, dict):
                continue
            wa_id, state = status.get("id"), status.get("status")
            if not isinstance(wa_id, str) or not wa_id or state not in STATUSES:
                continue
            opaque = status.get("biz_opaque_callback_data")
            error = None
            errors = status.get("errors")
            if state == "failed" and isinstance(errors, list) and errors:
                first = errors[0] if isinstance(errors[0], dict) else {}
                details = first.get("error_data", {}) if isinstance(first, dict) else {}
                error = (
                    str(
                        (details.get("details") if isinstance(details, dict) else None)
                        or first.get("message")
                        or first.get("title")
                        or first.get("code")
                        or ""
                    )[:300]
                    or None
                )
            result.append(
                StatusUpdate(
                    wa_message_id=wa_id[:190],
                    state=str(state),
                    at=_when(status.get("timestamp"), now),
                    claim_token=opaque[:64] if isinstance(opaque, str) and opaque else None,
                    error=error,
                )
            )
    return result
