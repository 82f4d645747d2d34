"""Correct a lead: the customer's name, phone and e-mail; the vehicle, price and source."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, Static

from cockpit_tui.domain.lead_edits import EditableField, stored_text
from cockpit_tui.domain.models import LeadCard
from cockpit_tui.i18n.field_values import shown_value
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.ui.screens.forms.form_screen import FormScreen

#: The fields in the order Tab visits them, with their label keys.
FIELDS: tuple[tuple[EditableField, str], ...] = (
    (EditableField.NAME, "new_lead.name"),
    (EditableField.PHONE, "new_lead.phone"),
    (EditableField.EMAIL, "new_lead.email"),
    (EditableField.VEHICLE, "new_lead.vehicle"),
    (EditableField.PRICE, "new_lead.price"),
    (EditableField.SOURCE, "new_lead.source"),
)


def shown_on_card(card: LeadCard, field: EditableField) -> str:
    """A field as the form shows it first (a price in Brazilian format reads back the same)."""
    from cockpit_tui.services.lead_edits import value_on_card

    return shown_value(field, stored_text(value_on_card(card, field)), "pt")


class EditLeadForm(FormScreen[object]):
    """The six fields, filled with what the lead holds; only the fields changed are sent.

    Args:
        translate: The user's language.
        card: The lead as the screen shows it (what the editor saw).
        edit: Stores the changed fields (raw text by field); raises
            :class:`CockpitError` to refuse them (a bad phone, a colleague's
            change since), which the form shows with what was typed kept.
    """

    CSS_PATH = ["forms.tcss", "edit_lead_form.tcss"]  # type: ignore[assignment]  # noqa: RUF012

    def __init__(
        self,
        translate: Translator,
        *,
        card: LeadCard,
        edit: Callable[[Mapping[EditableField, str]], object],
    ) -> None:
        title = translate("edit_lead.title", name=card.customer_name)
        super().__init__(title, translate)
        self._card = card
        self._edit = edit
        self._first = {field: shown_on_card(card, field) for field, _ in FIELDS}

    def compose_fields(self) -> ComposeResult:
        """One line per field: label, then the value to correct."""
        for field, label in FIELDS:
            with Horizontal(classes="edit-lead-row"):
                yield Static(Content(self.t(label)), classes="edit-lead-label")
                yield Input(self._first[field], id=f"edit-{field.value}")

    def on_mount(self) -> None:
        """Start in the name field."""
        self.query_one(f"#edit-{EditableField.NAME.value}", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter saves."""
        event.stop()
        self.action_submit()

    def changed(self) -> dict[EditableField, str]:
        """The fields whose text differs from what the form showed first."""
        typed = {field: self.query_one(f"#edit-{field.value}", Input).value for field, _ in FIELDS}
        return {field: text for field, text in typed.items() if text != self._first[field]}

    def save(self) -> object:
        """Send the changed fields (nothing changed: close without writing)."""
        changes = self.changed()
        if not changes:
            return None
        return self._edit(changes)

    def action_submit(self) -> None:
        """Nothing changed closes the form like esc; otherwise save."""
        if not self.changed():
            self.dismiss(None)
            return
        super().action_submit()
