"""Dates, times, money and elapsed time the way each language writes them."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cockpit_tui.i18n.translate import Translator


def format_money(value: Decimal, lang: str = "pt", *, cents: bool = True) -> str:
    """Reais: pt "R$ 139.900,00", en "R$139,900.00"; ``cents=False`` drops the cents."""
    quantized = value.quantize(Decimal("1") if not cents else Decimal("0.01"))
    text = f"{quantized:,.{2 if cents else 0}f}"
    if lang == "en":
        return f"R${text}"
    return "R$ " + text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_datetime(value: datetime, lang: str = "pt", *, zone: tzinfo | None = None) -> str:
    """An instant in local time: pt "27/11/2026 14:05", en "2026-11-27 14:05"."""
    local = value.astimezone(zone)
    return local.strftime("%Y-%m-%d %H:%M" if lang == "en" else "%d/%m/%Y %H:%M")


def format_relative(value: datetime, now: datetime, lang: str = "pt") -> str:
    """Time since an event in words: "agora", "há 5 min", "há 3 h", "ontem", "há 4 dias"."""
    elapsed = now - value
    if elapsed < timedelta(minutes=1):
        return "now" if lang == "en" else "agora"
    if elapsed < timedelta(hours=1):
        minutes = int(elapsed.total_seconds() // 60)
        return f"{minutes} min ago" if lang == "en" else f"há {minutes} min"
    if elapsed < timedelta(hours=24):
        hours = int(elapsed.total_seconds() // 3600)
        return f"{hours} h ago" if lang == "en" else f"há {hours} h"
    days = elapsed.days
    if days == 1:
        return "yesterday" if lang == "en" else "ontem"
    if days < 60:
        return f"{days} days ago" if lang == "en" else f"há {days} dias"
    months = days // 30
    return f"{months} months ago" if lang == "en" else f"há {months} meses"


def format_span(minutes: int, t: Translator) -> str:
    """Whole minutes as the board and the reports write them: "12 min", "3 h", "16 h 11 min"."""
    if minutes < 60:
        return t("board.next.minutes", minutes=minutes)
    hours, rest = divmod(minutes, 60)
    if rest == 0:
        return t("board.next.hours", hours=hours)
    return t("board.next.hours_minutes", hours=hours, minutes=rest)
