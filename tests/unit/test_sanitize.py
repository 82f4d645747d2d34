"""Untrusted lead text is cleaned before it is stored or shown (DESIGN §8)."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from cockpit_tui.domain.sanitize import MAX_FIELD_LENGTH, clean_message, clean_optional, clean_text


def test_osc52_clipboard_escape_is_removed_whole() -> None:
    assert clean_text("Ana\x1b]52;c;aGk=\x07 Souza") == "Ana Souza"


def test_csi_sequences_and_bare_controls_are_dropped() -> None:
    assert clean_text("\x1b[2J\x1b[31mJoão\x1b[0m\x00\x07\x7f\x9b") == "João"


def test_bidi_overrides_are_dropped() -> None:
    assert clean_text("abc\u202edcb\u2066x\u2069\u200f") == "abcdcbx"


def test_newlines_and_tabs_become_single_spaces() -> None:
    assert clean_text("Maria\r\n\n  Souza\tSilva") == "Maria Souza Silva"


def test_markup_is_kept_as_literal_text() -> None:
    # Markup is not the sanitiser's business: rendering never interprets it.
    assert clean_text("[@click=app.quit]x[/]") == "[@click=app.quit]x[/]"


def test_nfc_normalisation() -> None:
    decomposed = "Joa\u0303o"
    assert clean_text(decomposed) == "João"
    assert unicodedata.is_normalized("NFC", clean_text(decomposed))


def test_length_is_bounded_with_an_ellipsis() -> None:
    cleaned = clean_text("x" * 1000)
    assert len(cleaned) == MAX_FIELD_LENGTH
    assert cleaned.endswith("…")
    assert len(clean_message("y" * 200_000)) == 4000


def test_none_and_empty() -> None:
    assert clean_text(None) == ""
    assert clean_optional("  \x1b[0m ") is None


@given(st.text())
def test_output_never_holds_controls_escapes_or_bidi(text: str) -> None:
    cleaned = clean_text(text, max_length=10_000)
    forbidden = {chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)]}
    forbidden |= set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
    assert not forbidden & set(cleaned)
    assert cleaned == cleaned.strip()
    assert clean_text(cleaned, max_length=10_000) == cleaned


def test_zero_width_characters_are_dropped_so_equal_names_stay_equal() -> None:
    assert clean_text("Ma\u200bria\u200d \ufeffSouza\u2060\u00ad") == "Maria Souza"
