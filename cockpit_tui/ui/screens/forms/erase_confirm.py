"""Erase a customer's personal data (LGPD)? Names the person and says what goes and what stays."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from cockpit_tui.domain.customers import ErasePreview
from cockpit_tui.domain.sanitize import clean_text
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.ui.screens.forms.form_screen import FormScreen


class EraseConfirm(FormScreen[bool]):
    """Enter confirms (dismisses with True), esc cancels (None); it erases nothing itself.

    The erasure runs afterwards in a worker of the screen that asked, so a
    store held busy by another process never freezes this dialog.

    Args:
        translate: The user's language.
        preview: What the erasure would clear (``CustomerService.erase_preview``).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Apagar", id="erase.confirm", key_display="⏎"),
    ]

    def __init__(self, translate: Translator, *, preview: ErasePreview) -> None:
        customer = preview.customer
        self._customer_name = clean_text(customer.name)
        title = translate("rights.erase_title", name=self._customer_name, customer_id=customer.id)
        super().__init__(title, translate, hint=translate("rights.erase_hint"))
        self._preview = preview

    def compose_fields(self) -> ComposeResult:
        """What goes, what stays, and that it cannot be undone."""
        preview = self._preview
        text = self.t(
            "cli.customer_erase_preview",
            name=self._customer_name,
            customer_id=preview.customer.id,
            messages=preview.messages,
            notes=preview.notes,
            leads=len(preview.customer.negotiations),
        )
        yield Static(Content(text), id="erase-preview")

    def save(self) -> bool:
        """Confirmed: the screen that asked erases."""
        return True
