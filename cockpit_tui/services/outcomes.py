"""How a negotiation ended: the sale's data, or why it was lost."""

from __future__ import annotations

from decimal import Decimal

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.models import LostReason, Outcome, OutcomeKind, PaymentMethod
from cockpit_tui.domain.sanitize import clean_message, clean_optional
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services.rows import outcome_from_row
from cockpit_tui.services.store_service import StoreService

_MAX_TRADE_IN = 200


class OutcomeService(StoreService):
    """Records the outcome of a lead that was moved to Vendidos or Não vendidos."""

    def record_sale(
        self,
        lead_id: int,
        *,
        price: Decimal | None,
        payment_method: PaymentMethod | None,
        trade_in: str | None,
    ) -> Outcome:
        """Record a sale's data (every field optional, but a trade needs its vehicle).

        Raises:
            InvalidInputError: the lead is not in Vendidos; a negative price; a
                "troca com troco" without the traded vehicle.
            LeadNotFoundError: no lead has that id.
        """
        if price is not None and price < 0:
            raise InvalidInputError("form.bad_price")
        if price is not None and price == 0:
            raise InvalidInputError("form.zero_price")
        vehicle = clean_optional(trade_in, max_length=_MAX_TRADE_IN) if trade_in else None
        if payment_method is PaymentMethod.TRADE_IN and not vehicle:
            raise InvalidInputError("form.trade_in_required")
        return self._record(
            lead_id,
            Status.SOLD,
            kind=OutcomeKind.SOLD,
            price=price,
            payment_method=payment_method.value if payment_method else None,
            trade_in=vehicle,
        )

    def record_loss(self, lead_id: int, *, reason: LostReason, note: str | None) -> Outcome:
        """Record why a negotiation was lost ("outro" needs a few words).

        Raises:
            InvalidInputError: the lead is not in Não vendidos; "outro" without a text.
            LeadNotFoundError: no lead has that id.
        """
        text = clean_message(note) if note else ""
        if reason is LostReason.OTHER and not text:
            raise InvalidInputError("form.lost_other_needs_text")
        return self._record(
            lead_id, Status.LOST, kind=OutcomeKind.LOST, lost_reason=reason.value, note=text or None
        )

    def _record(
        self,
        lead_id: int,
        status: Status,
        *,
        kind: OutcomeKind,
        price: Decimal | None = None,
        payment_method: str | None = None,
        trade_in: str | None = None,
        lost_reason: str | None = None,
        note: str | None = None,
    ) -> Outcome:
        from cockpit_tui.store import repository

        with self._write() as write:
            lead = write.lead(lead_id)
            if lead.status is not status:
                raise InvalidInputError("form.outcome_wrong_status", status=status.value)
            row = repository.insert_outcome(
                write.session,
                lead_id=lead_id,
                kind=kind.value,
                price=price,
                payment_method=payment_method,
                trade_in=trade_in,
                lost_reason=lost_reason,
                note=note,
                actor=self._actor,
                at=write.now,
            )
            write.log("lead.outcome", lead_id)
            return outcome_from_row(row)
