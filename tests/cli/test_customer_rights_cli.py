"""`cockpit customer`, `cockpit retention` and `cockpit audit` from the shell."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import open_services
from cockpit_tui.services.clock import FrozenClock
from tests.cli.conftest import run

PHONE = "(11) 98765-4321"


@pytest.fixture
def customer_db(db: str) -> str:
    """A store with Maria (two messages) and a bystander."""
    services = open_services(db, actor="Ana")
    card = services.leads.add(
        name="Maria Souza", phone=PHONE, email="maria@example.com", message="Olá, ainda tem?"
    )
    services.leads.record_inbound(card.id, "Aceita troca?")
    services.leads.add(name="Otávio Lima", phone="21 99111-2222")
    services.close()
    return db


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_find_export_erase_and_audit(
    capsys: pytest.CaptureFixture[str], customer_db: str, tmp_path: Path
) -> None:
    db = customer_db
    code, out, _ = run(capsys, "--db", db, "customer", "find", "--phone", PHONE)
    assert code == 0
    assert out.startswith(
        "1\tMaria Souza\t+55 (11) 98765-4321\tmaria@example.com\t#1 Nova proposta\t"
    )
    code, out, _ = run(capsys, "--db", db, "customer", "find", "--name", "souza", "--json")
    (found,) = json.loads(out)
    assert (found["id"], found["erased"], found["negotiations"][0]["status"]) == (1, False, "new")

    export = tmp_path / "maria.json"
    code, out, _ = run(capsys, "--db", db, "customer", "export", "1", "--out", str(export))
    assert (code, out) == (0, f"Dados do cliente #1 gravados em {export}.\n")
    document = json.loads(export.read_text(encoding="utf-8"))
    bodies = [message["body"] for message in document["lead"][0]["message"]]
    assert bodies == ["Olá, ainda tem?", "Aceita troca?"]
    assert export.stat().st_mode & 0o077 == 0

    code, out, err = run(capsys, "--db", db, "customer", "erase", "1", "--yes")
    assert (code, out) == (0, "Cliente #1 anonimizado; a ação ficou na auditoria.\n")
    assert "cópias de segurança feitas antes ainda contêm os dados" in err
    code, out, _ = run(capsys, "--db", db, "leads", "--json")
    for needle in ("Maria", "98765", "maria@"):
        assert needle not in out
    assert "Cliente removido #1" in out
    code, out, _ = run(capsys, "--db", db, "customer", "erase", "1", "--yes")
    assert out == "O cliente #1 já foi anonimizado.\n"

    code, out, _ = run(capsys, "--db", db, "--user", "Ana", "audit")
    lines = [line.split("\t")[2:4] for line in out.splitlines()]
    assert lines == [["exportação", "#1"], ["apagamento", "#1"]]
    code, out, _ = run(capsys, "--db", db, "audit", "--json", "--since", "01/01/2100")
    assert json.loads(out) == []
    code, _, err = run(capsys, "--db", db, "audit", "--since", "ontem")
    assert (code, err) == (1, "Data inválida: ontem (use dd/mm/aaaa ou ISO 8601).\n")


def test_erase_asks_first_and_refuses_without_a_terminal(
    capsys: pytest.CaptureFixture[str], customer_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = customer_db
    monkeypatch.setattr("sys.stdin", io.StringIO("s\n"))
    code, out, err = run(capsys, "--db", db, "customer", "erase", "1")
    assert code == 1
    assert "Vai apagar os dados pessoais de Maria Souza (cliente #1)" in out
    assert "2 mensagem(ns) e 0 nota(s), em 1 negociação(ões)" in out
    assert err == "Sem terminal para confirmar: rode de novo com --yes para apagar.\n"

    monkeypatch.setattr("sys.stdin", _Terminal("n\n"))
    code, out, _ = run(capsys, "--db", db, "--lang", "en", "customer", "erase", "1")
    assert code == 1
    assert out.endswith("Erase? [y/N] Nothing was erased.\n")

    monkeypatch.setattr("sys.stdin", _Terminal("s\n"))
    code, out, _ = run(capsys, "--db", db, "customer", "erase", "1")
    assert code == 0
    assert out.endswith("Cliente #1 anonimizado; a ação ficou na auditoria.\n")
    code, out, _ = run(capsys, "--db", db, "customer", "find", "--name", "maria")
    assert out == "Nenhum cliente encontrado.\n"


def test_the_backups_notice_lists_migration_copies_and_recorded_backups(
    capsys: pytest.CaptureFixture[str], customer_db: str, tmp_path: Path
) -> None:
    db = customer_db
    copy = tmp_path / "copia.sqlite"
    assert run(capsys, "--db", db, "backup", str(copy))[0] == 0
    migration_copy = tmp_path / "cli.sqlite.pre-v9-20261127T120000Z.bak"
    migration_copy.write_bytes(b"")
    code, _, err = run(capsys, "--db", db, "--lang", "en", "customer", "erase", "1", "--yes")
    assert code == 0
    assert err == (
        "Note: backups made earlier still hold this person's data. Backups the store knows of:\n"
        f"  {migration_copy}\n"
        f"  {copy}\n"
    )
    code, out, _ = run(capsys, "--db", db, "--lang", "en", "audit", "--json")
    actions = [(record["action"], record["detail"]) for record in json.loads(out)]
    assert actions == [("store.backup", str(copy)), ("customer.erase", None)]


def test_mistakes_get_one_sentence(capsys: pytest.CaptureFixture[str], customer_db: str) -> None:
    db = customer_db
    cases = [
        (("customer", "export"), "Diga o número do cliente: cockpit customer export ID_CLIENTE.\n"),
        (("customer", "erase", "77", "--yes"), "Não há cliente com o número 77.\n"),
        (("customer", "find"), "Use um critério: --phone, --email ou --name.\n"),
        (("customer", "find", "--phone", "12"), "Telefone inválido.\n"),
        (
            ("retention", "run"),
            "A retenção está desligada: defina o prazo com cockpit settings retention_months 24.\n",
        ),
    ]
    for argv, message in cases:
        assert run(capsys, "--db", db, *argv)[::2] == (1, message), argv


def test_retention_from_the_shell(capsys: pytest.CaptureFixture[str], db: str) -> None:
    long_ago = FrozenClock(datetime.now(UTC) - timedelta(days=400))
    services = open_services(db, actor="Ana", clock=long_ago)
    for number in range(3):
        lead = services.leads.add(name=f"Pessoa {number}", phone=f"11 9000{number}-0000")
        services.leads.move(lead.id, Status.LOST if number else Status.NEGOTIATING)
    services.close()
    assert run(capsys, "--db", db, "settings", "retention_months", "12")[0] == 0
    code, out, _ = run(capsys, "--db", db, "retention", "run", "--dry-run")
    assert code == 0
    assert out.startswith("2 clientes seriam anonimizados (sem atividade desde ")
    assert out.endswith(", prazo de 12 meses).\n")
    code, out, _ = run(capsys, "--db", db, "--lang", "en", "retention", "run")
    assert out.startswith("2 customers anonymised (no activity since ")
    code, out, _ = run(capsys, "--db", db, "leads", "--json")
    names = sorted(card["name"] for card in json.loads(out))
    assert names == ["Cliente removido #2", "Cliente removido #3", "Pessoa 0"]
    code, out, _ = run(capsys, "--db", db, "audit", "--json")
    assert [(r["action"], r["count"]) for r in json.loads(out)] == [
        ("retention.run", 2),
        ("customer.erase", None),
        ("customer.erase", None),
        ("retention.run", 2),
    ]
