"""A lead typed by hand (a walk-in, a phone call): sources, duplicates, creation.

The new-lead form and ``cockpit add`` call the same three methods:
:meth:`LeadEntryService.sources` for the source list,
:meth:`LeadEntryService.matches` before saving (the form offers to open the
lead found instead), and :meth:`LeadEntryService.create`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cockpit_tui.domain.errors import InvalidInputError, LeadNotFoundError
from cockpit_tui.domain.intake import is_email
from cockpit_tui.domain.lead_entry import NewLead, check_new_lead, source_choices
from cockpit_tui.domain.models import LeadCard
from cockpit_tui.domain.sanitize import clean_text
from cockpit_tui.services.card_rows import card_from_row
from cockpit_tui.services.store_service import StoreService

if TYPE_CHECKING:
    from cockpit_tui.domain.lead_entry import CleanLead
    from cockpit_tui.store.lead_write import LeadWrite


class LeadEntryService(StoreService):
    """Creates leads typed by hand (the actor is the salesperson typing)."""

    def sources(self) -> list[str]:
        """Sources to offer: "Loja (presencial)", "Telefone", then the store's known ones."""
        from cockpit_tui.store.source_reads import known_sources

        return source_choices(known_sources(self._store.reader))

    def matches(self, *, phone: str = "", email: str = "") -> list[LeadCard]:
        """Open leads of the store whose customer has this phone or e-mail, newest first.

        Text that is not a valid phone or e-mail matches nothing (the form
        reports it when saving).
        """
        from cockpit_tui.domain.phones import normalize_phone
        from cockpit_tui.store.engine import read_session
        from cockpit_tui.store.lead_entry import open_leads_with_contact

        number = normalize_phone(clean_text(phone, max_length=40)) if phone.strip() else None
        address = clean_text(email).lower()
        with read_session(self._store.engine) as session:
            lead_ids = open_leads_with_contact(
                session, phone=number, email=address if is_email(address) else None
            )
        return [self._card(lead_id) for lead_id in lead_ids]

    def create(self, typed: NewLead, *, assign_to: str | None) -> LeadCard:
        """Create the lead: a card on top of Nova proposta on every open board.

        The customer already stored with the same phone or e-mail and the same
        name is reused (their negotiations stay linked); someone else sharing a
        phone (a relative, a company line) gets a customer of their own. The
        first note or message is kept as a note of the salesperson who typed it.

        Args:
            typed: What the salesperson typed.
            assign_to: The salesperson the lead goes to (None: unassigned, or
                the store's distribution rule once it has one).

        Raises:
            InvalidInputError: a field is not acceptable, or ``assign_to`` is
                not on the store's team.
        """
        lead = check_new_lead(typed)
        assignee = self._first_salesperson(assign_to)
        with self._write() as write:
            lead_id = self._insert(write, lead, assignee)
        return self._card(lead_id)

    def _first_salesperson(self, requested: str | None) -> str | None:
        """Who the new lead goes to: the one call site where distribution plugs in."""
        if requested is None:
            return None
        name = clean_text(requested, max_length=100)
        if not name:
            return None
        if name != self._actor and not self._store.reader.is_team_member(name):
            from cockpit_tui.store import repository
            from cockpit_tui.store.engine import read_session

            with read_session(self._store.engine) as session:
                team = [row.name for row in repository.team_members(session)]
            raise InvalidInputError(
                "entry.unknown_salesperson", name=name, team=", ".join(team) or "—"
            )
        return name

    def _insert(self, write: LeadWrite, lead: CleanLead, assignee: str | None) -> int:
        from cockpit_tui.store import repository

        customer_id = write.person_for(
            name=lead.name, phone=lead.phone, email=lead.email, at=write.now
        )
        created = write.new_lead(
            customer_id=customer_id,
            created_at=write.now,
            vehicle=lead.vehicle,
            price=lead.price,
            source=lead.source,
            assigned_to=assignee,
        )
        if assignee is not None:
            repository.insert_assignment(
                write.session,
                lead_id=created.id,
                assigned_to=assignee,
                actor=self._actor,
                at=write.now,
            )
        if lead.message:
            repository.insert_note(
                write.session,
                lead_id=created.id,
                body=lead.message,
                actor=self._actor,
                at=write.now,
            )
            # The salesperson typing what the customer said is already talking to them:
            # a note is a first response (issue 15), in 0 business seconds.
            write.respond(created)
        write.log("lead.added", created.id)
        return created.id

    def _card(self, lead_id: int) -> LeadCard:
        row = self._store.reader.card_row(lead_id)
        if row is None:
            raise LeadNotFoundError(lead_id=lead_id)
        return card_from_row(row)
