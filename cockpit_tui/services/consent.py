"""Consent per channel: recorded from imports, events, the lead screen and the WhatsApp webhook.

:meth:`ConsentService.record_consent` is what the webhook calls when a
customer writes "PARAR"; :meth:`ConsentService.may_send_marketing` is what
reply templates marked ``marketing`` ask before going out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from cockpit_tui.domain.consent import (
    Channel,
    ConsentRecord,
    ConsentSource,
    ConsentState,
    may_send_marketing,
)
from cockpit_tui.services.clock import Clock
from cockpit_tui.store.handle import Store

if TYPE_CHECKING:
    from cockpit_tui.domain.intake import LeadRecord
    from cockpit_tui.store.transaction import Transaction


def _record(row: dict[str, Any]) -> ConsentRecord:
    return ConsentRecord(
        customer_id=row["customer_id"],
        channel=Channel(row["channel"]),
        state=ConsentState(row["state"]),
        source=ConsentSource(row["source"]),
        actor=row["actor"],
        at=row["at"],
    )


class ConsentService:
    """Reads and records customers' consent.

    Args:
        store: The open store.
        actor: Who records (a salesperson, or the connector's name).
        clock: Time source.
    """

    def __init__(self, store: Store, *, actor: str, clock: Clock) -> None:
        self._store = store
        self._actor = actor
        self._clock = clock

    def record_consent(
        self,
        customer_id: int,
        channel: Channel,
        state: ConsentState,
        *,
        source: ConsentSource,
        at: datetime | None = None,
    ) -> ConsentRecord:
        """Record that a customer granted or revoked consent on a channel.

        Raises:
            CustomerNotFoundError: no customer has that id.
        """
        from cockpit_tui.services.customers import CustomerNotFoundError
        from cockpit_tui.store.consent_audit import customer_exists, insert_consent
        from cockpit_tui.store.engine import write_session

        when = at or self._clock.now()
        with write_session(self._store.engine) as session:
            if not customer_exists(session, customer_id=customer_id):
                raise CustomerNotFoundError(customer_id=customer_id)
            insert_consent(
                session,
                customer_id=customer_id,
                channel=channel.value,
                state=state.value,
                source=source.value,
                actor=self._actor,
                at=when,
            )
        return ConsentRecord(customer_id, channel, state, source, self._actor, when)

    def record_opt_out(self, phone: str, channel: Channel, *, at: datetime) -> int:
        """Revoke ``channel`` for every customer with ``phone`` (a customer wrote "PARAR").

        Returns:
            How many customers it applied to (0 when the phone is no customer's).
        """
        from cockpit_tui.store.consent_audit import customer_ids_by_contact, insert_consent
        from cockpit_tui.store.engine import write_session

        with write_session(self._store.engine) as session:
            found = customer_ids_by_contact(session, phones=[phone], emails=[])
            for customer_id in sorted(set(found.values())):
                insert_consent(
                    session,
                    customer_id=customer_id,
                    channel=channel.value,
                    state=ConsentState.REVOKED.value,
                    source=ConsentSource.WHATSAPP.value,
                    at=at,
                    actor=self._actor,
                )
        return len(set(found.values()))

    def history(self, customer_id: int) -> list[ConsentRecord]:
        """Every consent record of a customer, oldest first."""
        from cockpit_tui.store.consent_audit import consent_rows
        from cockpit_tui.store.engine import read_session

        with read_session(self._store.engine) as session:
            return [_record(row) for row in consent_rows(session, customer_id=customer_id)]

    def consent_state(self, customer_id: int) -> dict[Channel, ConsentState | None]:
        """The state in effect on each channel (None: never asked)."""
        state: dict[Channel, ConsentState | None] = dict.fromkeys(Channel)
        for record in self.history(customer_id):
            state[record.channel] = record.state
        return state

    def may_send_marketing(self, customer_id: int, channel: Channel) -> bool:
        """Whether a marketing message may go to this customer on this channel.

        Only with consent granted there (the latest record counts). Replies to
        the customer's own inquiry are not marketing and need no such check.
        """
        return may_send_marketing(self.history(customer_id), channel)


def record_intake_consent(
    executor: Transaction,
    records: Sequence[LeadRecord],
    *,
    source: ConsentSource,
    actor: str,
    at: datetime,
) -> int:
    """Record the consent that imported rows or ingested leads carried (their customers exist).

    Called in the transaction that wrote the records; a record is matched to
    its customer by phone, then e-mail, as the intake matched it.

    Returns:
        How many consent records were written.
    """
    carrying = [record for record in records if record.consent]
    if not carrying:
        return 0
    # Imported only now: it loads the ORM's tables, which a file without consent never needs.
    from cockpit_tui.store.consent_audit import customer_ids_by_contact, insert_consents

    customers = customer_ids_by_contact(
        executor,
        phones=[record.phone for record in carrying if record.phone],
        emails=[record.email for record in carrying if record.email],
    )
    rows = []
    for record in carrying:
        keys = [f"phone:{record.phone}", f"email:{record.email}"]
        customer_id = next((customers[key] for key in keys if key in customers), None)
        if customer_id is None:
            continue
        rows += [
            {
                "customer_id": customer_id,
                "channel": channel,
                "state": state,
                "source": source.value,
                "actor": actor,
                "at": at,
            }
            for channel, state in record.consent
        ]
    insert_consents(executor, rows=rows)  # one statement: a file may carry it on every row
    return len(rows)
