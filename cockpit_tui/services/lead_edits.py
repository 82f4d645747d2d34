"""Correcting a lead: the customer's name, phone and e-mail; the vehicle, price and source.

Each corrected field is recorded in the lead's history (who, when, old and
new value) and the search index follows in the same transaction.

Edits do not bump the version that moves compare against: a correction of a
phone does not change where the lead stands, and bumping it would make a
colleague's move of the same card fail for nothing. Two people correcting
the same field are caught instead by comparing the value the editor saw
(``seen``) with the stored one, field by field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from cockpit_tui.domain.errors import InvalidInputError, MoveConflictError
from cockpit_tui.domain.lead_edits import EditableField, FieldChange, read_field, stored_text
from cockpit_tui.domain.models import LeadCard
from cockpit_tui.services.card_rows import card_from_row
from cockpit_tui.services.rows import field_change_from_row
from cockpit_tui.services.store_service import StoreService

if TYPE_CHECKING:
    from cockpit_tui.store.lead_write import LeadWrite, WrittenCustomer, WrittenLead

Value = str | Decimal | None


@dataclass(frozen=True, slots=True)
class EditResult:
    """What an edit did.

    Attributes:
        card: The lead as it is now.
        changes: The fields that changed (typing a field's current value changes nothing).
        shared_contact: Other open leads (of other customers) with the new
            phone or e-mail: flagged, never merged.
    """

    card: LeadCard
    changes: tuple[FieldChange, ...]
    shared_contact: tuple[int, ...]


def value_on_card(card: LeadCard, field: EditableField) -> Value:
    """A field's value as a card shows it (what the editor saw)."""
    values: dict[EditableField, Value] = {
        EditableField.NAME: card.customer_name,
        EditableField.PHONE: card.phone,
        EditableField.EMAIL: card.email,
        EditableField.VEHICLE: card.vehicle,
        EditableField.PRICE: card.price,
        EditableField.SOURCE: card.source,
    }
    return values[field]


class LeadEditService(StoreService):
    """Corrects leads and reads their corrections (the actor is the salesperson correcting)."""

    def edit(
        self,
        lead_id: int,
        typed: Mapping[EditableField, str],
        *,
        seen_version: int | None = None,
        seen: LeadCard | None = None,
    ) -> EditResult:
        """Correct the fields in ``typed`` (raw text; empty clears a field but the name).

        Args:
            lead_id: The lead.
            typed: New values by field; fields left out are not touched.
            seen_version: Refuse if the lead moved since this version (``--expect-version``).
            seen: The lead as the editor saw it: refuse if a field being
                changed was changed by someone else since.

        Raises:
            InvalidInputError: a value is not acceptable, or the lead would be
                left with neither phone nor e-mail.
            MoveConflictError: the lead is no longer at ``seen_version``, or a
                field changed since ``seen`` ("error.edit_conflict").
            LeadNotFoundError: no lead has that id.
        """
        wanted = {field: read_field(field, raw) for field, raw in typed.items()}
        with self._write() as write:
            changes, shared = self._apply(write, lead_id, wanted, seen_version, seen)
        row = self._store.reader.card_row(lead_id)
        assert row is not None
        return EditResult(card_from_row(row), changes, shared)

    def edits(self, lead_id: int) -> list[FieldChange]:
        """A lead's corrected fields, oldest first."""
        from cockpit_tui.store.engine import read_session
        from cockpit_tui.store.lead_entry import edits_of_lead

        with read_session(self._store.engine) as session:
            return [field_change_from_row(row) for row in edits_of_lead(session, lead_id=lead_id)]

    def _apply(
        self,
        write: LeadWrite,
        lead_id: int,
        wanted: dict[EditableField, Value],
        seen_version: int | None,
        seen: LeadCard | None,
    ) -> tuple[tuple[FieldChange, ...], tuple[int, ...]]:
        from cockpit_tui.store.lead_entry import (
            insert_lead_edit,
            lead_ids_of_customer,
            open_leads_with_contact,
        )

        lead = write.lead(lead_id)
        if seen_version is not None and lead.version != seen_version:
            moved = write.conflict(lead, seen_version)
            raise _conflict(lead, seen_version, "error.move_conflict", moved.values.get("moved_by"))
        customer = write.customer(lead.customer_id)
        changed = {
            field: value
            for field, value in wanted.items()
            if _stored(lead, customer, field) != value
        }
        if seen is not None and any(
            _stored(lead, customer, field) != value_on_card(seen, field) for field in changed
        ):
            raise _conflict(lead, lead.version, "error.edit_conflict", None)
        phone = changed.get(EditableField.PHONE, customer.field("phone"))
        email = changed.get(EditableField.EMAIL, customer.field("email"))
        if phone is None and email is None:
            raise InvalidInputError("entry.contact_required")
        records = []
        for field, value in changed.items():
            old = _stored(lead, customer, field)
            if field.is_customer:
                customer.set_field(_COLUMN[field], stored_text(value))
            else:
                lead.set_negotiation(_COLUMN[field], value)
            records.append(
                insert_lead_edit(
                    write.session,
                    lead_id=lead_id,
                    field=field.value,
                    old_value=stored_text(old),
                    new_value=stored_text(value),
                    actor=self._actor,
                    at=write.now,
                )
            )
        if not records:
            return (), ()
        write.flush()
        touched = [lead_id]
        if any(field.is_customer for field in changed):
            touched = lead_ids_of_customer(write.session, customer_id=customer.id)
        for touched_id in touched:
            write.reindex(touched_id)
            write.log("lead.edited", touched_id)
        shared: list[int] = []
        if EditableField.PHONE in changed or EditableField.EMAIL in changed:
            shared = open_leads_with_contact(
                write.session,
                phone=stored_text(phone) if EditableField.PHONE in changed else None,
                email=stored_text(email) if EditableField.EMAIL in changed else None,
                other_than_customer=customer.id,
            )
        return tuple(field_change_from_row(row) for row in records), tuple(shared)


_COLUMN = {
    EditableField.NAME: "name",
    EditableField.PHONE: "phone",
    EditableField.EMAIL: "email",
    EditableField.VEHICLE: "vehicle",
    EditableField.PRICE: "price",
    EditableField.SOURCE: "source",
}


def _stored(lead: WrittenLead, customer: WrittenCustomer, field: EditableField) -> Value:
    if field.is_customer:
        return customer.field(_COLUMN[field])
    return lead.negotiation(_COLUMN[field])


def _conflict(
    lead: WrittenLead, seen_version: int, message_id: str, moved_by: str | None
) -> MoveConflictError:
    return MoveConflictError(
        message_id,
        lead_id=lead.id,
        seen_version=seen_version,
        current_version=lead.version,
        status=lead.status.value,
        moved_by=moved_by,
    )
