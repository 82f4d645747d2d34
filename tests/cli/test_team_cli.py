"""`cockpit team`: the salespeople a lead can be assigned to."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import run


def test_team_lists_adds_and_removes(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = run(capsys, "--db", db, "team")
    assert (code, out.strip()) == (
        0,
        "A equipe ainda não tem vendedores. Inclua com: cockpit team add NOME",
    )
    assert run(capsys, "--db", db, "team", "add", "Bruno Lima")[:2] == (
        0,
        "Bruno Lima agora faz parte da equipe.\n",
    )
    assert run(capsys, "--db", db, "team", "add", "Carla")[0] == 0
    code, out, _ = run(capsys, "--db", db, "team", "add", "Carla")
    assert (code, out) == (0, "Carla já fazia parte da equipe.\n")
    code, out, _ = run(capsys, "--db", db, "team", "--json")
    assert json.loads(out) == ["Bruno Lima", "Carla"]
    assert run(capsys, "--db", db, "team", "remove", "Carla")[0] == 0
    assert run(capsys, "--db", db, "team")[1] == "Bruno Lima\n"


def test_team_mistakes_get_one_clear_line(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, _, err = run(capsys, "--db", db, "team", "remove", "Zé")
    assert code == 1
    assert err == "Zé não faz parte da equipe. Veja a equipe com: cockpit team\n"
    code, _, err = run(capsys, "--db", db, "--lang", "en", "team", "add")
    assert (code, err) == (1, "Give the name: cockpit team add NAME\n")
    with pytest.raises(SystemExit) as usage:
        run(capsys, "--db", db, "team", "promote", "Zé")
    assert usage.value.code == 2


def test_a_salesperson_named_by_user_joins_the_team_with_their_first_change(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    """Issue 13 (defect 6): ``--user`` on a command that writes puts them on the team."""
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "--user",
        "Bruno Lima",
        "add",
        "--name",
        "Ana",
        "--phone",
        "11 98765-4321",
    )
    assert code == 0
    lead_id = out.strip()
    assert run(capsys, "--db", db, "team", "--json")[1].strip() == '["Bruno Lima"]'
    # Reading with --user joins nobody; a move by another named user does.
    assert run(capsys, "--db", db, "--user", "Leitor", "leads")[0] == 0
    assert run(capsys, "--db", db, "--user", "Carla", "move", lead_id, "negotiating")[0] == 0
    code, out, _ = run(capsys, "--db", db, "team", "--json")
    assert json.loads(out) == ["Bruno Lima", "Carla"]
