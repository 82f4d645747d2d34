"""Code that runs in child processes of the data-safety tests."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from multiprocessing.connection import Connection

from cockpit_tui.domain.errors import MoveConflictError
from cockpit_tui.domain.statuses import STATUS_ORDER
from cockpit_tui.services import open_services


@dataclass
class MoverReport:
    """What one mover process did."""

    attempts: int = 0
    moved: list[tuple[int, int, str]] = field(default_factory=list)  # lead, version_after, to
    conflicts: int = 0
    locked_errors: int = 0
    other_errors: list[str] = field(default_factory=list)


def mover(url: str, actor: str, lead_ids: list[int], moves: int, seed: int) -> MoverReport:
    """Make ``moves`` compare-and-set moves on shared leads, as a salesperson would."""
    rng = random.Random(seed)
    services = open_services(url, actor=actor)
    report = MoverReport()
    try:
        for _ in range(moves):
            lead_id = rng.choice(lead_ids)
            seen = services.leads.get(lead_id)
            target = rng.choice([s for s in STATUS_ORDER if s is not seen.status])
            report.attempts += 1
            try:
                result = services.leads.move(lead_id, target, seen_version=seen.version)
            except MoveConflictError:
                report.conflicts += 1
            except Exception as error:
                text = str(error)
                if "locked" in text or "busy" in text:
                    report.locked_errors += 1
                else:
                    report.other_errors.append(f"{type(error).__name__}: {text[:200]}")
            else:
                report.moved.append((lead_id, result.card.version, target.value))
    finally:
        services.close()
    return report


def crash_writer(url: str, lead_ids: list[int], seed: int, acks: Connection) -> None:
    """Move leads forever, sending an ack after each committed move, until killed."""
    rng = random.Random(seed)
    services = open_services(url, actor=f"writer-{seed}")
    while True:
        lead_id = rng.choice(lead_ids)
        seen = services.leads.get(lead_id)
        target = rng.choice([s for s in STATUS_ORDER if s is not seen.status])
        result = services.leads.move(lead_id, target, seen_version=seen.version)
        acks.send((lead_id, result.card.version, target.value))
