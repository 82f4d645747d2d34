"""Issue 13 (defect 9): sentences that count, and examples that stay true as time passes."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from cockpit_tui.domain.appointments import parse_appointment_time
from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.i18n.translate import Translator, describe_error


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("pt", "Data e hora inválidas: use dd/mm/aaaa hh:mm, por exemplo 11/03/2027 14:30."),
        ("en", "Invalid date and time: use yyyy-mm-dd hh:mm, e.g. 2027-03-11 14:30."),
    ],
)
def test_the_date_error_example_is_tomorrow(lang: str, expected: str) -> None:
    now = datetime(2027, 3, 10, 15, 0, tzinfo=UTC)
    with pytest.raises(InvalidInputError) as raised:
        parse_appointment_time("amanhã", now=now, zone=ZoneInfo("America/Sao_Paulo"))
    assert describe_error(raised.value, Translator(lang)) == expected


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [
        ("pt", "1 precisa de atenção", "2 precisam de atenção"),
        ("en", "1 needs attention", "2 need attention"),
    ],
)
def test_counts_agree_with_their_number(lang: str, one: str, many: str) -> None:
    t = Translator(lang)
    assert t("app.attention_count", count=1) == one
    assert t("app.attention_count", count=2) == many
    assert t("lead.unread", count=1) == ("1 não lida" if lang == "pt" else "1 unread")
    assert t("app.attention_count", count=0).startswith("0 ")
    assert t("report.stale_count", count="1") == ("1 parado" if lang == "pt" else "1 stale")
