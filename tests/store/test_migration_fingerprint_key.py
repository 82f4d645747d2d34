"""Migration 23: fingerprints stored before it still recognise their rows (SQLite, PostgreSQL)."""

from __future__ import annotations

import csv
from pathlib import Path

import sqlalchemy as sa

from cockpit_tui.domain.intake import LeadRecord, fingerprint_key, validate
from cockpit_tui.services import open_services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.source_files import read_source
from cockpit_tui.store.codec import print_halves, print_key
from cockpit_tui.store.engine import create_store_engine
from cockpit_tui.store.migrations.runner import all_migrations, migrate
from cockpit_tui.store.urls import parse_store_url

_ROWS = [
    ["Nome", "Telefone", "E-mail", "Veículo", "Mensagem"],
    ["Cliente Um", "(11) 96000-0001", "um@example.com", "Onix", "Ainda tem?"],
    ["Cliente Dois", "(11) 96000-0002", "", "HB20", ""],
    ["Cliente Três", "", "tres@example.com", "Compass", "Aceita troca?"],
]


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "leads.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, delimiter=";").writerows(_ROWS)
    return path


def test_a_file_imported_before_is_still_recognised(
    store_url: str, tmp_path: Path, clock: FrozenClock
) -> None:
    path = _file(tmp_path)
    records = [validate(row.fields) for row in read_source(path).rows]
    assert all(isinstance(record, LeadRecord) for record in records)
    prints = [record.fingerprint() for record in records if isinstance(record, LeadRecord)]
    url = parse_store_url(store_url)
    engine = create_store_engine(url)
    try:
        migrate(engine, url, migrations=[step for step in all_migrations() if step.version <= 21])
        mark = "%s" if engine.dialect.name == "postgresql" else "?"
        with engine.begin() as connection:
            # What the versions before 23 wrote for this file: a lead per row, its print as hex.
            for n, fingerprint in enumerate([*prints, "not-a-hash"], start=1):
                connection.exec_driver_sql(
                    f"INSERT INTO customer (id, name, created_at) VALUES ({mark}, {mark}, 1)",
                    (n, f"Cliente {n}"),
                )
                connection.exec_driver_sql(
                    "INSERT INTO lead (id, customer_id, status, version, created_at, "
                    "last_activity_at, unread_count, needs_attention, sort_at) "
                    f"VALUES ({mark}, {mark}, 'new', 1, 1, 1, 0, 0, 1)",
                    (n, n),
                )
                connection.exec_driver_sql(
                    "INSERT INTO import_fingerprint (fingerprint, lead_id, at) "
                    f"VALUES ({mark}, {mark}, {mark})",
                    (fingerprint, n, 1000 + n),
                )
    finally:
        engine.dispose()

    services = open_services(store_url, actor="Ana", clock=clock)  # migrates to the latest
    try:
        with services.store.engine.connect() as connection:
            stored = connection.execute(
                sa.text(
                    "SELECT fingerprint_hi, fingerprint_lo, lead_id, at FROM import_fingerprint "
                    "ORDER BY lead_id"
                )
            ).all()
        # Every row kept, each as the first 128 bits of its hash, with its lead and date.
        assert [tuple(row) for row in stored] == [
            (*print_halves(fingerprint_key(fingerprint)), n, 1000 + n)
            for n, fingerprint in enumerate([*prints, "not-a-hash"], start=1)
        ]
        assert [f"{print_key(hi, lo):032x}" for hi, lo, _, _ in stored[:3]] == [
            fingerprint[:32] for fingerprint in prints
        ]
        summary = services.intake.import_file(path)
        assert (summary.imported, summary.merged, summary.already) == (0, 0, 3)
        # The export shows each print as the hash the store keeps.
        document = services.customers.export(1)
        assert [row["fingerprint"] for row in document["lead"][0]["import_fingerprint"]] == [
            prints[0][:32]
        ]
    finally:
        services.close()


def test_the_halves_are_signed_64_bit_and_give_the_key_back() -> None:
    for key in (0, 1, (1 << 64) - 1, 1 << 64, (1 << 127) + 5, (1 << 128) - 1):
        high, low = print_halves(key)
        assert -(1 << 63) <= high < 1 << 63
        assert -(1 << 63) <= low < 1 << 63
        assert print_key(high, low) == key
