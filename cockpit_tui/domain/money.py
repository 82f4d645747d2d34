"""Prices in reais: parsed exactly from the ways Brazilians write them."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_CLEAN = re.compile(r"(?i)\s|r\$")
_MAX_PRICE = Decimal("100000000")


def parse_price(raw: str) -> Decimal | None:
    """Read a price: "R$ 139.900,00", "139900", "139.900", "139900.00", "1.234,5".

    A dot followed by exactly three digits is a thousands separator; a comma
    is the decimal separator, unless the text has no comma and ends in a dot
    plus one or two digits ("139900.00"), which is read as a decimal point.

    Returns:
        The exact value with two decimal places, or None when the text is not
        a price (negative, empty, not a number, absurdly large).
    """
    text = _CLEAN.sub("", raw)
    if not text:
        return None
    if "," in text:
        integer, _, cents = text.rpartition(",")
        if "," in integer or not re.fullmatch(r"\d{1,3}(\.\d{3})*|\d+", integer):
            return None
        text = integer.replace(".", "") + "." + cents
        if not re.fullmatch(r"\d+\.\d{1,2}", text):
            return None
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
        text = text.replace(".", "")
    elif not re.fullmatch(r"\d+(\.\d{1,2})?", text):
        return None
    try:
        value = Decimal(text).quantize(Decimal("0.01"))
    except InvalidOperation:
        return None
    if value < 0 or value >= _MAX_PRICE:
        return None
    return value


def written_price(value: Decimal) -> str:
    """A price as a message to a Brazilian customer writes it: "R$ 139.900,00"."""
    text = f"{value.quantize(Decimal('0.01')):,.2f}"
    return "R$ " + text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
