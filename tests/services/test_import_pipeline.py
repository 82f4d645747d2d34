"""The fast import (issue 18) stores what the plain one stores, chunk by chunk, all or nothing.

The import checks rows in forked workers part by part while it writes the
parts already checked, takes each row's fingerprint and search document from
the workers, commits chunks without waiting for the disk and writes through
``COPY`` on PostgreSQL. None of that may change a stored row: a mixed file
(rejects, repeats inside the file, merges into open leads, a returning
customer, consent, dates, statuses, salespeople) must leave the store exactly
as validating each row and writing them all through ``apply_records`` in one
transaction leaves it.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from cockpit_tui.domain.intake import LeadRecord, validate
from cockpit_tui.services import Services, open_services
from cockpit_tui.services.clock import FrozenClock
from tests.conftest import _pg_schema_url

HEADER = ["Nome", "Telefone", "E-mail", "Veículo", "Valor", "Origem", "Mensagem", "Data"]
MORE = ["Status", "Vendedor", "Consentimento", "ID"]

#: What was stored before the file: an open lead, a customer whose lead was sold.
BEFORE = [
    [*HEADER, *MORE],
    ["Ana Lima", "(11) 98765-0001", "", "Argo", "", "OLX", "Oi", "", "", "", "", "ext-1"],
    [
        "Bruno Sá",
        "(11) 98765-0002",
        "bruno@example.com",
        "Onix",
        "",
        "Site",
        "",
        "",
        "sold",
        *[""] * 3,
    ],
]


def _mixed_rows() -> list[list[str]]:
    rows = [[*HEADER, *MORE]]
    for n in range(40):
        rows.append(
            [
                f"Cliente {n} Conceição",
                f"(21) 9{8000 + n:04}-{n:04}",
                f"cliente{n}@example.com" if n % 3 else "",
                "Jeep Compass" if n % 2 else "Citroën C4 “Cactus”",
                "R$ 139.900,00" if n % 4 else "",
                "Webmotors",
                f"Olá {n}, ainda está disponível?" if n % 5 else "",
                "27/11/2026 09:14" if n % 7 == 0 else "",
                "negotiating" if n % 11 == 0 else "",
                "Carla" if n % 6 == 0 else "",
                "sim" if n % 8 == 0 else "",
                "",
            ]
        )
    rows += [
        # merges into the open lead stored before (phone, then external id)
        ["Ana L.", "+55 11 98765-0001", "", "", "", "", "De novo", "", "", "", "", ""],
        ["Ana", "", "ana@example.com", "", "", "", "Pelo id", "", "", "", "", "ext-1"],
        # the customer whose lead was sold comes back: a new card, same customer
        ["Bruno", "", "BRUNO@example.com", "Tracker", "", "", "Voltei", "", "", "", "", ""],
        # the same customers again (merged), and a row identical to an earlier one (skipped)
        [
            "Cliente 3 Conceição",
            "(21) 98003-0003",
            "cliente3@example.com",
            "Jeep Compass",
            "R$ 139.900,00",
            "Webmotors",
            "Olá 3, ainda está disponível?",
            *[""] * 5,
        ],
        ["Cliente 5", "(21) 98005-0005", "", "", "", "", "Outra pergunta", "", "", "", "", ""],
        [
            "Cliente 1 Conceição",
            "(21) 98001-0001",
            "cliente1@example.com",
            "Jeep Compass",
            "R$ 139.900,00",
            "Webmotors",
            "Olá 1, ainda está disponível?",
            *[""] * 5,
        ],
        # refusals, with their line numbers
        ["Sem Telefone", "", "", "", "", "", "", "", "", "", "", ""],
        ["Fone Ruim", "123", "", "", "", "", "", "", "", "", "", ""],
        ["", "(21) 98999-0000", "", "", "", "", "", "", "", "", "", ""],
        ["Mail Ruim", "", "não é e-mail", "", "", "", "", "", "", "", "", ""],
        ["Preço Ruim", "(21) 98999-0001", "", "", "abc", "", "", "", "", "", "", ""],
        ["Status Ruim", "(21) 98999-0002", "", "", "", "", "", "", "talvez", "", "", ""],
    ]
    return rows


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, delimiter=";").writerows(rows)
    return path


#: Every stored row an import writes, ids included, in a stable order.
_DUMPS = {
    "customer": "SELECT id, name, phone, email, created_at FROM customer ORDER BY id",
    "lead": "SELECT * FROM lead ORDER BY id",
    "message": "SELECT lead_id, direction, body, at, read_at, author, delivered_at "
    "FROM message ORDER BY id",
    "fingerprint": "SELECT fingerprint_hi, fingerprint_lo, lead_id, at FROM import_fingerprint "
    "ORDER BY fingerprint_hi, fingerprint_lo",
    "change_log": "SELECT at, kind, lead_id, actor FROM change_log ORDER BY id",
    "consent": "SELECT customer_id, channel, state, source, actor, at FROM consent ORDER BY id",
    "team": "SELECT name FROM team_member ORDER BY name",
}


def _dump(services: Services) -> dict[str, list[tuple[Any, ...]]]:
    key = "rowid" if services.store.url.is_sqlite else "lead_id"
    queries = {**_DUMPS, "search": f"SELECT {key}, doc FROM lead_search ORDER BY 1"}
    with services.store.engine.connect() as connection:
        return {
            name: [tuple(row) for row in connection.execute(text(sql))]
            for name, sql in queries.items()
        }


def _reference_import(services: Services, path: Path, clock: FrozenClock) -> None:
    """The plain import: each row validated here, all written by ``apply_records`` at once."""
    from cockpit_tui.services.intake_events import record_consent
    from cockpit_tui.services.source_files import read_source
    from cockpit_tui.store.engine import write_connection
    from cockpit_tui.store.intake import apply_records

    valid = [
        checked
        for row in read_source(path).rows
        if isinstance(checked := validate(row.fields), LeadRecord)
    ]
    with write_connection(services.store.engine) as connection:
        apply_records(connection, valid, actor="Ana", now=clock.now())
        record_consent(connection, valid, "import", "Ana", clock.now())
    for name in sorted({record.salesperson for record in valid if record.salesperson}):
        services.team.add(name)


@pytest.fixture
def reference_url(store_url: str, tmp_path: Path) -> Iterator[str]:
    """A second new store on the same backend as ``store_url``."""
    if store_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'reference.sqlite'}"
    else:
        yield from _pg_schema_url()


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> int:
    """Chunks of 7 rows, checked in forked workers however small the file."""
    monkeypatch.setattr("cockpit_tui.services.intake.CHUNK_ROWS", 7)
    monkeypatch.setattr("cockpit_tui.services.intake_validation.PARALLEL_ROWS", 1)
    return 7


def test_a_mixed_file_is_stored_as_the_plain_import_stores_it(
    services: Services, reference_url: str, clock: FrozenClock, tmp_path: Path, small_parts: int
) -> None:
    before = _write(tmp_path / "before.csv", BEFORE)
    path = _write(tmp_path / "mixed.csv", _mixed_rows())
    reference = open_services(reference_url, actor="Ana", clock=clock)
    try:
        for store in (services, reference):
            assert store.intake.import_file(before).imported == 2
        summary = services.intake.import_file(path)
        _reference_import(reference, path, clock)
        expected = _dump(reference)
    finally:
        reference.close()
    assert (summary.imported, summary.merged, summary.already) == (41, 4, 1)
    assert [(row.line, why.reason) for row, why in summary.rejected] == [
        (48, "intake.missing_contact"),
        (49, "intake.bad_phone"),
        (50, "intake.missing_name"),
        (51, "intake.bad_email"),
        (52, "intake.bad_price"),
        (53, "intake.bad_status"),
    ]
    stored = _dump(services)
    assert stored == expected
    assert len(stored["consent"]) > 0
    assert len(stored["search"]) == len(stored["lead"])
    # Every imported message arrived from the customer: inbound, no author, nothing to deliver.
    assert {(row[1], row[5], row[6]) for row in stored["message"]} == {("in", None, None)}
    if services.store.url.is_sqlite:
        # The chunks are written without SQLite's foreign-key checks: every reference holds.
        with services.store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1, "on again"


def test_importing_the_same_file_again_changes_nothing(
    services: Services, tmp_path: Path, small_parts: int
) -> None:
    path = _write(tmp_path / "mixed.csv", _mixed_rows())
    first = services.intake.import_file(path)
    stored = _dump(services)
    again = services.intake.import_file(path)
    assert (again.imported, again.merged) == (0, 0)
    assert again.already == first.imported + first.merged + first.already
    assert len(again.rejected) == len(first.rejected)
    now = _dump(services)
    # As before this change, a re-run records the rows' consent again (the same
    # states, appended to the history): what each customer agreed to is unchanged.
    assert _latest_consent(now.pop("consent")) == _latest_consent(stored.pop("consent"))
    assert now == stored


def _latest_consent(rows: list[tuple[Any, ...]]) -> dict[tuple[Any, Any], Any]:
    return {(customer, channel): state for customer, channel, state, *_ in rows}


def test_a_failing_chunk_leaves_whole_chunks_and_a_rerun_finishes_the_file(
    services: Services,
    reference_url: str,
    clock: FrozenClock,
    tmp_path: Path,
    small_parts: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import cockpit_tui.services.intake as intake_module

    path = _write(tmp_path / "mixed.csv", _mixed_rows())
    from cockpit_tui.services.intake_events import record_consent as real_record_consent

    chunks = 0

    def fails_in_the_third_chunk(*args: Any) -> None:
        nonlocal chunks
        chunks += 1
        real_record_consent(*args)  # the chunk's rows are written by now: all must roll back
        if chunks == 3:
            raise OSError("disk gone")

    monkeypatch.setattr(intake_module, "record_consent", fails_in_the_third_chunk)
    with pytest.raises(OSError, match="disk gone"):
        services.intake.import_file(path)
    stored = _dump(services)
    assert len(stored["fingerprint"]) == 2 * small_parts, "two whole chunks, nothing of the third"
    assert len(stored["lead"]) == len(stored["search"]) == len(stored["customer"])
    if services.store.url.is_sqlite:
        with services.store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2, "FULL again"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1, "on again"
            assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == -2000, "default"

    monkeypatch.setattr(intake_module, "record_consent", real_record_consent)
    rerun = services.intake.import_file(path)
    assert rerun.already == 2 * small_parts + 1, "the two chunks, and the row seen twice"
    reference = open_services(reference_url, actor="Ana", clock=clock)
    try:
        _reference_import(reference, path, clock)
        now, expected = _dump(services), _dump(reference)
    finally:
        reference.close()
    # The re-run recorded the first two chunks' consent again, as before this change.
    assert _latest_consent(now.pop("consent")) == _latest_consent(expected.pop("consent"))
    assert now == expected


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="workers are used on 2+ cores only")
def test_the_workers_check_rows_as_this_process_does(tmp_path: Path, small_parts: int) -> None:
    from cockpit_tui.domain.intake import Rejection
    from cockpit_tui.services.intake_validation import check_row, checked_parts
    from cockpit_tui.services.source_files import read_source

    rows = read_source(_write(tmp_path / "mixed.csv", _mixed_rows())).rows
    forked = [item for part in checked_parts(rows, None, part_rows=5) for item in part]
    here = [check_row(row.fields, None) for row in rows]
    assert forked == here
    assert sum(not isinstance(item, Rejection) for item in forked) == len(rows) - 6
