"""Child processes of the round-robin concurrency test: ingest processes and a rescuer."""

from __future__ import annotations

import json

from cockpit_tui.services import open_services
from cockpit_tui.services.intake import IngestProblem


def ingester(url: str, worker: int, leads: int) -> list[str]:
    """Ingest ``leads`` new-lead events, one transaction each, as ``cockpit ingest`` does.

    Returns:
        The problems reported (none expected).
    """
    services = open_services(url, actor=f"ingest-{worker}")
    problems: list[IngestProblem] = []
    try:
        lines = (
            json.dumps(
                {
                    "event": "lead.created",
                    "id": f"w{worker}-{number}",
                    "lead": {
                        "name": f"Cliente {worker}-{number}",
                        "email": f"c{worker}-{number}@example.com",
                    },
                }
            )
            for number in range(leads)
        )
        services.intake.ingest(lines, on_problem=problems.append)
    finally:
        services.close()
    return [f"{problem.line}: {problem.reason}" for problem in problems]
