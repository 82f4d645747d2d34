"""The store's business calendar: settings typed in, holidays from the package."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cockpit_tui.domain.errors import InvalidSettingError
from cockpit_tui.domain.store_settings import parse_setting
from cockpit_tui.services import open_services
from cockpit_tui.services.business_calendar import region_holidays, store_calendar
from cockpit_tui.services.clock import FrozenClock
from tests.cli.conftest import run
from tests.conftest import NOW

SAO_PAULO = ZoneInfo("America/Sao_Paulo")


def test_national_and_state_holidays_come_from_the_package() -> None:
    national = region_holidays("BR", 2026)
    assert date(2026, 11, 20) in national  # Consciência Negra, national since 2024
    assert date(2026, 7, 9) not in national
    assert date(2026, 7, 9) in region_holidays("BR-SP", 2026)  # Revolução Constitucionalista


@pytest.mark.parametrize(
    ("key", "typed", "stored"),
    [
        ("business_hours", "mon-fri 9h-17h", "seg-sex 09:00-17:00"),
        ("holidays", " br-sp ", "BR-SP"),
        ("holidays", "off", None),
        ("extra_holidays", "31/12/2026; 2026-12-24 24/12/2026", "2026-12-24, 2026-12-31"),
        ("extra_holidays", "", None),
    ],
)
def test_calendar_settings_are_stored_canonically(key: str, typed: str, stored: str | None) -> None:
    assert parse_setting(key, typed) == stored


@pytest.mark.parametrize(
    ("key", "typed", "message_id"),
    [
        ("holidays", "XX", "error.setting.holiday_region"),
        ("holidays", "BR-ZZ", "error.setting.holiday_subdivision"),
        ("holidays", "brasil", "error.setting.holiday_region"),
        ("extra_holidays", "31/02/2026", "error.setting.holiday_date"),
        ("extra_holidays", "amanhã", "error.setting.holiday_date"),
        ("business_hours", "todo dia", "error.setting.hours_day"),
    ],
)
def test_bad_calendar_settings_are_refused(key: str, typed: str, message_id: str) -> None:
    with pytest.raises(InvalidSettingError) as raised:
        parse_setting(key, typed)
    assert raised.value.message_id == message_id
    assert raised.value.values["key"] == key


def test_the_store_calendar_follows_its_settings(tmp_path: Path) -> None:
    services = open_services(
        f"sqlite:///{tmp_path / 's.sqlite'}", actor="ana", clock=FrozenClock(NOW)
    )
    try:
        friday_evening = datetime(2026, 12, 4, 17, 58, tzinfo=SAO_PAULO)
        calendar = store_calendar(services.settings)
        assert calendar.deadline(friday_evening, 5) == datetime(2026, 12, 5, 8, 3, tzinfo=SAO_PAULO)
        services.settings.set_value("business_hours", "seg-sex 08:00-18:00")
        services.settings.set_value("extra_holidays", "07/12/2026")
        services.settings.set_value("timezone", "America/Manaus")
        calendar = store_calendar(services.settings)
        # 18:58 in São Paulo is 17:58 in Manaus; no Saturday hours, Monday closed.
        assert calendar.deadline(friday_evening.replace(hour=18), 5) == datetime(
            2026, 12, 8, 8, 3, tzinfo=ZoneInfo("America/Manaus")
        )
    finally:
        services.close()


def test_the_settings_command_explains_a_bad_day_in_each_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    code, _, err = run(capsys, "--db", db, "settings", "business_hours", "dia 08:00-18:00")
    assert (code, err.splitlines()[0]) == (
        1,
        "Dia desconhecido em business_hours: dia. Use seg, ter, qua, qui, sex, sab, dom "
        "(ou mon … sun).",
    )
    code, out, _ = run(
        capsys, "--db", db, "--lang", "en", "settings", "business_hours", "mon-sat 9h-19h"
    )
    assert (code, out) == (0, "business_hours  seg-sab 09:00-19:00\n")
