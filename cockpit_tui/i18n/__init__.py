"""Message catalogs (pt-BR, the default, and en) and locale-aware formatting."""

from cockpit_tui.i18n.format import (
    format_datetime,
    format_money,
    format_relative,
)
from cockpit_tui.i18n.translate import (
    LANGUAGES,
    Translator,
    describe_error,
    resolve_language,
)

__all__ = [
    "LANGUAGES",
    "Translator",
    "describe_error",
    "format_datetime",
    "format_money",
    "format_relative",
    "resolve_language",
]
