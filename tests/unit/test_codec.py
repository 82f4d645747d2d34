"""Instants and money decode as they always did (issue 18: the board decodes each card's row).

``store/codec.py`` turns stored integers back into datetimes and reais on every
card the board reads; the cheaper arithmetic must give the same values, the
same two decimal places and the same errors as the formulas it replaced.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from cockpit_tui.store.codec import (
    from_cents,
    from_micros,
    print_halves,
    print_highs,
    to_cents,
    to_micros,
)

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize("cents", [0, 1, -1, 5, 99, 100, 5_320_000, -123_456, 10**15 + 7])
def test_cents_decode_to_reais_with_two_places(cents: int) -> None:
    reais = from_cents(cents)
    expected = (Decimal(cents) / 100).quantize(Decimal("0.01"))
    assert (str(reais), reais.as_tuple()) == (str(expected), expected.as_tuple())
    assert to_cents(reais) == cents


@pytest.mark.parametrize(
    "micros", [0, 1, -1, 999_999, 1_794_477_292_548_436, -86_400_000_001, 253_402_300_799_999_999]
)
def test_micros_decode_to_the_same_utc_instant(micros: int) -> None:
    instant = from_micros(micros)
    assert instant == _EPOCH + timedelta(microseconds=micros)
    assert instant.tzinfo is UTC
    assert to_micros(instant) == micros


def test_an_instant_past_year_9999_is_refused_as_before() -> None:
    with pytest.raises(OverflowError):
        from_micros(2**62)


def test_a_chunks_fingerprint_lookup_uses_the_stored_high_column() -> None:
    # print_highs is print_halves' high half written out for speed: they must never drift.
    keys = [0, 1 << 64, (1 << 127) - 1, 1 << 127, (1 << 128) - 1, 0x1234 << 100, 0xABCD << 112]
    assert print_highs(keys) == [print_halves(key)[0] for key in keys]
    assert print_highs([(1 << 128) - 1]) == [-1]
