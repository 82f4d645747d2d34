"""`cockpit settings`: the store's settings, read and changed from the shell."""

from __future__ import annotations

import json

import pytest

from cockpit_tui.domain.errors import InvalidSettingError
from cockpit_tui.domain.store_settings import SETTINGS, parse_setting
from tests.cli.conftest import run


def test_settings_show_defaults_then_a_changed_value(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, out, _ = run(capsys, "--db", db, "settings")
    assert code == 0
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == list(SETTINGS)
    assert "sla_minutes               5  (padrão)" in lines
    assert run(capsys, "--db", db, "settings", "sla_minutes", " 10 ")[:2] == (
        0,
        "sla_minutes  10\n",
    )
    code, out, _ = run(capsys, "--db", db, "settings", "--json")
    document = json.loads(out)
    assert document["sla_minutes"] == "10"
    assert document["timezone"] == "America/Sao_Paulo"
    assert run(capsys, "--db", db, "settings", "sla_minutes", "--reset")[1] == (
        "sla_minutes  5  (padrão)\n"
    )


def test_a_secret_is_never_printed_back(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, err = run(capsys, "--db", db, "settings", "whatsapp_access_token", "EAAB-s3cr3t")
    assert code == 0
    assert "s3cr3t" not in out + err
    assert out == "whatsapp_access_token  definido\n"
    code, out, _ = run(capsys, "--db", db, "settings", "--json")
    assert json.loads(out)["whatsapp_access_token"] is True
    assert "s3cr3t" not in out
    code, _, err = run(capsys, "--db", db, "settings", "whatsapp_app_secret", "has space")
    assert code == 1
    assert "has space" not in err


def test_unknown_keys_and_bad_values_get_one_line_with_the_valid_ones(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, _, err = run(capsys, "--db", db, "settings", "colour", "blue")
    assert code == 1
    assert err.startswith("Configuração desconhecida: colour. As configurações são: store_name,")
    code, _, err = run(capsys, "--db", db, "--lang", "en", "settings", "distribution", "random")
    assert (code, err) == (1, "Invalid value for distribution: use one of: off, round-robin.\n")
    code, _, err = run(capsys, "--db", db, "settings", "sla_minutes", "0")
    assert (code, err) == (
        1,
        "Valor inválido para sla_minutes: use um número inteiro de 1 a 1440.\n",
    )
    code, out, _ = run(capsys, "--db", db, "settings", "sla_minutes")
    assert out == "sla_minutes  5  (padrão)\n"


@pytest.mark.parametrize(
    ("key", "typed", "stored"),
    [
        ("store_name", "  Auto\x1b]52;x\x07 Center  ", "Auto Center"),
        ("timezone", "America/Manaus", "America/Manaus"),
        ("rescue_minutes", "0", "0"),
        ("retention_months", "off", None),
        ("retention_months", "24", "24"),
        ("whatsapp_api_base", "http://127.0.0.1:9000/v21.0/", "http://127.0.0.1:9000/v21.0"),
        ("whatsapp_phone_number_id", "1234567890", "1234567890"),
    ],
)
def test_typed_values_become_canonical(key: str, typed: str, stored: str | None) -> None:
    assert parse_setting(key, typed) == stored


@pytest.mark.parametrize(
    ("key", "typed"),
    [
        ("timezone", "../../etc/passwd"),
        ("timezone", "Mars/Olympus"),
        ("rescue_minutes", "-1"),
        ("retention_months", "999"),
        ("whatsapp_api_base", "ftp://example.com"),
        ("whatsapp_phone_number_id", "12-34"),
        ("store_name", "x" * 81),
    ],
)
def test_unacceptable_values_are_refused(key: str, typed: str) -> None:
    with pytest.raises(InvalidSettingError) as refused:
        parse_setting(key, typed)
    assert refused.value.values["key"] == key


def test_every_setting_is_described_in_both_languages() -> None:
    from cockpit_tui.i18n import catalog_en, catalog_pt

    for key in SETTINGS:
        assert catalog_pt.MESSAGES[f"setting.{key}"].startswith(f"{key}: ")
        assert catalog_en.MESSAGES[f"setting.{key}"].startswith(f"{key}: ")
