"""Phones, prices, money, dates and the catalogs, as Brazilians write them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from cockpit_tui.domain.errors import MoveConflictError
from cockpit_tui.domain.money import parse_price
from cockpit_tui.domain.phones import format_phone, normalize_phone
from cockpit_tui.i18n import catalog_en, catalog_pt
from cockpit_tui.i18n.format import format_datetime, format_money, format_relative
from cockpit_tui.i18n.translate import Translator, describe_error, resolve_language

SAO_PAULO = timezone(timedelta(hours=-3))


@pytest.mark.parametrize(
    "raw", ["(11) 98765-4321", "11987654321", "+55 11 98765-4321", "011 98765 4321"]
)
def test_phones_normalise_to_e164(raw: str) -> None:
    assert normalize_phone(raw) == "+5511987654321"


@pytest.mark.parametrize("raw", ["", "123", "abc", "(11) 1234"])
def test_invalid_phones_are_refused(raw: str) -> None:
    assert normalize_phone(raw) is None


def test_phone_display_for_brazil() -> None:
    assert format_phone("+5511987654321") == "+55 (11) 98765-4321"
    assert format_phone("+551133334444") == "+55 (11) 3333-4444"
    assert format_phone(None) == ""


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("R$ 139.900,00", "139900.00"),
        ("139900", "139900.00"),
        ("139.900", "139900.00"),
        ("139900.00", "139900.00"),
        ("1.234,5", "1234.50"),
        ("r$1.234.567,89", "1234567.89"),
    ],
)
def test_prices_parse_exactly(raw: str, expected: str) -> None:
    assert parse_price(raw) == Decimal(expected)


@pytest.mark.parametrize("raw", ["", "abc", "-5", "12,345.00", "1,2,3", "999999999999"])
def test_bad_prices_are_refused(raw: str) -> None:
    assert parse_price(raw) is None


def test_money_per_language() -> None:
    assert format_money(Decimal("139900"), "pt") == "R$ 139.900,00"
    assert format_money(Decimal("139900"), "en") == "R$139,900.00"
    assert format_money(Decimal("139900.4"), "pt", cents=False) == "R$ 139.900"


def test_dates_per_language() -> None:
    at = datetime(2026, 11, 27, 17, 5, tzinfo=UTC)
    assert format_datetime(at, "pt", zone=SAO_PAULO) == "27/11/2026 14:05"
    assert format_datetime(at, "en", zone=SAO_PAULO) == "2026-11-27 14:05"


@pytest.mark.parametrize(
    ("elapsed", "pt", "en"),
    [
        (timedelta(seconds=20), "agora", "now"),
        (timedelta(minutes=5), "há 5 min", "5 min ago"),
        (timedelta(hours=3), "há 3 h", "3 h ago"),
        (timedelta(days=1, hours=2), "ontem", "yesterday"),
        (timedelta(days=4), "há 4 dias", "4 days ago"),
    ],
)
def test_relative_time(elapsed: timedelta, pt: str, en: str) -> None:
    now = datetime(2026, 11, 27, 12, tzinfo=UTC)
    assert format_relative(now - elapsed, now, "pt") == pt
    assert format_relative(now - elapsed, now, "en") == en


def test_both_catalogs_have_the_same_messages() -> None:
    assert set(catalog_pt.MESSAGES) == set(catalog_en.MESSAGES)
    for key, text in catalog_pt.MESSAGES.items():
        assert text.strip(), key
        assert catalog_en.MESSAGES[key].strip(), key


def test_language_resolution_order() -> None:
    assert resolve_language("en", {"COCKPIT_LANG": "pt"}) == "en"
    assert resolve_language(None, {"COCKPIT_LANG": "en", "LANG": "pt_BR.UTF-8"}) == "en"
    assert resolve_language(None, {"LANG": "en_US.UTF-8"}) == "en"
    assert resolve_language(None, {"LANG": "pt_BR.UTF-8"}) == "pt"
    assert resolve_language(None, {}) == "pt"
    assert resolve_language("fr", {}) is None


def test_conflict_message_names_who_moved_it_where() -> None:
    error = MoveConflictError(
        lead_id=7, seen_version=1, current_version=2, status="visited", moved_by="Bruno"
    )
    assert describe_error(error, Translator("pt")) == (
        "O lead 7 mudou desde que você o viu (versão 1, agora 2): Bruno o moveu para "
        "Visita realizada. Nada foi sobrescrito."
    )
    assert "Bruno moved it to Visit done" in describe_error(error, Translator("en"))


def test_every_key_has_its_description_in_both_languages() -> None:
    """The footer, the help and the palette read key.<binding id> from the catalogs."""
    from cockpit_tui.ui.keymap import known_binding_ids

    for binding_id in known_binding_ids():
        assert f"key.{binding_id}" in catalog_pt.MESSAGES, binding_id
        assert f"key.{binding_id}" in catalog_en.MESSAGES, binding_id


def test_argparse_speaks_portuguese_and_english(capsys: pytest.CaptureFixture[str]) -> None:
    from cockpit_tui.cli import main

    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("uso: cockpit")
    assert "mostra esta ajuda e sai" in out
    with pytest.raises(SystemExit):
        main(["--lang", "en", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("usage: cockpit")
    assert "--user NAME" in out
