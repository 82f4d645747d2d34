"""`cockpit add`, `edit`, `agenda` and `templates` from the shell."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from cockpit_tui.domain.models import AppointmentKind
from cockpit_tui.domain.plans import Plan
from cockpit_tui.services import open_services
from tests.cli.conftest import run


def add(capsys: pytest.CaptureFixture[str], db: str, *extra: str) -> tuple[int, str, str]:
    return run(capsys, "--db", db, "--user", "Ana", "add", *extra)


def test_add_prints_the_id_and_json_like_cockpit_leads(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, out, err = add(
        capsys,
        db,
        "--name",
        "Carlos Pereira",
        "--phone",
        "(11) 98765-4321",
        "--vehicle",
        "Onix LT 2021",
        "--price",
        "79.900",
        "--source",
        "Loja (presencial)",
        "--message",
        "Quer test drive",
    )
    assert (code, out, err) == (0, "1\n", "")
    code, out, err = add(capsys, db, "--name", "Carlos", "--email", "c@x.com", "--json")
    assert code == 0
    assert err == ""
    created = json.loads(out)
    listed = json.loads(run(capsys, "--db", db, "leads", "--json")[1])
    assert created == next(lead for lead in listed if lead["id"] == 2)
    assert created["assigned_to"] is None
    assert created["status"] == "new"
    first = next(lead for lead in listed if lead["id"] == 1)
    assert (first["price"], first["source"], first["phone"]) == (
        "79900.00",
        "Loja (presencial)",
        "+5511987654321",
    )


def test_add_warns_about_an_open_lead_with_the_same_phone_and_checks_the_assignee(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    add(capsys, db, "--name", "Maria", "--phone", "11987654321")
    code, out, err = add(capsys, db, "--name", "Joana", "--phone", "+55 11 98765-4321")
    assert (code, out) == (0, "2\n")
    assert err == (
        "Aviso: já há lead em aberto com esse telefone ou e-mail (#1); o lead foi criado mesmo "
        "assim.\n"
    )
    code, out, err = add(capsys, db, "--name", "Ana", "--phone", "11912345678", "--assign", "Bia")
    assert (code, out) == (1, "")
    assert err.startswith("Bia não está na equipe da loja.")
    run(capsys, "--db", db, "team", "add", "Bia")
    code, out, _ = add(
        capsys, db, "--name", "Ana", "--phone", "11912345678", "--assign", "Bia", "--json"
    )
    assert json.loads(out)["assigned_to"] == "Bia"


@pytest.mark.parametrize(
    ("extra", "line"),
    [
        (("--name", "X"), "Informe um telefone ou um e-mail (pelo menos um).\n"),
        (("--name", "X", "--phone", "123"), "Telefone inválido: use DDD e número, como "),
        (("--name", "X", "--email", "x@y.z", "--price", "1,2,3"), "Valor inválido: use "),
        (("--name", " ", "--email", "x@y.com"), "Informe o nome do cliente.\n"),
    ],
)
def test_add_refuses_bad_input_with_one_line(
    capsys: pytest.CaptureFixture[str], db: str, extra: tuple[str, ...], line: str
) -> None:
    code, out, err = add(capsys, db, *extra)
    assert (code, out) == (1, "")
    assert err.startswith(line)
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_edit_prints_each_change_and_respects_expect_version(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    add(capsys, db, "--name", "Carlos", "--phone", "11987654321", "--vehicle", "Onix")
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "edit",
        "1",
        "--vehicle",
        "Onix LT",
        "--price",
        "79900",
        "--name",
        "Carlos",
    )
    assert (code, out) == (0, "#1 veículo: Onix → Onix LT\n#1 valor: — → R$ 79.900,00\n")
    assert run(capsys, "--db", db, "edit", "1", "--vehicle", "Onix LT")[1] == (
        "Lead 1: nada mudou.\n"
    )
    run(capsys, "--db", db, "--user", "Bruno", "move", "1", "negotiating")
    code, out, err = run(
        capsys, "--db", db, "edit", "1", "--vehicle", "Tracker", "--expect-version", "1"
    )
    assert (code, out) == (1, "")
    assert err.startswith("O lead 1 mudou desde que você o viu (versão 1, agora 2): Bruno o moveu")
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "--lang",
        "en",
        "edit",
        "1",
        "--email",
        "C@X.COM",
        "--expect-version",
        "2",
    )
    assert out == "#1 e-mail: — → c@x.com\n"
    assert run(capsys, "--db", db, "edit", "1")[0] == 1
    assert run(capsys, "--db", db, "edit", "9", "--name", "X")[2] == "Não existe lead com o id 9.\n"


def test_edit_flags_a_phone_another_open_lead_has(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    add(capsys, db, "--name", "Carlos", "--phone", "11987654321")
    add(capsys, db, "--name", "Maria", "--phone", "21991234567")
    code, out, err = run(capsys, "--db", db, "edit", "1", "--phone", "(21) 99123-4567", "--json")
    assert code == 0
    assert json.loads(out)["phone"] == "+5521991234567"
    assert "(#2)" in err
    assert "nada foi unido" in err


def test_agenda_lists_the_day_in_text_and_json(capsys: pytest.CaptureFixture[str], db: str) -> None:
    add(capsys, db, "--name", "Carlos Pereira", "--phone", "11987654321", "--assign", "Ana")
    services = open_services(db, actor="Ana")
    try:
        zone = services.agenda.zone()
        tomorrow = services.agenda.today() + timedelta(days=1)
        at = datetime(tomorrow.year, tomorrow.month, tomorrow.day, 10, 0, tzinfo=zone)
        services.appointments.schedule(1, AppointmentKind.VISIT, at, plan=Plan.CRM)
    finally:
        services.close()
    day = tomorrow.strftime("%d/%m/%Y")
    code, out, _ = run(capsys, "--db", db, "--user", "Ana", "agenda", "--date", day, "--json")
    assert code == 0
    assert json.loads(out) == [
        {
            "appointment_id": 1,
            "lead_id": 1,
            "customer": "Carlos Pereira",
            "kind": "visit",
            "at": at.isoformat(),
            "assigned_to": "Ana",
            "overdue": False,
            "status": "new",
            "occurred": None,
        }
    ]
    code, out, _ = run(
        capsys, "--db", db, "--user", "Ana", "agenda", "--date", tomorrow.isoformat()
    )
    assert out.splitlines() == [
        f"Agenda de {day} (só os seus)",
        "10:00\tVisita à loja\t#1\tCarlos Pereira\tNova proposta\tAna",
    ]
    code, out, _ = run(capsys, "--db", db, "--user", "Bruno", "agenda", "--date", day)
    assert out.splitlines()[1] == "Nenhum compromisso."
    assert (
        len(
            json.loads(
                run(
                    capsys,
                    "--db",
                    db,
                    "--user",
                    "Bruno",
                    "agenda",
                    "--all",
                    "--date",
                    day,
                    "--json",
                )[1]
            )
        )
        == 1
    )
    code, _, err = run(capsys, "--db", db, "agenda", "--date", "amanhã")
    assert (code, err) == (1, "Data inválida: use dd/mm/aaaa ou aaaa-mm-dd.\n")


def test_templates_add_list_remove(capsys: pytest.CaptureFixture[str], db: str) -> None:
    assert run(capsys, "--db", db, "templates")[1].startswith("A loja ainda não tem modelos.")
    code, out, _ = run(capsys, "--db", db, "templates", "add", "Oi", "Olá, {Nome}!")
    assert (code, out) == (0, "Modelo Oi criado.\n")
    assert run(
        capsys, "--db", db, "templates", "add", "oi", "Olá, {nome}! Tudo bem?", "--marketing"
    )[1] == ("Modelo oi atualizado.\n")
    assert run(capsys, "--db", db, "templates")[1] == "oi  (marketing)\n  Olá, {nome}! Tudo bem?\n"
    listed = json.loads(run(capsys, "--db", db, "templates", "--json")[1])
    assert listed == [
        {
            "name": "oi",
            "text": "Olá, {nome}! Tudo bem?",
            "marketing": True,
            "whatsapp_template": None,
            "whatsapp_language": None,
        }
    ]
    code, _, err = run(capsys, "--db", db, "--lang", "en", "templates", "add", "X", "Hi {client}")
    assert (code, err) == (
        1,
        "Unknown field in the template: {client}. The fields are: "
        "{nome}, {veiculo}, {valor}, {vendedor}, {loja}.\n",
    )
    assert run(capsys, "--db", db, "templates", "add", "X")[0] == 1
    assert run(capsys, "--db", db, "templates", "remove", "OI")[1] == "Modelo OI apagado.\n"
    assert run(capsys, "--db", db, "templates", "remove", "OI")[0] == 1


def test_templates_whatsapp_links_a_template_to_an_approved_one_and_off_unlinks_it(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    run(capsys, "--db", db, "templates", "add", "Retomar", "Olá, {nome}! Ainda procura?")
    code, out, _ = run(capsys, "--db", db, "templates", "whatsapp", "retomar", "retomar_v2")
    assert (code, out) == (
        0,
        "Modelo Retomar ligado ao modelo aprovado do WhatsApp retomar_v2 (pt_BR).\n",
    )
    run(capsys, "--db", db, "templates", "whatsapp", "Retomar", "retomar_v2", "es")
    assert run(capsys, "--db", db, "templates")[1] == (
        "Retomar  (WhatsApp: retomar_v2, es)\n  Olá, {nome}! Ainda procura?\n"
    )
    (listed,) = json.loads(run(capsys, "--db", db, "templates", "--json")[1])
    assert (listed["whatsapp_template"], listed["whatsapp_language"]) == ("retomar_v2", "es")
    bad = run(capsys, "--db", db, "--lang", "en", "templates", "whatsapp", "Retomar", "Retomar V2")
    assert bad[0] == 1
    assert bad[2].startswith("Invalid WhatsApp template: give the approved name")
    usage = run(capsys, "--db", db, "--lang", "en", "templates", "whatsapp", "Retomar")
    assert usage[:2] == (1, "")
    assert usage[2].startswith("Use: cockpit templates whatsapp NAME APPROVED_NAME [LANGUAGE]")
    missing = run(capsys, "--db", db, "templates", "whatsapp", "Nenhum", "x_y")
    assert missing[0] == 1
    assert missing[2].startswith("Não existe modelo chamado Nenhum.")
    code, out, _ = run(capsys, "--db", db, "templates", "whatsapp", "Retomar", "--off")
    assert (code, out) == (0, "Modelo Retomar desligado do WhatsApp.\n")
    assert run(capsys, "--db", db, "templates")[1] == "Retomar\n  Olá, {nome}! Ainda procura?\n"
