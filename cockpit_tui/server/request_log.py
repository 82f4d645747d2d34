"""One JSON line per request on stderr: time, request id, route, status, duration.

Never the query string, the body, a header value or a path parameter: those
carry tokens, signatures and customers' data. The route is the pattern
(``/webhooks/whatsapp``), not the requested path.
"""

from __future__ import annotations

import json
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any, TextIO

from aiohttp import web
from aiohttp.typedefs import Middleware

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class JsonLog:
    """Writes one JSON object per line (to stderr unless told otherwise)."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream

    def write(self, event: str, **fields: Any) -> None:
        """Write ``{"time": …, "event": event, **fields}`` as one line."""
        line = {"time": datetime.now(UTC).isoformat(timespec="milliseconds"), "event": event}
        line.update(fields)
        stream = self._stream or sys.stderr
        stream.write(json.dumps(line, ensure_ascii=False) + "\n")
        stream.flush()


def request_logger(log: JsonLog) -> Middleware:
    """The middleware that logs every request and tags its answer with ``X-Request-Id``."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        started = time.perf_counter()
        request_id = uuid.uuid4().hex[:16]
        status = 500
        try:
            response = await handler(request)
            status = response.status
            response.headers["X-Request-Id"] = request_id
            return response
        except web.HTTPException as error:
            status = error.status
            error.headers["X-Request-Id"] = request_id
            raise
        finally:
            resource = request.match_info.route.resource
            log.write(
                "request",
                request_id=request_id,
                method=request.method,
                route=resource.canonical if resource is not None else "(unmatched)",
                status=status,
                duration_ms=round((time.perf_counter() - started) * 1000, 2),
            )

    return middleware
