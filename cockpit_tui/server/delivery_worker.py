"""The delivery worker: sends the outbox through WhatsApp, once each.

One pass (:meth:`DeliveryWorker.run_once`): renew the store's delivery lease
(only its holder sends), settle claims left in doubt, then claim, send and
conclude each due reply in turn. The store side, and why a claim in doubt is
settled the way it is, is in :mod:`cockpit_tui.services.delivery`. Time comes
from the services' clock, so tests drive retries with a virtual clock and
call :meth:`run_once` themselves, with no real waiting.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from cockpit_tui.server.blocking import StoreCalls
from cockpit_tui.server.graph_client import GraphClient, WhatsAppConfig
from cockpit_tui.server.request_log import JsonLog
from cockpit_tui.services.clock import Clock
from cockpit_tui.services.delivery import DeliveryService, DueReply
from cockpit_tui.services.reply_window import ReplyWindowService

#: Reasons the worker itself gives for not sending (catalog ids, shown on the lead screen).
NO_PHONE = "delivery.no_phone"
WINDOW_CLOSED = "delivery.window_closed"


@dataclass(frozen=True, slots=True)
class WorkerTiming:
    """How the worker paces itself.

    Attributes:
        lease_ttl: How long a taken lease lasts without renewal.
        in_doubt_grace: How long this process waits for evidence (a status
            webhook) about a claim in doubt before sending again.
        idle_seconds: Real seconds between passes when nothing is due.
    """

    lease_ttl: timedelta = timedelta(seconds=30)
    in_doubt_grace: timedelta = timedelta(minutes=10)
    idle_seconds: float = 1.0


class DeliveryWorker:
    """Delivers due replies, one at a time, for as long as the server runs.

    Args:
        delivery: The delivery state in the store.
        windows: The 24-hour rule.
        config: Reads the WhatsApp settings (None: delivery is not set up).
        client: The Graph API client.
        calls: The server's store thread.
        clock: Time source.
        log: Where to say what happened (no customer data).
        timing: Lease, grace and pacing.
        rng: Randomness of the backoff's jitter.
    """

    def __init__(
        self,
        *,
        delivery: DeliveryService,
        windows: ReplyWindowService,
        config: Callable[[], WhatsAppConfig | None],
        client: GraphClient,
        calls: StoreCalls,
        clock: Clock,
        log: JsonLog,
        timing: WorkerTiming | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self._delivery = delivery
        self._windows = windows
        self._config = config
        self._client = client
        self._calls = calls
        self._clock = clock
        self._log = log
        self._timing = timing or WorkerTiming()
        self._rng = rng or random.Random()
        self._in_doubt_seen: dict[tuple[int, str], datetime] = {}
        self._stopping = asyncio.Event()
        self._announced_off = False
        self._renewed_at: datetime | None = None

    def stop(self) -> None:
        """Finish the send under way, then stop (:meth:`run` returns)."""
        self._stopping.set()

    async def run(self) -> None:
        """Pass after pass until :meth:`stop`; gives the lease back at the end."""
        try:
            while not self._stopping.is_set():
                try:
                    await self.run_once()
                except Exception as error:
                    self._log.write("delivery.pass_failed", error=type(error).__name__)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stopping.wait(), self._timing.idle_seconds)
        finally:
            try:
                await self._calls(self._delivery.release_lease)
            except Exception as error:
                self._log.write("delivery.release_failed", error=type(error).__name__)

    async def run_once(self) -> int:
        """One pass; returns how many send attempts it made."""
        config = await self._calls(self._config)
        if config is None:
            if not self._announced_off:
                self._log.write("delivery.off", reason="whatsapp settings not set")
                self._announced_off = True
            return 0
        self._announced_off = False
        if not await self._hold_lease():
            return 0
        await self._settle_claims_in_doubt()
        attempts = 0
        for reply in await self._calls(self._delivery.due):
            if self._stopping.is_set():
                break
            if await self._deliver(reply, config):
                attempts += 1
        return attempts

    async def _hold_lease(self) -> bool:
        """Take or renew the lease, renewing a held one only every third of its length.

        Renewing is a commit; doing it every pass would wake every open board
        each second. Claims check the lease in their own transaction anyway.
        """
        now = self._clock.now()
        if self._renewed_at is not None and now - self._renewed_at < self._timing.lease_ttl / 3:
            return True
        if await self._calls(self._delivery.take_lease, self._timing.lease_ttl):
            self._renewed_at = now
            return True
        self._renewed_at = None
        return False

    async def _settle_claims_in_doubt(self) -> None:
        now = self._clock.now()
        open_keys = set()
        for claim in await self._calls(self._delivery.open_claims):
            key = (claim.message_id, claim.token)
            open_keys.add(key)
            # The grace counts from when *this* process first saw the claim:
            # after a restart, WhatsApp's status webhooks need time to reach us.
            seen = self._in_doubt_seen.setdefault(key, now)
            if now - seen >= self._timing.in_doubt_grace:
                if await self._calls(self._delivery.give_up_claim, *key):
                    self._log.write("delivery.resend_in_doubt", message_id=claim.message_id)
                open_keys.discard(key)
        for key in list(self._in_doubt_seen):
            if key not in open_keys:
                del self._in_doubt_seen[key]

    async def _deliver(self, reply: DueReply, config: WhatsAppConfig) -> bool:
        if not reply.phone:
            return await self._refuse(reply, NO_PHONE)
        if reply.template is None:
            # Free text only within 24 h of the customer's last message; an
            # approved template may go at any time.
            window = await self._calls(self._windows.window, reply.lead_id)
            if not window.is_open:
                return await self._refuse(reply, WINDOW_CLOSED)
        token = await self._calls(self._delivery.claim, reply.message_id)
        if token is None:
            return False
        if reply.template is None:
            result = await self._client.send_text(
                config, to=reply.phone, body=reply.body, claim_token=token
            )
        else:
            result = await self._client.send_template(
                config, to=reply.phone, template=reply.template, claim_token=token
            )
        message_id = reply.message_id
        if result.outcome == "accepted":
            assert result.wa_message_id is not None
            await self._calls(self._delivery.sent, message_id, token, result.wa_message_id)
            self._log.write("delivery.sent", message_id=message_id)
        elif result.outcome == "retry":
            state = await self._calls(
                self._delivery.retry_later,
                message_id,
                token,
                attempts=reply.attempts + 1,
                first_attempt_at=reply.first_attempt_at,
                error=result.error or "",
                rng=self._rng,
            )
            self._log.write(f"delivery.{state}", message_id=message_id, error=result.error)
        elif result.outcome == "failed":
            await self._calls(self._delivery.failed, message_id, token, result.error or "")
            self._log.write("delivery.failed", message_id=message_id, error=result.error)
        else:
            self._in_doubt_seen[(message_id, token)] = self._clock.now()
            self._log.write("delivery.in_doubt", message_id=message_id, error=result.error)
        return True

    async def _refuse(self, reply: DueReply, reason: str) -> bool:
        token = await self._calls(self._delivery.claim, reply.message_id)
        if token is None:
            return False
        await self._calls(self._delivery.failed, reply.message_id, token, reason)
        self._log.write("delivery.failed", message_id=reply.message_id, error=reason)
        return True
