"""A lead field's stored value the way people read it (history lines, ``cockpit edit``)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from cockpit_tui.domain.lead_edits import EditableField
from cockpit_tui.domain.sanitize import clean_text
from cockpit_tui.i18n.format import format_money


def shown_value(field: EditableField, stored: str | None, lang: str) -> str:
    """A phone as "+55 (11) 98765-4321", a price as "R$ 139.900,00", text cleaned ("" if empty)."""
    if not stored:
        return ""
    if field is EditableField.PHONE:
        from cockpit_tui.domain.phones import format_phone  # lazy: phonenumbers is heavy

        return format_phone(stored)
    if field is EditableField.PRICE:
        try:
            return format_money(Decimal(stored), lang)
        except InvalidOperation:
            return clean_text(stored)
    return clean_text(stored)
