"""The form a move offers: a visit for Aguardando visita, the sale, or the reason for a loss.

Shared by the board and the lead screen. Each form can be skipped with esc:
the move has already happened and stays.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from cockpit_tui.domain.models import (
    Appointment,
    AppointmentKind,
    LeadCard,
    LostReason,
    Outcome,
    PaymentMethod,
)
from cockpit_tui.domain.statuses import Status

if TYPE_CHECKING:
    from cockpit_tui.ui.context import CockpitContext
    from cockpit_tui.ui.screens.forms import FormScreen


def follow_up_form(app: CockpitContext, card: LeadCard) -> FormScreen[Any] | None:
    """The form to offer after ``card`` was moved to its current status, if any."""
    from cockpit_tui.ui.screens.forms import LostForm, SaleForm

    if card.status is Status.AWAITING_VISIT:
        return schedule_form(app, card, title=app.t("schedule.after_move", name=card.customer_name))
    services, t = app.services, app.t
    if card.status is Status.SOLD:

        def record_sale(
            price: Decimal | None, method: PaymentMethod | None, trade_in: str | None
        ) -> Outcome:
            return services.outcomes.record_sale(
                card.id, price=price, payment_method=method, trade_in=trade_in
            )

        return SaleForm(t, name=card.customer_name, asking_price=card.price, record=record_sale)
    if card.status is Status.LOST:

        def record_loss(reason: LostReason, note: str | None) -> Outcome:
            return services.outcomes.record_loss(card.id, reason=reason, note=note)

        return LostForm(t, name=card.customer_name, record=record_loss)
    return None


def schedule_form(
    app: CockpitContext, card: LeadCard, *, title: str | None = None
) -> FormScreen[Any]:
    """The appointment form for a lead, on the store's plan."""
    from cockpit_tui.ui.screens.forms import ScheduleForm

    services = app.services
    plan = services.settings.plan()

    def schedule(kind: AppointmentKind, at: datetime) -> Appointment:
        return services.appointments.schedule(card.id, kind, at, plan=plan)

    return ScheduleForm(
        app.t,
        plan=plan,
        now=services.clock.now(),
        schedule=schedule,
        title=title or app.t("schedule.title", name=card.customer_name),
        zone=services.agenda.zone(),
    )
