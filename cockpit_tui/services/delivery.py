"""Delivery of the outbox: the store side of ``cockpit serve``'s delivery worker.

Exactly once, in three commits per reply:

1. **claim** — the reply is marked ``sending`` under a fresh claim token, but
   only by the process holding the ``delivery`` lease (so two servers on one
   store never both send);
2. the request goes to WhatsApp carrying the token as
   ``biz_opaque_callback_data``, which WhatsApp echoes in its status webhooks;
3. **conclude** — ``sent`` with WhatsApp's message id, ``retry`` at a later
   time, or ``failed``, each only if the claim is still the current one.

A claim left open (the process died between 1 and 3, or the answer never
came) is *in doubt*. It is settled by evidence: a status webhook carrying
its token means WhatsApp accepted the send, and the reply is marked sent with
the message id from the webhook. Without evidence after a grace period the
send is taken as not accepted and tried again. "Accepted" therefore means
"WhatsApp answered with a message id, or reported a status for our token";
see docs/EVENTS.md.
"""

from __future__ import annotations

import os
import random
import socket
import uuid
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from cockpit_tui.services.clock import Clock
from cockpit_tui.store.delivery import Claim, DeliveryRow, DueReply, log_delivery_change
from cockpit_tui.store.handle import Store

if TYPE_CHECKING:
    from cockpit_tui.store.transaction import Connection

__all__ = [
    "Claim",
    "DeliveryRow",
    "DeliveryService",
    "DueReply",
    "delivery_in_flight",
    "delivery_states",
    "requeue_failed",
]

#: The lease only one ``cockpit serve`` of a store holds at a time.
LEASE_NAME = "delivery"
#: Transient errors are retried for this long after the first attempt.
RETRY_FOR = timedelta(hours=1)
#: The first retry waits about this long; each next one twice as long …
RETRY_BASE = timedelta(seconds=5)
#: … up to this.
RETRY_CAP = timedelta(minutes=10)


def retry_delay(attempts: int, rng: random.Random) -> timedelta:
    """Exponential backoff with jitter: between half and all of ``base × 2^(attempts-1)``."""
    ceiling = min(RETRY_CAP, RETRY_BASE * (2 ** max(0, min(attempts - 1, 20))))
    delay: timedelta = ceiling * rng.uniform(0.5, 1.0)
    return delay


def new_holder_id() -> str:
    """This process's name in the lease: host, process id and a random part."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:12]}"


def holder_is_gone(holder: str) -> bool:
    """Whether the lease holder ``holder`` was a process of this machine that is gone.

    A server killed with SIGKILL never gives its lease back; a new server on
    the same machine need not wait for it to expire when that process no
    longer exists. Holders on other machines are trusted until expiry.
    """
    host, _, rest = holder.partition(":")
    pid_text, _, _ = rest.partition(":")
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return False  # another server in this very process (tests): trust the expiry
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


class DeliveryService:
    """The delivery state of the outbox, for one server process.

    Args:
        store: The open store.
        clock: Time source (a virtual one in tests).
        holder: This process's lease holder id (:func:`new_holder_id`).
        actor: Recorded in the change log.
    """

    def __init__(self, store: Store, *, clock: Clock, holder: str, actor: str = "cockpit serve"):
        self._store = store
        self._clock = clock
        self.holder = holder
        self._actor = actor

    # -- the lease -------------------------------------------------------------

    def take_lease(self, ttl: timedelta) -> bool:
        """Take or renew the delivery lease for ``ttl``; False while another server holds it."""
        from cockpit_tui.store.delivery import take_lease
        from cockpit_tui.store.engine import write_connection

        now = self._clock.now()
        with write_connection(self._store.engine) as connection:
            return take_lease(
                connection,
                name=LEASE_NAME,
                holder=self.holder,
                now=now,
                until=now + ttl,
                holder_gone=holder_is_gone,
            )

    def release_lease(self) -> None:
        """Give the lease up (a clean shutdown)."""
        from cockpit_tui.store.delivery import release_lease
        from cockpit_tui.store.engine import write_connection

        with write_connection(self._store.engine) as connection:
            release_lease(connection, name=LEASE_NAME, holder=self.holder)

    # -- the queue ---------------------------------------------------------------

    def due(self, *, limit: int = 20) -> list[DueReply]:
        """Queue replies written since the last pass, then return those due now."""
        from cockpit_tui.store.delivery import due_replies, enqueue_new_replies
        from cockpit_tui.store.engine import write_connection

        now = self._clock.now()
        with write_connection(self._store.engine) as connection:
            enqueue_new_replies(connection, now=now)
            return due_replies(connection, now=now, limit=limit)

    def next_due_at(self) -> datetime | None:
        """When the earliest scheduled retry is due."""
        from cockpit_tui.store.delivery import next_due_at

        with self._read() as connection:
            return next_due_at(connection)

    def claim(self, message_id: int) -> str | None:
        """Claim a due reply for one send attempt; its token, or None if not ours to send."""
        from cockpit_tui.store.delivery import claim
        from cockpit_tui.store.engine import write_connection

        token = uuid.uuid4().hex
        with write_connection(self._store.engine) as connection:
            claimed = claim(
                connection,
                message_id=message_id,
                token=token,
                holder=self.holder,
                now=self._clock.now(),
            )
        return token if claimed else None

    def sent(self, message_id: int, token: str, wa_message_id: str) -> bool:
        """WhatsApp accepted the send: store its message id; the reply leaves the outbox."""
        return self._conclude(message_id, token, "sent", wa_message_id=wa_message_id)

    def retry_later(
        self,
        message_id: int,
        token: str,
        *,
        attempts: int,
        first_attempt_at: datetime | None,
        error: str,
        rng: random.Random,
    ) -> str:
        """A transient error: schedule the next attempt, or fail after :data:`RETRY_FOR`.

        Returns:
            The state now: ``retry`` or ``failed``.
        """
        now = self._clock.now()
        started = first_attempt_at or now
        next_at = now + retry_delay(attempts, rng)
        if next_at - started > RETRY_FOR:
            self._conclude(message_id, token, "failed", error=error)
            return "failed"
        self._conclude(message_id, token, "retry", next_attempt_at=next_at, error=error)
        return "retry"

    def failed(self, message_id: int, token: str, error: str) -> bool:
        """A refusal that retrying will not fix: the reply stays in the outbox as failed."""
        return self._conclude(message_id, token, "failed", error=error)

    def open_claims(self) -> list[Claim]:
        """Send attempts committed and never concluded."""
        from cockpit_tui.store.delivery import open_claims

        with self._read() as connection:
            return open_claims(connection)

    def give_up_claim(self, message_id: int, token: str) -> bool:
        """An in-doubt claim with no evidence of acceptance: try the reply again now."""
        return self._conclude(message_id, token, "retry", next_attempt_at=self._clock.now())

    def apply_status(
        self,
        *,
        wa_message_id: str,
        claim_token: str | None,
        state: str,
        at: datetime,
        error: str | None = None,
    ) -> bool:
        """A status webhook (sent, delivered, read, failed) for one of our replies.

        Returns:
            Whether it changed a reply (False: not ours, or older news).
        """
        from cockpit_tui.store.delivery import apply_status
        from cockpit_tui.store.engine import write_connection

        with write_connection(self._store.engine) as connection:
            lead_id = apply_status(
                connection,
                wa_message_id=wa_message_id,
                claim_token=claim_token,
                state=state,
                at=at,
                error=error,
            )
            if lead_id is not None:
                log_delivery_change(
                    connection, lead_id=lead_id, actor=self._actor, at=self._clock.now()
                )
        return lead_id is not None

    def _conclude(self, message_id: int, token: str, state: str, **values: object) -> bool:
        from cockpit_tui.store.delivery import conclude
        from cockpit_tui.store.engine import write_connection

        now = self._clock.now()
        with write_connection(self._store.engine) as connection:
            lead_id = conclude(
                connection,
                message_id=message_id,
                token=token,
                state=state,
                now=now,
                **values,  # type: ignore[arg-type]
            )
            if lead_id is not None:
                log_delivery_change(connection, lead_id=lead_id, actor=self._actor, at=now)
        return lead_id is not None

    def _read(self) -> _ReadConnection:
        return _ReadConnection(self._store)


class _ReadConnection:
    """A read-only transaction on the store's engine (``with`` yields the connection)."""

    def __init__(self, store: Store) -> None:
        self._context = store.engine.execution_options(cockpit_read_only=True).begin()

    def __enter__(self) -> Connection:
        return self._context.__enter__()

    def __exit__(self, *exc: object) -> None:
        self._context.__exit__(*exc)  # type: ignore[arg-type]


def delivery_states(store: Store, lead_id: int) -> list[DeliveryRow]:
    """Where each of a lead's replies stands (sent, delivered, read, failed …)."""
    from cockpit_tui.store.delivery import deliveries_of_lead

    with _ReadConnection(store) as connection:
        return deliveries_of_lead(connection, lead_id=lead_id)


def delivery_in_flight(store: Store, customer_id: int) -> bool:
    """Whether a reply to this customer is queued, being sent or waiting for a retry.

    For the customer-erasure path: erasing a customer while a reply is on its
    way would leave WhatsApp holding text the store no longer has.
    """
    from cockpit_tui.store.delivery import in_flight_for_customer

    with _ReadConnection(store) as connection:
        return in_flight_for_customer(connection, customer_id=customer_id)


def requeue_failed(store: Store, message_id: int, *, clock: Clock) -> bool:
    """Put a failed reply back in the queue (the user's retry); False if it had not failed."""
    from cockpit_tui.store.delivery import requeue
    from cockpit_tui.store.engine import write_connection

    with write_connection(store.engine) as connection:
        lead_id = requeue(connection, message_id=message_id, now=clock.now())
        if lead_id is not None:
            log_delivery_change(connection, lead_id=lead_id, actor="cockpit", at=clock.now())
    return lead_id is not None


def requeue_failed_of_lead(store: Store, lead_id: int, *, clock: Clock, actor: str) -> int:
    """Put every failed reply of a lead back in the queue (the lead screen's retry); how many."""
    from cockpit_tui.store.delivery import requeue_failed_of_lead as requeue_lead
    from cockpit_tui.store.engine import write_connection

    with write_connection(store.engine) as connection:
        count = requeue_lead(connection, lead_id=lead_id, now=clock.now())
        if count:
            log_delivery_change(connection, lead_id=lead_id, actor=actor, at=clock.now())
    return count
