"""A store that fails under a request answers 503 with one sentence, never a traceback.

A store held too long by another writer, a full disk or a lost PostgreSQL
connection is something the sender can wait out: ``503`` with
``Retry-After`` tells a connector (and Meta's webhook retries) to send again,
and the event ids keep a resend from doubling anything. The request's
transaction rolled back, so nothing of it was stored. The log line names the
kind of failure only, and the answer names no file or server (no path,
no customer data).
"""

from __future__ import annotations

from aiohttp import web
from aiohttp.typedefs import Handler, Middleware

from cockpit_tui.server.context import ServerContext, error_response
from cockpit_tui.services.failures import explain_store_failure

#: Seconds a sender is asked to wait before sending again.
RETRY_AFTER = 5


def store_errors(context: ServerContext) -> Middleware:
    """The middleware that turns a store failure into ``503 {"error": …}``."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            return await handler(request)
        except web.HTTPException:
            raise
        except Exception as error:
            explained = explain_store_failure(error, db_url=context.services.store.url.url)
            if explained is None:
                raise  # a bug: aiohttp answers 500 and logs it
            context.log.write("request.store_failed", reason=explained.message_id)
            response = error_response(503, context.t("api.store_failed"))
            response.headers["Retry-After"] = str(RETRY_AFTER)
            return response

    return middleware
