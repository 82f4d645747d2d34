"""A fake of Meta's WhatsApp Cloud API that the tests run on 127.0.0.1.

``POST /v21.0/{phone_number_id}/messages`` as documented: a Bearer token,
``{"messaging_product": "whatsapp", "to": DIGITS, "type": "text", "text":
{"body": …}}`` or ``"type": "template", "template": {"name", "language":
{"code"}, "components": [{"type": "body", "parameters": [{"type": "text",
"text"}]}]}`` (a parameter with a line break, a tab or five spaces in a row
is refused, as Meta does); success is ``200 {"messaging_product": "whatsapp", "contacts":
[{"input": …, "wa_id": …}], "messages": [{"id": "wamid.…"}]}``, errors are
``{"error": {"message", "type", "code", "error_data": {"details"}, "fbtrace_id"}}``
with 400 (bad parameter / undeliverable), 401 (bad token), 429 (rate limit)
or 500. Answers can be scripted per request, including slow ones. Like Meta,
it can report statuses to a webhook (signed, with the message's
``biz_opaque_callback_data``), retrying until the webhook answers 200.

``accepted`` counts what WhatsApp would actually send: the tests assert every
reply appears there exactly once.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import aiohttp
from aiohttp import web

from tests.server.whatsapp_payloads import APP_SECRET, PHONE_NUMBER_ID, signed, status

ACCESS_TOKEN = "EAAG-test-access-token"

ERRORS = {
    "400": (
        400,
        {
            "message": "(#131026) Message undeliverable",
            "type": "OAuthException",
            "code": 131026,
            "error_data": {
                "messaging_product": "whatsapp",
                "details": "Message Undeliverable.",
            },
        },
    ),
    "401": (
        401,
        {
            "message": "Error validating access token: Session has expired.",
            "type": "OAuthException",
            "code": 190,
        },
    ),
    "429": (
        429,
        {
            "message": "(#130429) Rate limit hit",
            "type": "OAuthException",
            "code": 130429,
            "error_data": {"details": "Cloud API message throughput has been reached."},
        },
    ),
    "500": (
        500,
        {"message": "An unknown error has occurred.", "type": "OAuthException", "code": 1},
    ),
}


@dataclass
class Sent:
    """A message the fake accepted (WhatsApp would deliver it)."""

    wamid: str
    to: str
    body: str
    opaque: str | None
    payload: dict[str, Any] = field(default_factory=dict)


@dataclass
class FakeGraph:
    """The fake API. ``script`` holds the answers of the next requests ("ok", "400",
    "401", "429", "500", "slow", "lost"); when empty, every request is accepted.

    "slow" accepts the message but answers only after ``slow_seconds`` (other
    accepted messages after ``delay_seconds``); "lost"
    answers nothing and records nothing (the request never reached WhatsApp).
    ``before_answer`` runs after a message is accepted and before the answer is
    written (the kill tests kill the server there).
    """

    script: list[str] = field(default_factory=list)
    slow_seconds: float = 5.0
    delay_seconds: float = 0.0
    accepted: list[Sent] = field(default_factory=list)
    requests: int = 0
    bad_requests: list[str] = field(default_factory=list)
    webhook_url: str | None = None
    report_statuses: bool = False
    before_answer: Callable[[Sent | None], Awaitable[None]] | None = None
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _runner: web.AppRunner | None = None
    _reports: set[asyncio.Task[None]] = field(default_factory=set)
    received: asyncio.Event = field(default_factory=asyncio.Event)

    async def start(self) -> str:
        """Listen on an ephemeral port; returns the API base (``whatsapp_api_base``)."""
        app = web.Application()
        app.router.add_post("/v21.0/{phone_number_id}/messages", self._messages)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        return f"http://127.0.0.1:{port}/v21.0"

    async def close(self) -> None:
        """Stop reporting and listening."""
        for task in self._reports:
            task.cancel()
        if self._runner is not None:
            await self._runner.cleanup()

    def bodies(self) -> list[str]:
        """The texts accepted, in order."""
        return [sent.body for sent in self.accepted]

    async def _messages(self, request: web.Request) -> web.Response:
        self.requests += 1
        self.received.set()
        if request.headers.get("Authorization") != f"Bearer {ACCESS_TOKEN}":
            return _error("401")
        payload: Any = await request.json()
        problem = _shape_problem(payload, request.match_info["phone_number_id"])
        if problem:
            self.bad_requests.append(problem)
            return web.json_response(
                {"error": {"message": f"(#100) {problem}", "type": "OAuthException", "code": 100}},
                status=400,
            )
        answer = self.script.pop(0) if self.script else "ok"
        if answer in ERRORS:
            return _error(answer)
        if answer == "lost":
            if self.before_answer is not None:
                await self.before_answer(None)
            await asyncio.sleep(self.slow_seconds)
            return _error("500")
        sent = Sent(
            wamid=f"wamid.HBgL{next(self._ids):06d}",
            to=payload["to"],
            body=payload["text"]["body"] if payload["type"] == "text" else "",
            opaque=payload.get("biz_opaque_callback_data"),
            payload=payload,
        )
        self.accepted.append(sent)
        if self.report_statuses:
            task = asyncio.create_task(self._report(sent))
            self._reports.add(task)
            task.add_done_callback(self._reports.discard)
        if self.before_answer is not None:
            await self.before_answer(sent)
        if answer == "slow":
            await asyncio.sleep(self.slow_seconds)
        elif self.delay_seconds:
            await asyncio.sleep(self.delay_seconds)
        return web.json_response(
            {
                "messaging_product": "whatsapp",
                "contacts": [{"input": payload["to"], "wa_id": payload["to"]}],
                "messages": [{"id": sent.wamid}],
            }
        )

    async def _report(self, sent: Sent) -> None:
        """Post the "sent" status to the webhook until it answers 200 (Meta retries too)."""
        payload = status(sent.wamid, "sent", sent.to, at=datetime.now(UTC), opaque=sent.opaque)
        body, headers = signed(payload, APP_SECRET)
        async with aiohttp.ClientSession() as http:
            while True:
                url = self.webhook_url
                if url is not None:
                    try:
                        async with http.post(url, data=body, headers=headers) as response:
                            if response.status == 200:
                                return
                    except aiohttp.ClientError:
                        pass
                await asyncio.sleep(0.05)


def _error(code: str) -> web.Response:
    status_code, error = ERRORS[code]
    return web.json_response({"error": {**error, "fbtrace_id": "AbCdEf"}}, status=status_code)


def _shape_problem(payload: Any, phone_number_id: str) -> str | None:
    if phone_number_id != PHONE_NUMBER_ID:
        return "Unknown phone number id"
    if not isinstance(payload, dict) or payload.get("messaging_product") != "whatsapp":
        return "messaging_product must be whatsapp"
    if not isinstance(payload.get("to"), str) or not payload["to"].isdigit():
        return "to must be the recipient's digits"
    if payload.get("type") == "template":
        return _template_problem(payload.get("template"))
    if payload.get("type") != "text" or not isinstance(payload.get("text"), dict):
        return "type must be text (with a text object) or template"
    if not isinstance(payload["text"].get("body"), str) or not payload["text"]["body"]:
        return "text.body is required"
    return None


def _template_problem(template: Any) -> str | None:
    if not isinstance(template, dict) or not isinstance(template.get("name"), str):
        return "template.name is required"
    language = template.get("language")
    if not isinstance(language, dict) or not isinstance(language.get("code"), str):
        return "template.language.code is required"
    for component in template.get("components", []):
        if not isinstance(component, dict) or component.get("type") != "body":
            return "only body components are expected"
        for parameter in component.get("parameters", []):
            value = parameter.get("text") if isinstance(parameter, dict) else None
            if parameter.get("type") != "text" or not isinstance(value, str) or not value:
                return "a body parameter needs type text and a text"
            if "\n" in value or "\t" in value or "     " in value:
                return "Param text cannot have new-line/tab characters or more than 4 spaces"
    return None
