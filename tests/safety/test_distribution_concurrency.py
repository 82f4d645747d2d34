"""Four ingest processes create leads at once: each is distributed exactly once, fairly."""

from __future__ import annotations

import itertools
import multiprocessing
from collections import Counter
from concurrent.futures import ProcessPoolExecutor

import sqlalchemy as sa

from cockpit_tui.services import Services
from tests.safety.distribution_workers import ingester

PROCESSES = 4
LEADS_EACH = 250
ON_DUTY = ("Bianca Lima", "Carla Mendes", "Diego Fernandes")


def test_round_robin_under_concurrent_ingest(services: Services, store_url: str) -> None:
    services.settings.set_value("distribution", "round-robin")
    for name in ON_DUTY:
        services.team.add(name)
        services.team.start_duty(name)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=PROCESSES, mp_context=context) as pool:
        futures = [pool.submit(ingester, store_url, n, LEADS_EACH) for n in range(PROCESSES)]
        problems = [problem for future in futures for problem in future.result(timeout=400)]
    assert problems == []

    total = PROCESSES * LEADS_EACH
    with services.store.engine.connect() as connection:
        owners = Counter(
            name for (name,) in connection.execute(sa.text("SELECT assigned_to FROM lead"))
        )
        given = list(
            connection.execute(
                sa.text(
                    "SELECT lead_id, assigned_to FROM assignment "
                    "WHERE reason = 'round-robin' ORDER BY id"
                )
            )
        )
    # Exactly once: one round-robin record per lead, matching the lead's salesperson.
    assert sum(owners.values()) == total
    assert len(given) == total
    assert len({lead_id for lead_id, _ in given}) == total
    assert set(owners) == set(ON_DUTY)
    # Fair: with K on duty, everyone has floor(N/K) or ceil(N/K).
    low, high = total // len(ON_DUTY), -(-total // len(ON_DUTY))
    assert all(low <= count <= high for count in owners.values()), owners
    # In turn: consecutive distributions never go to the same person twice in a row.
    names = [name for _, name in given]
    assert all(before != after for before, after in itertools.pairwise(names))
    print(f"\nround-robin[{store_url.split(':')[0]}]: {dict(owners)}")
