"""The lead screen's day tools: correcting the lead (``e``) and its appointments (``o``).

Kept out of ``lead.py`` so the screen stays one job: showing the lead.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cockpit_tui.domain.lead_edits import EditableField
    from cockpit_tui.ui.screens.lead import LeadScreen


def open_edit(screen: LeadScreen) -> None:
    """The correction form; a phone or e-mail another open lead has is flagged, never merged."""
    card = screen.card
    if card is None:
        return
    from cockpit_tui.ui.screens.forms.edit_lead_form import EditLeadForm

    edits, t = screen.cockpit.services.edits, screen.cockpit.t

    def edit(typed: Mapping[EditableField, str]) -> object:
        result = edits.edit(card.id, typed, seen=card)
        if result.shared_contact:
            shared = ", ".join(f"#{lead_id}" for lead_id in result.shared_contact)
            screen.notify(t("edit_lead.shared", lead_ids=shared), severity="warning", timeout=10)
        return result

    screen.open_form(EditLeadForm(t, card=card, edit=edit), t("lead.edited"))
