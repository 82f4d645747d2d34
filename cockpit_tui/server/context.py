"""What every handler of the server shares: the services and the store thread."""

from __future__ import annotations

from dataclasses import dataclass

from aiohttp import web

from cockpit_tui.i18n.translate import Translator
from cockpit_tui.server.blocking import StoreCalls
from cockpit_tui.server.request_log import JsonLog
from cockpit_tui.services import Services
from cockpit_tui.services.api_tokens import TokenService
from cockpit_tui.services.consent import ConsentService
from cockpit_tui.services.delivery import DeliveryService


@dataclass(slots=True)
class ServerContext:
    """The server's shared state.

    Attributes:
        services: The store's services (intake, settings …).
        tokens: Checks API tokens.
        delivery: The outbox's delivery state (statuses from webhooks land here).
        calls: Runs store calls off the event loop.
        log: The JSON line log.
        t: Sentences of error answers, in the server's language.
    """

    services: Services
    tokens: TokenService
    delivery: DeliveryService
    calls: StoreCalls
    log: JsonLog
    t: Translator

    @property
    def consent(self) -> ConsentService:
        """Consent records: a customer's "PARAR" on WhatsApp revokes that channel."""
        services = self.services
        return ConsentService(services.store, actor=services.actor, clock=services.clock)


CONTEXT_KEY = web.AppKey("cockpit_context", ServerContext)

#: Largest request body accepted (bigger: 413).
MAX_BODY = 1024 * 1024


def error_response(status: int, message: str, **fields: object) -> web.Response:
    """A JSON error answer: ``{"error": message, …fields}``."""
    return web.json_response({"error": message, **fields}, status=status)
