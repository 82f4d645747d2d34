"""The event feed's writes: ``lead.created`` and ``message.received`` inside a unit of work.

``cockpit ingest`` (and the WhatsApp webhook) apply each event in its own
transaction; ``POST /api/v1/events`` applies a request's events in one, so a
batch of 100 costs one commit instead of 100. Both go through
:func:`apply_in`, so an event id is applied once whichever way it came.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from cockpit_tui.domain.events import IncomingEvent, IngestProblem
from cockpit_tui.domain.intake import LeadRecord, Rejection, validate

if TYPE_CHECKING:
    from cockpit_tui.store.lead_write import LeadWrite
    from cockpit_tui.store.transaction import Transaction


class Queued:
    """The outcome of a message kept in the "sem lead" queue (it counts as applied)."""


QUEUED = Queued()


@dataclass(frozen=True, slots=True)
class Prepared:
    """A parsed event, its new lead already validated (outside the write lock).

    Attributes:
        number: The event's line.
        event: The event.
        checked: For ``lead.created``, the lead as validated or why it is refused;
            None for a message.
    """

    number: int
    event: IncomingEvent
    checked: LeadRecord | IngestProblem | None


@dataclass(frozen=True, slots=True)
class EventWriter:
    """Who applies the events, when, and the zone of dates written without one."""

    actor: str
    now: datetime
    zone: tzinfo | None

    def prepare(self, event: IncomingEvent, number: int) -> Prepared:
        """Validate a new lead before the transaction (checking a phone is the slow part)."""
        checked = self._checked(event, number) if event.kind == "lead.created" else None
        return Prepared(number, event, checked)

    def apply_in(self, write: LeadWrite, prepared: Prepared) -> IngestProblem | bool | Queued:
        """Apply one prepared event in the open unit of work ``write``.

        Returns:
            True when applied, False when its id was applied before, :data:`QUEUED`
            for a message that matched no lead, else the problem.
        """
        return self.apply_all_in(write, [prepared])[0]

    def apply_all_in(
        self, write: LeadWrite, events: Sequence[Prepared]
    ) -> list[IngestProblem | bool | Queued]:
        """Apply prepared events, in order, in the open unit of work ``write``.

        Consecutive new leads are written together (one pass of the bulk
        intake, which matches each against the store and the ones before it,
        as an import does); a message is applied after the leads before it.

        Returns:
            For each event, what :meth:`apply_in` returns for it.
        """
        outcomes: list[IngestProblem | bool | Queued] = []
        leads: list[Prepared] = []
        for prepared in events:
            if prepared.event.kind == "lead.created":
                leads.append(prepared)
                continue
            outcomes.extend(self._leads_created(write, leads))
            leads = []
            outcomes.append(self._message_received(write, prepared.event))
            # The next event's plain SQL must see this one's changes to loaded rows.
            write.flush()
        outcomes.extend(self._leads_created(write, leads))
        return outcomes

    def _leads_created(
        self, write: LeadWrite, events: Sequence[Prepared]
    ) -> list[IngestProblem | bool | Queued]:
        from cockpit_tui.store import unmatched
        from cockpit_tui.store.intake import apply_records, events_seen, remember_events

        session = write.session
        seen = events_seen(session, event_ids=[prepared.event.event_id for prepared in events])
        outcomes: list[IngestProblem | bool | Queued] = []
        new: dict[str, LeadRecord] = {}
        for prepared in events:
            event, checked = prepared.event, prepared.checked
            assert checked is not None
            if isinstance(checked, IngestProblem):  # a bad lead says so even if its id was seen
                outcomes.append(checked)
            elif event.event_id in seen or event.event_id in new:
                outcomes.append(False)
            else:
                outcomes.append(True)
                new[event.event_id] = checked
        if not new:
            return outcomes
        records = list(new.values())
        result = apply_records(
            session.connection(), records, actor=self.actor, now=self.now, fingerprints=False
        )
        record_consent(session, records, "ingest", self.actor, self.now)
        if unmatched.any_waiting(session.connection()):
            for record, lead_id in zip(records, result.lead_ids, strict=True):
                _take_queued(write, lead_id, record)
        remember_events(session, event_ids=list(new), at=self.now)
        write.flush()
        return outcomes

    def _checked(self, event: IncomingEvent, number: int) -> LeadRecord | IngestProblem:
        assert event.lead_fields is not None
        checked = validate(event.lead_fields, zone=self.zone)
        if isinstance(checked, Rejection):
            return IngestProblem(number, checked.reason, dict(checked.values))
        if checked.created_at is None:
            from dataclasses import replace

            checked = replace(checked, created_at=event.at)
        return checked

    def _message_received(self, write: LeadWrite, event: IncomingEvent) -> bool | Queued:
        from cockpit_tui.services.leads import add_inbound_message
        from cockpit_tui.store.intake import event_seen, remember_event

        session = write.session
        if event_seen(session, event_id=event.event_id):
            return False
        lead_id = _find_lead(write, event)
        if lead_id is None:
            _keep_unmatched(write, event, received_at=self.now)
            remember_event(session, event_id=event.event_id, at=self.now)
            return QUEUED
        add_inbound_message(write, write.lead(lead_id), event.text, at=event.at)
        remember_event(session, event_id=event.event_id, at=self.now)
        return True


def record_consent(
    executor: Transaction,
    records: list[LeadRecord],
    source: str,
    actor: str,
    at: datetime,
) -> None:
    """The consent the records carried (issue 19), in the transaction that wrote them."""
    from cockpit_tui.domain.consent import ConsentSource
    from cockpit_tui.services.consent import record_intake_consent

    record_intake_consent(executor, records, source=ConsentSource(source), actor=actor, at=at)


def _take_queued(write: LeadWrite, lead_id: int, record: LeadRecord) -> None:
    """Give a lead the queued messages that named its external id or phone."""
    from cockpit_tui.services.leads import add_inbound_message
    from cockpit_tui.store import unmatched

    waiting = unmatched.claim(
        write.session.connection(), external_id=record.external_id, phone=record.phone
    )
    if not waiting:
        return
    lead = write.lead(lead_id)
    for message in waiting:
        add_inbound_message(write, lead, message.body, at=message.at)


def _keep_unmatched(write: LeadWrite, event: IncomingEvent, *, received_at: datetime) -> None:
    from cockpit_tui.domain.phones import normalize_phone
    from cockpit_tui.store import unmatched

    phone = None if event.phone is None else normalize_phone(event.phone) or event.phone
    unmatched.keep(
        write.session.connection(),
        unmatched.UnmatchedMessage(
            id=0,
            event_id=event.event_id,
            at=event.at,
            received_at=received_at,
            lead_ref=event.lead_id,
            external_id=event.lead_external_id,
            phone=phone,
            body=event.text,
        ),
    )


def _find_lead(write: LeadWrite, event: IncomingEvent) -> int | None:
    """The lead a message names: ``lead_id``, ``lead_external_id`` or ``phone``."""
    from cockpit_tui.domain.phones import normalize_phone
    from cockpit_tui.store.intake import find_lead

    session = write.session
    if event.lead_id is not None:
        return find_lead(session, lead_id=event.lead_id)
    if event.lead_external_id:
        return find_lead(session, external_id=event.lead_external_id)
    if event.phone:
        phone = normalize_phone(event.phone)
        return None if phone is None else find_lead(session, phone=phone)
    return None
