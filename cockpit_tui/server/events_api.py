"""``GET /healthz`` and ``POST /api/v1/events``: events from other systems.

The events are the ones ``cockpit ingest`` reads (docs/EVENTS.md), applied
by the same intake code, so an event id is applied once whichever way it
came. A request's events are applied in one transaction, and the answer is
sent after its commit.
"""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from cockpit_tui.domain.events import IngestProblem
from cockpit_tui.server.context import CONTEXT_KEY, MAX_BODY, error_response
from cockpit_tui.services.intake import IntakeService


async def healthz(request: web.Request) -> web.Response:
    """``200 {"status": "ok", "schema": N}`` (N: the store's schema version)."""
    context = request.app[CONTEXT_KEY]
    schema = await context.calls(context.services.store.reader.schema_version)
    return web.json_response({"status": "ok", "schema": schema})


def bearer_token(request: web.Request) -> str | None:
    """The token of ``Authorization: Bearer TOKEN``, if the header has that form."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


async def post_events(request: web.Request) -> web.Response:
    """Apply one JSON event, or NDJSON (``application/x-ndjson``), after checking the token."""
    context = request.app[CONTEXT_KEY]
    token = bearer_token(request)
    name = None if token is None else await context.calls(context.tokens.authenticate, token)
    if name is None:
        response = error_response(401, context.t("api.unauthorized"))
        response.headers["WWW-Authenticate"] = 'Bearer realm="cockpit"'
        return response
    if (request.content_length or 0) > MAX_BODY:
        return error_response(413, context.t("api.too_large", limit=MAX_BODY))
    try:
        raw = await request.read()
    except web.HTTPRequestEntityTooLarge:
        return error_response(413, context.t("api.too_large", limit=MAX_BODY))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return error_response(400, context.t("api.not_utf8"))
    ndjson = request.content_type == "application/x-ndjson"
    lines = text.splitlines() if ndjson else [text]
    events: list[tuple[int, Any]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            events.append((number, json.loads(line)))
        except json.JSONDecodeError:
            return error_response(400, context.t("api.bad_json", line=number), line=number)
    if not events:
        return error_response(400, context.t("api.empty"))
    applied, duplicates, problems = await context.calls(
        apply_events, context.services.intake, events
    )
    return web.json_response(
        {
            "applied": applied,
            "duplicates": duplicates,
            "errors": [
                {"line": problem.line, "error": context.t(problem.reason, **problem.values)}
                for problem in problems
            ],
        }
    )


def apply_events(
    intake: IntakeService, events: list[tuple[int, Any]]
) -> tuple[int, int, list[IngestProblem]]:
    """Apply decoded events in order, all in one transaction (one commit per request).

    Returns:
        (applied, duplicates, problems).
    """
    applied = duplicates = 0
    problems: list[IngestProblem] = []
    for outcome in intake.apply_events(events):
        if isinstance(outcome, IngestProblem):
            problems.append(outcome)
        elif outcome:
            applied += 1
        else:
            duplicates += 1
    return applied, duplicates, problems
