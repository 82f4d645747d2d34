"""Phone numbers: normalised to E.164 for storage, formatted for Brazil on display."""

from __future__ import annotations

import phonenumbers

DEFAULT_REGION = "BR"


def normalize_phone(raw: str, *, region: str = DEFAULT_REGION) -> str | None:
    """Return ``raw`` as an E.164 number ("+5511987654321"), or None if it is not valid.

    Brazilian formats without the country code ("(11) 98765-4321",
    "11987654321") are read with the default region.
    """
    text = raw.strip()
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
