"""Phone numbers: normalised to E.164 for storage, formatted for Brazil on display."""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

DEFAULT_REGION = "BR"

#: A Brazilian number as people usually write it: "+55" or nothing, the area code
#: (two digits, neither 0, so no national or carrier prefix to strip) with or
#: without parentheses, then 8 or 9 digits, a dash or space allowed where people
#: put them. For these, parsing can only give "+55" followed by the digits.
_WELL_FORMED_BR = re.compile(r"(?:\+55[ -]?)?\(?([1-9][1-9])\)? ?(9?\d{4})[ -]?(\d{4})")


@lru_cache(maxsize=65_536)
def normalize_phone(raw: str, *, region: str = DEFAULT_REGION) -> str | None:
    """Return ``raw`` as an E.164 number ("+5511987654321"), or None if it is not valid.

    Brazilian formats without the country code ("(11) 98765-4321",
    "11987654321") are read with the default region. A well-formed Brazilian
    number skips phonenumbers' parser (most of an import's time) and is only
    checked against its metadata, which gives the same answer (see
    tests/unit/test_phone_fast_path.py); anything else is parsed in full.
    Answers are kept per distinct text (a file repeats its customers).
    """
    text = raw.strip()
    if not text:
        return None
    if region == DEFAULT_REGION and (match := _WELL_FORMED_BR.fullmatch(text)):
        digits = "".join(match.groups())
        number = phonenumbers.PhoneNumber(country_code=55, national_number=int(digits))
        return "+55" + digits if phonenumbers.is_valid_number(number) else None
    return parse_phone(text, region=region)


def parse_phone(text: str, *, region: str = DEFAULT_REGION) -> str | None:
    """:func:`normalize_phone` through phonenumbers' full parser (no fast path, no cache)."""
    text = text.strip()
    if not text:
        return None
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def format_phone(e164: str | None) -> str:
    """Show a stored number as people write it: "+55 (11) 98765-4321"."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return e164
    if number.country_code == 55:
        national = str(number.national_number)
        area, local = national[:2], national[2:]
        return f"+55 ({area}) {local[:-4]}-{local[-4:]}"
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))
