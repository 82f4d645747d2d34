"""The aiohttp application: routes, the request log, the shared context."""

from __future__ import annotations

from aiohttp import web

from cockpit_tui.server import events_api, webhook
from cockpit_tui.server.context import CONTEXT_KEY, MAX_BODY, ServerContext
from cockpit_tui.server.request_log import request_logger
from cockpit_tui.server.store_errors import store_errors


def build_app(context: ServerContext) -> web.Application:
    """The server's routes on ``context``."""
    app = web.Application(
        middlewares=[request_logger(context.log), store_errors(context)],
        client_max_size=MAX_BODY,
    )
    app[CONTEXT_KEY] = context
    app.router.add_get("/healthz", events_api.healthz)
    app.router.add_post("/api/v1/events", events_api.post_events)
    app.router.add_get("/webhooks/whatsapp", webhook.verify)
    app.router.add_post("/webhooks/whatsapp", webhook.receive)
    return app
