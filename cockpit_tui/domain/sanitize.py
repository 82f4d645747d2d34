"""Cleaning of untrusted lead text before it is stored or shown.

Lead data arrives from the internet (portals, WhatsApp, web forms). Terminal
escape sequences, C0/C1 controls and bidi overrides in it could rewrite the
screen, set the clipboard or disguise text, so they are dropped everywhere.
"""

from __future__ import annotations

import re
import unicodedata

#: Longest text kept for a single-line field (names, vehicles, sources).
MAX_FIELD_LENGTH = 200
#: Longest message body kept.
MAX_MESSAGE_LENGTH = 4000

# Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and
# the invisible marks that can reorder text (LRM, RLM, ALM).
_BIDI = "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
# Zero-width characters: invisible, they make two equal names differ (and hide
# text). Soft hyphen, ZWSP/ZWNJ/ZWJ, word joiner, invisible operators, BOM.
_ZERO_WIDTH = "\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff"
# C0 (minus tab/newlines, handled below), DEL and C1.
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
# An escape sequence: CSI … final byte, OSC … BEL/ST, or ESC plus one char.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC, terminated by BEL or ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC
    r"|\x1b.?"  # any other escape
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|\x9d[^\x07\x9c]*[\x07\x9c]?",  # 8-bit OSC
    re.DOTALL,
)
_DROP = re.compile(f"[{_CONTROLS}{_BIDI}{_ZERO_WIDTH}]")
_LINE_BREAKS = re.compile(r"[\t\r\n\u0085\u2028\u2029]+")
_SPACES = re.compile(r"[ \u00a0]{2,}")


def clean_text(value: object, *, max_length: int = MAX_FIELD_LENGTH) -> str:
    """Return ``value`` as safe, single-line, NFC text.

    Escape sequences are removed whole (so ``\\x1b]52;c;aGk=\\x07`` leaves
    nothing behind), other controls, DEL and bidi overrides are dropped, line
    breaks and tabs become single spaces, runs of spaces collapse, and the
    result is cut to ``max_length`` characters with an ellipsis.

    Args:
        value: Anything; ``None`` gives an empty string, other objects their ``str``.
        max_length: Longest result, in characters (at least 1).

    Returns:
        The cleaned text, stripped of surrounding blanks.
    """
    if value is None or value == "":
        return ""
    text = str(value)
    if text.isprintable():
        # Printable text has no controls, escapes, bidi or zero-width marks, line
        # breaks or no-break spaces (each is in a non-printable Unicode category),
        # nor does its NFC form: only composing and the spaces remain (the common case).
        if not text.isascii():
            text = unicodedata.normalize("NFC", text)
        text = (_SPACES.sub(" ", text) if "  " in text else text).strip()
    else:
        text = unicodedata.normalize("NFC", text)
        text = _ESCAPE_SEQUENCE.sub("", text)
        text = _LINE_BREAKS.sub(" ", text)
        text = _DROP.sub("", text)
        text = _SPACES.sub(" ", text).strip()
    if len(text) > max_length:
        text = text[: max(max_length - 1, 0)].rstrip() + "…"
    return text


def clean_message(value: object) -> str:
    """Clean a message body: like :func:`clean_text` with the message length bound."""
    return clean_text(value, max_length=MAX_MESSAGE_LENGTH)


def clean_optional(value: object, *, max_length: int = MAX_FIELD_LENGTH) -> str | None:
    """Clean a value and turn an empty result into ``None``."""
    text = clean_text(value, max_length=max_length)
    return text or None


def fold_header(name: str) -> str:
    """A header or keyword without case, accents, spaces, dashes or underscores.

    Shared by the import's column names and the consent words, which are
    matched the same way.
    """
    decomposed = unicodedata.normalize("NFKD", name.strip().lstrip("\ufeff"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return re.sub(r"[\s\-_.]", "", plain)
