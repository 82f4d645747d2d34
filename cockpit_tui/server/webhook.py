"""``GET`` and ``POST /webhooks/whatsapp``: Meta's verification and its webhooks.

A POST is accepted only with ``X-Hub-Signature-256`` matching the raw body
signed with the app secret (compared in constant time); anything else is
401 and nothing is stored.
"""

from __future__ import annotations

import hmac
import json

from aiohttp import web

from cockpit_tui.domain.whatsapp import is_whatsapp_payload, signature_is_valid
from cockpit_tui.server.context import CONTEXT_KEY, MAX_BODY, error_response
from cockpit_tui.services.whatsapp_inbound import handle_webhook


async def verify(request: web.Request) -> web.Response:
    """Meta's subscription check: answer the challenge when the verify token matches."""
    context = request.app[CONTEXT_KEY]
    expected = await context.calls(context.services.settings.value, "whatsapp_verify_token")
    mode = request.query.get("hub.mode", "")
    given = request.query.get("hub.verify_token", "")
    challenge = request.query.get("hub.challenge", "")
    if (
        expected
        and mode == "subscribe"
        and hmac.compare_digest(given.encode(), expected.encode())
        and len(challenge) <= 200
    ):
        return web.Response(text=challenge, content_type="text/plain")
    return web.Response(status=403, text="forbidden", content_type="text/plain")


async def receive(request: web.Request) -> web.Response:
    """A signed webhook: customers' messages and our messages' statuses."""
    context = request.app[CONTEXT_KEY]
    if (request.content_length or 0) > MAX_BODY:
        return error_response(413, context.t("api.too_large", limit=MAX_BODY))
    try:
        body = await request.read()
    except web.HTTPRequestEntityTooLarge:
        return error_response(413, context.t("api.too_large", limit=MAX_BODY))
    secret = await context.calls(context.services.settings.value, "whatsapp_app_secret")
    if not secret:
        context.log.write("webhook.no_app_secret")
        return error_response(401, context.t("api.bad_signature"))
    if not signature_is_valid(body, request.headers.get("X-Hub-Signature-256"), secret):
        return error_response(401, context.t("api.bad_signature"))
    try:
        payload = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return error_response(400, context.t("api.bad_json", line=1), line=1)
    if not is_whatsapp_payload(payload):
        return web.json_response({"ignored": True})
    result = await context.calls(
        handle_webhook,
        payload,
        intake=context.services.intake,
        delivery=context.delivery,
        clock=context.services.clock,
        consent=context.consent,
    )
    return web.json_response(
        {
            "messages": result.messages,
            "repeated": result.repeated,
            "refused": result.refused,
            "statuses": result.statuses,
        }
    )
