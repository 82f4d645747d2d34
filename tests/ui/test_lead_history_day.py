"""The lead screen's history shows corrected fields and moved or cancelled appointments."""

from __future__ import annotations

from datetime import timedelta

from cockpit_tui.domain.lead_edits import EditableField
from cockpit_tui.domain.lead_entry import NewLead
from cockpit_tui.domain.models import AppointmentKind
from cockpit_tui.domain.plans import Plan
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.ui.lead_text import history_text
from tests.conftest import NOW, tick


def test_history_lines_for_edits_reschedules_and_cancellations(
    services: Services, clock: FrozenClock
) -> None:
    lead = services.entry.create(
        NewLead(name="Carlos Pereira", phone="11987654321", vehicle="Onix"), assign_to=None
    ).id
    tick(clock)
    services.edits.edit(
        lead,
        {
            EditableField.VEHICLE: "[b]Onix LT[/b] 2021",
            EditableField.PRICE: "79.900,00",
            EditableField.PHONE: "(21) 99123-4567",
        },
    )
    visit = services.appointments.schedule(
        lead, AppointmentKind.VISIT, NOW + timedelta(days=1), plan=Plan.CRM
    )
    tick(clock)
    moved = services.appointment_changes.reschedule(
        visit.id, NOW + timedelta(days=1, hours=1), plan=Plan.CRM
    )
    tick(clock)
    services.appointment_changes.cancel(moved.id, reason="Cliente viajou")
    detail = services.leads.detail(lead)

    pt = history_text(detail, t=Translator("pt")).plain
    assert "Ana corrigiu veículo: Onix → [b]Onix LT[/b] 2021" in pt, "markup shown literally"
    assert "Ana corrigiu valor: — → R$ 79.900,00" in pt
    assert "Ana corrigiu telefone: +55 (11) 98765-4321 → +55 (21) 99123-4567" in pt
    assert "Ana remarcou Visita à loja de " in pt
    assert pt.rstrip().endswith("(Cliente viajou)")
    assert pt.index("remarcou") < pt.index("cancelou")
    en = history_text(detail, t=Translator("en")).plain
    assert "Ana corrected price: — → R$79,900.00" in en
    assert "Ana cancelled Store visit of " in en
