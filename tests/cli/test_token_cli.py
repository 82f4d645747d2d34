"""`cockpit token add|list|revoke` and `cockpit serve`'s refusals."""

from __future__ import annotations

import json
import socket

import pytest

from cockpit_tui.services import open_services
from cockpit_tui.services.api_tokens import TokenService, token_hash
from tests.cli.conftest import run


def test_a_token_is_printed_once_stored_as_a_hash_listed_and_revoked(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, out, err = run(capsys, "--db", db, "token", "add", "site-da-loja")
    token = out.strip()
    assert code == 0
    assert len(token) >= 40
    assert "não será mostrado de novo" in err
    services = open_services(db, actor="Ana")
    try:
        tokens = TokenService(services.store, actor="Ana", clock=services.clock)
        assert tokens.authenticate(token) == "site-da-loja"
        stored = services.store.reader.fetchall("SELECT token_hash FROM api_token")
        assert stored == [(token_hash(token),)]
    finally:
        services.close()
    code, out, _ = run(capsys, "--db", db, "token", "list")
    assert out.startswith("site-da-loja\t")
    assert token not in out
    code, out, _ = run(capsys, "--db", db, "token", "list", "--json")
    assert [entry["name"] for entry in json.loads(out)] == ["site-da-loja"]
    assert run(capsys, "--db", db, "token", "add", "site-da-loja")[0] == 1
    code, _, err = run(capsys, "--db", db, "--lang", "en", "token", "revoke", "site-da-loja")
    assert (code, err) == (
        0,
        "Token site-da-loja revoked: requests carrying it are refused from now on.\n",
    )
    code, _, err = run(capsys, "--db", db, "token", "list")
    assert err == "Nenhum token ativo. Crie um com: cockpit token add NOME\n"
    code, _, err = run(capsys, "--db", db, "--lang", "en", "token", "revoke", "site-da-loja")
    assert code == 1
    assert err.startswith("No active token is named site-da-loja.")


def test_token_names_and_missing_names_get_one_clear_line(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, _, err = run(capsys, "--db", db, "--lang", "en", "token", "add")
    assert (code, err) == (1, "Give the token's name: cockpit token add NAME\n")
    code, _, err = run(capsys, "--db", db, "--lang", "en", "token", "add", "a b[red]")
    assert code == 1
    assert err.startswith("Invalid token name:")


def test_serve_on_a_taken_port_says_so_and_exits_1(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, _, err = run(capsys, "--db", db, "--lang", "en", "serve", "--port", str(port))
    assert code == 1
    assert err.startswith(f"Cannot listen on 127.0.0.1:{port} (")
    assert err.endswith("Choose another port with --port.\n")
    code, _, err = run(capsys, "--db", db, "--lang", "en", "serve", "--port", "70000")
    assert (code, err) == (1, "Invalid port: use a number from 0 to 65535.\n")
