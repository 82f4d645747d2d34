"""The WhatsApp Business Cloud API (Meta's Graph API): sending a text or a template.

``POST {api_base}/{phone_number_id}/messages`` with a Bearer token and
``{"messaging_product": "whatsapp", "to": DIGITS, "type": "text", "text":
{"body": TEXT}, "biz_opaque_callback_data": CLAIM}`` — or, outside the
24-hour window, ``"type": "template", "template": {"name": NAME, "language":
{"code": CODE}, "components": [{"type": "body", "parameters": [{"type":
"text", "text": VALUE}, …]}]}`` (no ``components`` when the template has no
parameters). A success answers
``{"messages": [{"id": "wamid…"}]}``, a refusal ``{"error": {"message": …,
"code": …}}``. The answer is sorted into what the delivery worker must do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import aiohttp

from cockpit_tui.domain.sanitize import clean_text
from cockpit_tui.domain.templates import TemplateSend

Outcome = Literal["accepted", "retry", "failed", "in_doubt"]


@dataclass(frozen=True, slots=True)
class WhatsAppConfig:
    """Where and as whom to send (from the store's settings)."""

    api_base: str
    phone_number_id: str
    access_token: str


@dataclass(frozen=True, slots=True)
class SendResult:
    """What became of one send request.

    Attributes:
        outcome: ``accepted`` (WhatsApp gave a message id), ``retry`` (429, 5xx,
            no connection: not accepted, try later), ``failed`` (another 4xx:
            retrying will not help), ``in_doubt`` (the request may have arrived
            but no answer came: a timeout or a dropped connection).
        wa_message_id: WhatsApp's id of the message, when accepted.
        error: The API's error text or what went wrong (never the token).
    """

    outcome: Outcome
    wa_message_id: str | None = None
    error: str | None = None


class GraphClient:
    """Sends messages through the Graph API on one aiohttp session.

    Args:
        session: The client session (closed by its owner).
        timeout_seconds: Longest wait for an answer before the send is in doubt.
    """

    def __init__(self, session: aiohttp.ClientSession, *, timeout_seconds: float = 20) -> None:
        self._session = session
        self._timeout = aiohttp.ClientTimeout(
            total=timeout_seconds, connect=min(10, timeout_seconds)
        )

    async def send_text(
        self, config: WhatsAppConfig, *, to: str, body: str, claim_token: str
    ) -> SendResult:
        """Send ``body`` to the phone ``to`` (E.164, with or without ``+``)."""
        content = {"type": "text", "text": {"preview_url": False, "body": body}}
        return await self._send(config, to, content, claim_token)

    async def send_template(
        self, config: WhatsAppConfig, *, to: str, template: TemplateSend, claim_token: str
    ) -> SendResult:
        """Send the approved template ``template`` to the phone ``to``."""
        sent: dict[str, Any] = {"name": template.name, "language": {"code": template.language}}
        if template.parameters:
            parameters = [{"type": "text", "text": value} for value in template.parameters]
            sent["components"] = [{"type": "body", "parameters": parameters}]
        return await self._send(config, to, {"type": "template", "template": sent}, claim_token)

    async def _send(
        self, config: WhatsAppConfig, to: str, content: dict[str, Any], claim_token: str
    ) -> SendResult:
        url = f"{config.api_base.rstrip('/')}/{config.phone_number_id}/messages"
        payload = {
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
            "to": "".join(ch for ch in to if ch.isdigit()),
            **content,
            "biz_opaque_callback_data": claim_token,
        }
        headers = {"Authorization": f"Bearer {config.access_token}"}
        try:
            async with self._session.post(
                url, json=payload, headers=headers, timeout=self._timeout
            ) as response:
                status = response.status
                try:
                    answer: Any = await response.json(content_type=None)
                except (ValueError, aiohttp.ContentTypeError):
                    answer = None
        except aiohttp.ClientConnectorError:
            # Never connected: the request did not leave, trying again is safe.
            return SendResult("retry", error="connection refused")
        except TimeoutError:
            return SendResult("in_doubt", error="no answer in time")
        except aiohttp.ClientError as error:
            return SendResult("in_doubt", error=type(error).__name__)
        return _sorted(status, answer)


def _sorted(status: int, answer: Any) -> SendResult:
    if status == 200:
        messages = answer.get("messages") if isinstance(answer, dict) else None
        if isinstance(messages, list) and messages and isinstance(messages[0], dict):
            wa_id = messages[0].get("id")
            if isinstance(wa_id, str) and wa_id:
                return SendResult("accepted", wa_message_id=wa_id[:190])
        # A 200 without a message id: WhatsApp took it or not, we cannot tell.
        return SendResult("in_doubt", error="answer without a message id")
    error = _error_text(status, answer)
    if status == 429 or status >= 500:
        return SendResult("retry", error=error)
    return SendResult("failed", error=error)


def _error_text(status: int, answer: Any) -> str:
    detail = answer.get("error") if isinstance(answer, dict) else None
    if isinstance(detail, dict):
        data = detail.get("error_data")
        text = (
            (data.get("details") if isinstance(data, dict) else None)
            or detail.get("error_user_msg")
            or detail.get("message")
        )
        if isinstance(text, str) and text.strip():
            code = detail.get("code")
            suffix = f" ({code})" if isinstance(code, int | str) and str(code) else ""
            return clean_text(text, max_length=280) + suffix
    return f"HTTP {status}"
