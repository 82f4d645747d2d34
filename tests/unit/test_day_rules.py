"""Pure rules of the salesperson's day: typed leads and fields, days, templates."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from cockpit_tui.domain.agenda import day_bounds, parse_day
from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.lead_edits import EditableField, read_field
from cockpit_tui.domain.lead_entry import NewLead, check_new_lead, same_person, source_choices
from cockpit_tui.domain.templates import TemplateValues, check_text, fill, first_name
from cockpit_tui.i18n.field_values import shown_value


def test_a_typed_lead_is_cleaned_like_an_import() -> None:
    lead = check_new_lead(
        NewLead(
            name="Carlos\x1b]52;c;aGk=\x07 Pereira",
            phone="+55 11 98765-4321",
            email=" Carlos@Example.COM ",
            price="R$ 79.900,50",
            source="",
        )
    )
    assert (lead.name, lead.phone, lead.email) == (
        "Carlos Pereira",
        "+5511987654321",
        "carlos@example.com",
    )
    assert lead.price == Decimal("79900.50")
    assert lead.source is None
    assert lead.message is None
    with pytest.raises(InvalidInputError) as refused:
        check_new_lead(NewLead(name="Carlos", phone="x" * 60_000))
    assert refused.value.message_id == "entry.too_long"


def test_sources_and_names() -> None:
    assert source_choices(["WhatsApp", "loja (Presencial)", "", "Webmotors", "WhatsApp"]) == [
        "Loja (presencial)",
        "Telefone",
        "WhatsApp",
        "Webmotors",
    ]
    assert same_person("João  da Silva", "joao da silva")
    assert not same_person("João da Silva", "Joana da Silva")
    assert first_name("  Carlos Alberto Pereira") == "Carlos"
    assert first_name("") is None


def test_fields_are_read_as_stored() -> None:
    assert read_field(EditableField.PHONE, "(11) 98765-4321") == "+5511987654321"
    assert read_field(EditableField.PRICE, "139.900") == Decimal("139900.00")
    assert read_field(EditableField.EMAIL, "A@B.COM") == "a@b.com"
    assert read_field(EditableField.VEHICLE, "  ") is None
    assert read_field(EditableField.SOURCE, "Feirão\x1b[31m") == "Feirão"
    assert shown_value(EditableField.PRICE, "139900.00", "pt") == "R$ 139.900,00"
    assert shown_value(EditableField.PHONE, "+5511987654321", "en") == "+55 (11) 98765-4321"
    assert shown_value(EditableField.VEHICLE, None, "pt") == ""


def test_days_are_typed_either_way_and_bounded_in_the_stores_zone() -> None:
    assert parse_day(" 05/03/2027 ") == parse_day("2027-03-05") == date(2027, 3, 5)
    for bad in ("31/02/2026", "2026-13-01", "amanhã", "5/3"):
        with pytest.raises(InvalidInputError):
            parse_day(bad)
    start, end = day_bounds(date(2026, 11, 27), ZoneInfo("America/Sao_Paulo"))
    assert (start, end) == (
        datetime(2026, 11, 27, 3, tzinfo=UTC),
        datetime(2026, 11, 28, 3, tzinfo=UTC),
    )
    # Brazil's last daylight-saving start (04/11/2018): that day had 23 hours.
    start, end = day_bounds(date(2018, 11, 4), ZoneInfo("America/Sao_Paulo"))
    assert (end - start).total_seconds() == 23 * 3600


def test_template_placeholders_are_checked_and_filled() -> None:
    assert check_text("Oi {NOME}, o { Veículo } e {valor}") == "Oi {nome}, o {veiculo} e {valor}"
    for bad, shown in (("Oi {cliente}", "{cliente}"), ("Oi {}", "{}"), ("Oi {nome", None)):
        if shown is None:
            assert check_text(bad) == bad, "a lone brace is just text"
            continue
        with pytest.raises(InvalidInputError) as refused:
            check_text(bad)
        assert refused.value.values["placeholder"] == shown
    values = TemplateValues(nome="Carlos", veiculo="[b]Onix[/b]", loja=None)
    assert fill("{nome}: {veiculo} na {loja}", values) == "Carlos: [b]Onix[/b] na {loja}"
    assert fill("{nome}", TemplateValues(nome="Ana\x1b[2J")) == "Ana"
