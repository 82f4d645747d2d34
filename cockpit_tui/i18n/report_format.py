"""How the report's figures are written in each language.

pt: "1.234", "25,0 %", "16 h 11 min", "27/11", "R$ 4,2 mi"; en: "1,234", "25.0%",
"16 h 11 min", "2026-11-27", "R$4.2M". Money in full goes through
:func:`cockpit_tui.i18n.format.format_money`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from cockpit_tui.domain.sanitize import clean_text
from cockpit_tui.i18n.format import format_money, format_span
from cockpit_tui.i18n.translate import Translator

if TYPE_CHECKING:  # the board's column totals use this module before any report is read
    from cockpit_tui.domain.reports import GroupFigures


def _pt_digits(text: str) -> str:
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_count(value: int, lang: str = "pt") -> str:
    """A whole number with thousands separators."""
    text = f"{value:,}"
    return text if lang == "en" else text.replace(",", ".")


def format_share(value: float | None, lang: str = "pt") -> str:
    """A fraction as a percentage with one decimal ("—" for none)."""
    if value is None:
        return "—"
    text = f"{value * 100:.1f}"
    return f"{text}%" if lang == "en" else f"{_pt_digits(text)} %"


def format_minutes(value: float | None, lang: str = "pt") -> str:
    """Business minutes to the minute, as the board writes waits: "45 min", "16 h 11 min",
    "< 1 min" ("—" when nobody was answered)."""
    if value is None:
        return "—"
    t = Translator(lang)
    whole = round(value)
    if whole < 1:
        return t("report.under_a_minute")
    return format_span(whole, t)


def format_day(value: date, lang: str = "pt", *, year: bool = False) -> str:
    """A day: pt "27/11" (or "27/11/2026"), en ISO "2026-11-27"."""
    if lang == "en":
        return value.isoformat()
    return value.strftime("%d/%m/%Y" if year else "%d/%m")


def format_short_money(value: Decimal, lang: str = "pt") -> str:
    """Reais in a column header's width: "R$ 4,2 mi", "R$ 850 mil" / "R$4.2M", "R$850K"."""
    amount = float(value)
    for limit, pt_unit, en_unit in ((1e9, "bi", "B"), (1e6, "mi", "M"), (1e3, "mil", "K")):
        if abs(amount) >= limit:
            scaled = amount / limit
            text = f"{scaled:.1f}" if abs(scaled) < 100 else f"{scaled:.0f}"
            if lang == "en":
                return f"R${text}{en_unit}"
            return f"R$ {_pt_digits(text)} {pt_unit}"
    whole = f"{amount:.0f}"
    return f"R${whole}" if lang == "en" else f"R$ {whole}"


def group_cells(
    line: GroupFigures, t: Translator, *, empty: str, short_money: bool = False
) -> list[str]:
    """One source's or salesperson's figures as text, in the report's column order:
    name (``empty``'s sentence for none), arrived, sold, conversion, sales, within
    SLA, median, P90."""
    lang = t.lang
    response = line.first_response
    money = format_short_money if short_money else format_money
    return [
        clean_text(line.name) if line.name is not None else t(empty),
        format_count(line.arrived, lang),
        format_count(line.sold, lang),
        format_share(line.conversion, lang),
        money(line.sales_total, lang),
        format_share(response.within_sla_share, lang),
        format_minutes(response.median_minutes, lang),
        format_minutes(response.p90_minutes, lang),
    ]
