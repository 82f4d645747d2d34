"""Migration 22 on a populated store: the search index rebuilt without positions, nothing lost."""

from __future__ import annotations

import sqlalchemy as sa

from cockpit_tui.store.engine import create_store_engine
from cockpit_tui.store.migrations.runner import all_migrations, migrate
from cockpit_tui.store.search_sql import match_clause
from cockpit_tui.store.urls import parse_store_url

#: Documents as the index holds them, by lead id (ids with gaps, as after deletions).
_DOCUMENTS = {
    3: "joao conceicao 5511987654321 honda civic exl 2021 webmotors aceita troca?",
    17: "maria souza 5521998765432 jeep compass olx",
    1000: 'ana "lima" 100% a_b*c[d] olx',
    1001: "civ ivi vic: not the word",
}


def _documents(connection: sa.Connection) -> dict[int, str]:
    key = "rowid" if connection.dialect.name == "sqlite" else "lead_id"
    return {
        int(lead_id): str(doc)
        for lead_id, doc in connection.exec_driver_sql(f"SELECT {key}, doc FROM lead_search")
    }


def _search(connection: sa.Connection, *terms: str) -> set[int]:
    sqlite = connection.dialect.name == "sqlite"
    sql, params = match_clause(terms, sqlite=sqlite)
    if not sqlite:
        sql = sql.replace("?", "%s")
    key = "rowid" if sqlite else "lead_id"
    return {
        int(found)
        for (found,) in connection.exec_driver_sql(
            f"SELECT l.id FROM (SELECT {key} AS id FROM lead_search) l WHERE {sql}", tuple(params)
        )
    }


def test_the_search_index_is_rebuilt_without_positions_keeping_every_document(
    store_url: str,
) -> None:
    url = parse_store_url(store_url)
    engine = create_store_engine(url)
    try:
        migrate(engine, url, migrations=[step for step in all_migrations() if step.version < 22])
        sqlite = engine.dialect.name == "sqlite"
        with engine.begin() as connection:
            key, mark = ("rowid", "?") if sqlite else ("lead_id", "%s")
            connection.exec_driver_sql(
                f"INSERT INTO lead_search ({key}, doc) VALUES ({mark}, {mark})",
                list(_DOCUMENTS.items()),
            )
            if sqlite:
                # An import's paused merging (migration 21 records how to resume it).
                connection.exec_driver_sql(
                    "INSERT INTO lead_search (lead_search, rank) VALUES ('automerge', 0)"
                )
            before = sa.inspect(connection).get_table_names()

        report = migrate(
            engine, url, migrations=[step for step in all_migrations() if step.version <= 22]
        )
        assert (report.from_version, report.to_version) == (21, 22)

        with engine.connect() as connection:
            assert _documents(connection) == _DOCUMENTS
            assert _search(connection, "civic") == {3}
            assert _search(connection, "olx", '"lima"') == {1000}
            assert _search(connection, "a_b*c[d]", "0%") == {1000}
            assert _search(connection, "55", "98765") == {3, 17}
            # Every table kept, but FTS5's record of each document's length (columnsize=0).
            gone = ["lead_search_docsize"] if sqlite else []
            assert sa.inspect(connection).get_table_names() == [
                name for name in before if name not in gone
            ]
            if sqlite:
                definition = connection.exec_driver_sql(
                    "SELECT sql FROM sqlite_master WHERE name = 'lead_search'"
                ).scalar_one()
                assert "detail=none, columnsize=0" in definition
                assert connection.exec_driver_sql(
                    "SELECT v FROM lead_search_config WHERE k = 'automerge'"
                ).all() == [(0,)]
                # FTS5's own check: every document's trigrams are in the index.
                connection.exec_driver_sql(
                    "INSERT INTO lead_search (lead_search) VALUES ('integrity-check')"
                )
                assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        # Documents written after the migration are found like the copied ones.
        with engine.begin() as connection:
            connection.exec_driver_sql(
                f"INSERT INTO lead_search ({key}, doc) VALUES ({mark}, {mark})",
                (1002, "civic si 2020"),
            )
        with engine.connect() as connection:
            assert _search(connection, "civic") == {3, 1002}
    finally:
        engine.dispose()


def test_a_new_store_gets_the_index_without_positions(sqlite_url: str) -> None:
    url = parse_store_url(sqlite_url)
    engine = create_store_engine(url)
    try:
        migrate(engine, url)
        with engine.connect() as connection:
            definition = connection.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE name = 'lead_search'"
            ).scalar_one()
            shadows = connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE name LIKE 'lead_search%' ORDER BY name"
            ).all()
        assert definition == (
            "CREATE VIRTUAL TABLE lead_search USING fts5(doc, tokenize='trigram', "
            "detail=none, columnsize=0)"
        )
        assert [name for (name,) in shadows] == [
            "lead_search",
            "lead_search_config",
            "lead_search_content",
            "lead_search_data",
            "lead_search_idx",
        ]
    finally:
        engine.dispose()
