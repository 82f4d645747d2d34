"""Who a lead is about and who works it: new leads and customers, salespeople, renegotiations."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.models import Direction, LeadCard, LeadCreate
from cockpit_tui.domain.sanitize import clean_message, clean_optional, clean_text
from cockpit_tui.services.leads.base import LeadServiceBase

if TYPE_CHECKING:
    from cockpit_tui.store.lead_write import LeadWrite


class PeopleActions(LeadServiceBase):
    """The people part of :class:`~cockpit_tui.services.leads.LeadService`."""

    def add(
        self,
        *,
        name: str,
        phone: str | None = None,
        email: str | None = None,
        vehicle: str | None = None,
        price: Decimal | None = None,
        source: str | None = None,
        message: str | None = None,
        external_id: str | None = None,
        at: datetime | None = None,
    ) -> LeadCard:
        """Add a lead that just arrived: a card on top of Nova proposta, not bold.

        A customer with the same phone or e-mail is reused, so their earlier
        negotiations stay linked.

        Raises:
            InvalidInputError: no name, or a phone that is not a valid number.
        """
        when = at or self._clock.now()
        spec = LeadCreate(
            name=name,
            phone=phone,
            email=email,
            vehicle=vehicle,
            price=price,
            source=source,
            external_id=external_id,
            created_at=when,
            messages=(),
        )
        with self._write() as write:
            lead_id = _insert(write, spec, first_message=message)
        return self._card(lead_id)

    def assign(self, lead_id: int, salesperson: str | None) -> LeadCard:
        """Assign the lead to a salesperson, or to nobody with None ("Não atribuído")."""
        from cockpit_tui.store import repository

        name = clean_optional(salesperson, max_length=100) if salesperson else None
        with self._write() as write:
            lead = write.lead(lead_id)
            if lead.assigned_to != name:
                lead.set_assigned_to(name)
                repository.insert_assignment(
                    write.session, lead_id=lead_id, assigned_to=name, actor=self.actor, at=write.now
                )
                write.log("lead.assigned", lead_id)
        return self._card(lead_id)

    def assign_to_me(self, lead_id: int) -> LeadCard:
        """Assign the lead to the current user."""
        return self.assign(lead_id, self.actor)

    def new_negotiation(self, lead_id: int) -> LeadCard:
        """Start a new negotiation with the customer of a sold or lost lead.

        The old lead keeps its history; the new one is a card on top of Nova
        proposta, linked to it and to the same customer.

        Raises:
            InvalidInputError: the lead's negotiation is still open.
        """
        with self._write() as write:
            old = write.lead(lead_id)
            if not old.status.is_closed:
                raise InvalidInputError("error.negotiation_still_open", lead_id=lead_id)
            new = write.new_lead(
                customer_id=old.customer_id,
                created_at=write.now,
                source=old.source,
                assigned_to=self.actor,
                previous_lead_id=lead_id,
            )
            write.log("lead.added", new.id)
        return self._card(new.id)


def _insert(write: LeadWrite, spec: LeadCreate, *, first_message: str | None) -> int:
    """Add the lead of ``spec`` (and its customer, unless known) in the caller's unit of work."""
    from cockpit_tui.store import repository

    name = clean_text(spec.name)
    if not name:
        raise InvalidInputError("error.name_required")
    from cockpit_tui.domain.phones import normalize_phone  # lazy: off the start-up path

    phone = None
    if spec.phone and clean_text(spec.phone):
        phone = normalize_phone(clean_text(spec.phone, max_length=40))
        if phone is None:
            raise InvalidInputError("error.bad_phone")
    email = clean_optional(spec.email)
    email = email.lower() if email else None
    customer_id = write.customer_for(name=name, phone=phone, email=email, at=spec.created_at)
    lead = write.new_lead(
        customer_id=customer_id,
        created_at=spec.created_at,
        vehicle=clean_optional(spec.vehicle),
        price=spec.price,
        source=clean_optional(spec.source),
        external_id=clean_optional(spec.external_id),
    )
    body = clean_message(first_message) if first_message else ""
    if body:
        repository.insert_message(
            write.session,
            lead_id=lead.id,
            direction=Direction.INBOUND.value,
            body=body,
            at=spec.created_at,
            author=None,
            read_at=spec.created_at,  # the arrival message is no reply: never bold
        )
    write.log("lead.created", lead.id)
    return lead.id
