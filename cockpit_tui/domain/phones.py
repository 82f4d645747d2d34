"""Phone numbers: normalised to E.164 for storage, formatted for Brazil on display."""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

DEFAULT_REGION = "BR"

#: A Brazilian number as people usually write it: "+55" or nothing, the area code
#: (two digits, neither 0, so no national or carrier prefix to strip) with or
#: without parentheses, then 8 or 9 digits, a dash or space allowed where people
#: put them. For these, parsing can only give "+55" followed by the digits. ASCII
#: digits only: phonenumbers reads other scripts' digits ("１", "١") as their values,
#: which the digits copied from the match would not be.
_WELL_FORMED_BR = re.compile(r"(?:\+55[ -]?)?\(?([1-9][1-9])\)? ?(9?\d{4})[ -]?(\d{4})", re.ASCII)


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
        return "+55" + digits if _valid_in_brazil(digits) else None
    return parse_phone(text, region=region)


def _valid_in_brazil(national: str) -> bool:
    """``phonenumbers.is_valid_number`` of +55 ``national``, on its metadata's compiled patterns.

    The same test phonenumbers makes (its ``_number_type_helper``): the
    general pattern, then any one number type, each with its possible
    lengths; the patterns are compiled once instead of looked up per number.
    """
    general, kinds = _brazil_patterns(len(national))
    if general is None or general.fullmatch(national) is None:
        return False
    return any(kind.fullmatch(national) is not None for kind in kinds)


@lru_cache(maxsize=32)
def _brazil_patterns(length: int) -> tuple[re.Pattern[str] | None, tuple[re.Pattern[str], ...]]:
    """The general pattern and the number types' patterns that allow ``length`` digits.

    None for the general pattern when no Brazilian number has that length.
    """
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(DEFAULT_REGION)
    assert metadata is not None

    def compiled(desc: phonenumbers.PhoneNumberDesc | None) -> re.Pattern[str] | None:
        if desc is None or not desc.national_number_pattern:
            return None
        if desc.possible_length and length not in desc.possible_length:
            return None
        return re.compile(desc.national_number_pattern)

    # Any one type makes the number valid, so the order only sets how soon the
    # answer comes: the types people write first.
    kinds = (
        metadata.mobile,
        metadata.fixed_line,
        metadata.premium_rate,
        metadata.toll_free,
        metadata.shared_cost,
        metadata.voip,
        metadata.personal_number,
        metadata.pager,
        metadata.uan,
        metadata.voicemail,
    )
    patterns = (compiled(kind) for kind in kinds)
    return compiled(metadata.general_desc), tuple(p for p in patterns if p is not None)


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
