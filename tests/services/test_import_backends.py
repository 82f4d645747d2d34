"""The same files imported into SQLite and PostgreSQL leave the same rows (issue 18).

PostgreSQL's import has its own path (``COPY``, its own lookups' SQL, chunks
committed without waiting for the disk, custom plans); a store moved from one
backend to the other must not tell. Files with repeats inside a chunk and
across chunks, merges into open leads (by phone, by e-mail, by external id),
customers who come back after a sale or a loss, customers named by phone in
one row and by e-mail in another, rejected rows and re-runs are imported into
a new store of each backend, in chunks small enough for psycopg to prepare
the lookups (it does from the fifth run on), and every stored row compared.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from cockpit_tui.services import Services, open_services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.intake import ImportSummary
from tests.conftest import NOW, _pg_schema_url, tick

HEADER = ["Nome", "Telefone", "E-mail", "Veículo", "Mensagem", "Status", "ID"]
CHUNK = 9

#: Every stored row an import writes, ids included, sorted in Python (collations differ).
_DUMPS = {
    "customer": "SELECT id, name, phone, email, created_at FROM customer",
    "lead": (
        "SELECT id, customer_id, previous_lead_id, status, version, assigned_to, vehicle, price, "
        "source, external_id, created_at, last_activity_at, attention_at, unread_count, "
        "needs_attention, sort_at, next_appointment_at, waiting_since, response_due_soon_at, "
        "response_due_at, first_response_at, first_response_seconds FROM lead"
    ),
    "message": (
        "SELECT id, lead_id, direction, body, at, author, read_at, delivered_at FROM message"
    ),
    "fingerprint": "SELECT fingerprint_hi, fingerprint_lo, lead_id, at FROM import_fingerprint",
    "change_log": "SELECT id, at, kind, lead_id, actor FROM change_log",
}


def _phone(n: int) -> str:
    return f"(31) 9{7000 + n:04}-{n:04}"


def _first_file() -> list[list[str]]:
    """Customers 0-59, with repeats, returning customers, shared contacts and refusals."""
    rows = [HEADER]
    for n in range(60):
        status = "sold" if n % 10 == 4 else "lost" if n % 10 == 7 else ""
        email = f"pessoa{n}@example.com" if n % 3 else ""
        external = f"portal-{n}" if n % 5 == 0 else ""
        rows.append([f"Pessoa {n} Araújo", _phone(n), email, "HB20", f"Oi {n}", status, external])
        if n % 4 == 1:
            # the same customer again, a few chunks later, by e-mail only when there is one
            later = [f"Pessoa {n}", "" if email else _phone(n), email, "", f"De novo {n}", "", ""]
            rows.insert(min(len(rows), n + 12), later)
    rows += [
        # an exact repeat of an earlier row (already imported, inside the same run)
        rows[3],
        # one customer named by phone in one row and by e-mail in another
        ["Pessoa 2", _phone(2), "pessoa2@example.com", "", "Com os dois", "", ""],
        # the external id of lead 0 with another phone: merged into it
        ["Outra Pessoa", _phone(900), "", "", "Pelo id", "", "portal-0"],
        # refusals
        ["Sem Contato", "", "", "", "", "", ""],
        ["Fone Ruim", "123", "", "", "", "", ""],
        ["Status Ruim", _phone(901), "", "", "", "talvez", ""],
    ]
    return rows


def _second_file() -> list[list[str]]:
    """Merges into the first file's open leads, returning customers, new ones."""
    rows = [HEADER]
    for n in range(0, 80, 2):
        email = f"pessoa{n}@example.com" if n % 3 else ""
        by_email = n % 6 == 2
        rows.append(
            [
                f"Pessoa {n}",
                "" if by_email else _phone(n),
                email if by_email else "",
                "Creta",
                f"Segunda vez {n}",
                "",
                "",
            ]
        )
    return rows


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, delimiter=";").writerows(rows)
    return path


def _dump(services: Services) -> dict[str, list[tuple[Any, ...]]]:
    key = "rowid" if services.store.url.is_sqlite else "lead_id"
    queries = {**_DUMPS, "search": f"SELECT {key}, doc FROM lead_search"}
    with services.store.engine.connect() as connection:
        return {
            name: sorted(
                (tuple(row) for row in connection.execute(text(sql))),
                key=lambda row: tuple((value is None, str(value)) for value in row),
            )
            for name, sql in queries.items()
        }


def _counts(summary: ImportSummary) -> tuple[int, int, int, list[tuple[int, str]]]:
    rejected = [(row.line, why.reason) for row, why in summary.rejected]
    return summary.imported, summary.merged, summary.already, rejected


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A new PostgreSQL store's URL (skipped without COCKPIT_TEST_PG_URL)."""
    yield from _pg_schema_url()


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr("cockpit_tui.services.intake.CHUNK_ROWS", CHUNK)
    monkeypatch.setattr("cockpit_tui.services.intake_validation.PARALLEL_ROWS", 1)
    return CHUNK


def _run_all(url: str, folder: Path, clock: FrozenClock) -> tuple[list[Any], dict[str, Any]]:
    """Import both files (a dry run first, then the file, then a re-run), as the user would."""
    first = _write(folder / "first.csv", _first_file())
    second = _write(folder / "second.csv", _second_file())
    services = open_services(url, actor="Ana", clock=clock)
    try:
        summaries = [_counts(services.intake.import_file(first, dry_run=True))]
        summaries.append(_counts(services.intake.import_file(first)))
        summaries.append(_counts(services.intake.import_file(first)))
        tick(clock, 30)
        summaries.append(_counts(services.intake.import_file(second, dry_run=True)))
        summaries.append(_counts(services.intake.import_file(second)))
        rejects = (folder / "first.csv.rejects.csv").read_text(encoding="utf-8")
        return [*summaries, rejects], _dump(services)
    finally:
        services.close()


@pytest.mark.postgres
def test_sqlite_and_postgresql_store_the_same_rows(
    sqlite_url: str, pg_url: str, tmp_path: Path, small_chunks: int
) -> None:

    results = {}
    for name, url in (("sqlite", sqlite_url), ("postgres", pg_url)):
        folder = tmp_path / name
        folder.mkdir()
        results[name] = _run_all(url, folder, FrozenClock(NOW))
    (lite_summaries, lite_rows), (pg_summaries, pg_rows) = results["sqlite"], results["postgres"]

    assert pg_summaries == lite_summaries
    dry_first, first, rerun, dry_second, second, _rejects = lite_summaries
    refusals = [(80, "intake.missing_contact"), (81, "intake.bad_phone"), (82, "intake.bad_status")]
    # 60 customers; 15 come back later in the file, one with both contacts, one by
    # external id (merges); one row repeated (already)
    assert first == dry_first == (60, 17, 1, refusals)
    assert rerun == (0, 0, 78, refusals)
    # 10 new customers and 6 whose lead was sold or lost (new cards); 24 merges
    assert second == dry_second == (16, 24, 0, [])
    assert {name: len(rows) for name, rows in lite_rows.items()} == {
        "customer": 70,
        "lead": 76,
        "message": 117,
        "fingerprint": 117,
        "change_log": 117,
        "search": 76,
    }
    assert pg_rows == lite_rows
