"""The team holds the salespeople the store's leads name (issue 13, defect 6)."""

from __future__ import annotations

import csv
from pathlib import Path

from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.demo import seed_demo_store


def test_the_demo_seeds_its_salespeople_on_the_team(services: Services, clock: FrozenClock) -> None:
    seed_demo_store(services.store, clock=clock)
    owners = {c.assigned_to for c in services.board.leads_in_board_order() if c.assigned_to}
    assert len(owners) >= 4
    assert set(services.team.members()) >= owners


def test_a_salesperson_named_in_an_import_joins_the_team(
    services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "leads.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["Nome", "Telefone", "Vendedor"])
        writer.writerow(["Maria Souza", "(11) 98765-4321", "Bianca Lima"])
        writer.writerow(["João Silva", "(11) 98765-4322", ""])
    services.intake.import_file(path)
    assert services.team.members() == ["Bianca Lima"]
