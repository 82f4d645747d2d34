"""The import's fast path for well-formed Brazilian phones gives phonenumbers' own answer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cockpit_tui.domain.phones import _WELL_FORMED_BR, normalize_phone, parse_phone

#: Every area code (DDD) and first local digit, so every metadata pattern is reached.
_AREA = st.integers(min_value=0, max_value=99).map(lambda n: f"{n:02}")
_LOCAL = st.text(alphabet="0123456789", min_size=8, max_size=9)


@st.composite
def written_numbers(draw: st.DrawFn) -> str:
    """A phone written as people do: with or without +55, parentheses, dashes and spaces."""
    area, local = draw(_AREA), draw(_LOCAL)
    prefix = draw(st.sampled_from(["", "+55", "+55 ", "+55-", "0", "55 ", "+1 "]))
    area_text = draw(st.sampled_from([area, f"({area})", f"({area}", f"{area})"]))
    gap = draw(st.sampled_from(["", " ", "-", "  "]))
    cut = len(local) - 4
    dash = draw(st.sampled_from(["", "-", " ", "."]))
    return f"{prefix}{area_text}{gap}{local[:cut]}{dash}{local[cut:]}"


@settings(max_examples=300, deadline=None)
@given(written_numbers())
def test_the_fast_path_answers_exactly_as_phonenumbers_parses(raw: str) -> None:
    assert normalize_phone(raw) == parse_phone(raw), raw


def test_every_area_code_and_first_digit_agrees_with_phonenumbers() -> None:
    for area in range(100):
        for first in range(10):
            for local in (f"{first}1234567", f"9{first}1234567", f"{first}0000000"):
                for raw in (f"({area:02}) {local[:-4]}-{local[-4:]}", f"+55{area:02}{local}"):
                    assert normalize_phone(raw) == parse_phone(raw), raw


def test_the_usual_spellings_take_the_fast_path() -> None:
    # Without this the equivalence above would hold with no fast path at all.
    for raw in ("(11) 98765-4321", "11987654321", "+55 11 98765-4321", "(21) 2345-6789"):
        assert _WELL_FORMED_BR.fullmatch(raw), raw
    assert normalize_phone("(11) 98765-4321") == "+5511987654321"
    assert normalize_phone("(21) 2345-6789") == "+552123456789"


def test_digits_of_other_scripts_are_read_as_phonenumbers_reads_them() -> None:
    # Found by tests/unit/test_intake_fast_paths.py: the fast path took a full-width
    # "１" for a digit and stored it as written instead of as "1".
    for raw in (" 1198765432１", "(11) 98765-432１", "+55 １１ 98765-4321", "(11) ٩8765-4321"):
        assert normalize_phone(raw) == parse_phone(raw), raw
    assert normalize_phone("(11) 98765-432１") == "+5511987654321"
