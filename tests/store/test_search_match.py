"""The search's SQL finds exactly the documents that hold every term, whatever the characters.

Compared, on the index as the migrations leave it (SQLite's FTS5 trigram
table without positions, PostgreSQL's plain table), with ``term in doc``
over a few hundred generated documents: terms of every length, substrings
that span words, characters the query languages treat specially, folded
accents, several terms at once.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence

import pytest
import sqlalchemy as sa

from cockpit_tui.domain.filters import search_terms
from cockpit_tui.store.engine import create_store_engine
from cockpit_tui.store.migrations.runner import migrate
from cockpit_tui.store.search_index import document_text
from cockpit_tui.store.search_sql import match_clause, trigram_query, walk_clause
from cockpit_tui.store.urls import parse_store_url

#: Few letters (so that trigrams recur in other orders than the term's) and every special one.
_ALPHABET = "abcab" + "%_*[\"]!^-.@'\\?" + "éçãøł日🚗" + "0123"


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 7)))


def _documents(count: int, rng: random.Random) -> list[str]:
    """Folded documents, as the index holds them, from raw values with accents and capitals."""
    documents = []
    for _ in range(count):
        name = " ".join(_word(rng) for _ in range(rng.randint(1, 3))).upper()
        message = " ".join(_word(rng) for _ in range(rng.randint(0, 6)))
        documents.append(
            document_text(name, None, None, _word(rng), rng.choice(["OLX", "Webmotors"]), [message])
        )
    return documents


def _term_lists(documents: Sequence[str], rng: random.Random) -> list[tuple[str, ...]]:
    """Substrings of the documents (found), random words (mostly not), and mixes of them."""
    lists: list[tuple[str, ...]] = []
    for length in range(1, 10):
        for _ in range(25):
            words = [word for word in rng.choice(documents).split() if len(word) >= length]
            if words:
                word = rng.choice(words)
                start = rng.randrange(len(word) - length + 1)
                lists.append((word[start : start + length],))
    lists += [(_word(rng) + _word(rng),) for _ in range(150)]
    lists += [tuple(rng.choice(lists)[0] for _ in range(rng.randint(2, 3))) for _ in range(150)]
    # As typed: capitals and accents fold, quotes and wildcards are plain characters.
    typed = ["CAB", "Ção", "ab%", "%_", "*", '"', '""', '"a"b', "[a]", "!%", "a_b", "abab", "日🚗"]
    lists += [terms for text in typed if (terms := search_terms(text))]
    return lists


@pytest.fixture
def engine(store_url: str) -> Iterator[sa.Engine]:
    url = parse_store_url(store_url)
    created = create_store_engine(url)
    migrate(created, url)
    yield created
    created.dispose()


def _found(connection: sa.Connection, sql: str, params: list[object]) -> set[int]:
    if connection.dialect.paramstyle != "qmark":
        sql = sql.replace("?", "%s")
    return {int(found) for (found,) in connection.exec_driver_sql(sql, tuple(params))}


def test_the_search_finds_exactly_the_documents_holding_every_term(engine: sa.Engine) -> None:
    rng = random.Random(18)
    documents = _documents(400, rng)
    sqlite = engine.dialect.name == "sqlite"
    key, mark = ("rowid", "?") if sqlite else ("lead_id", "%s")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            f"INSERT INTO lead_search ({key}, doc) VALUES ({mark}, {mark})",
            [(lead_id * 7, doc) for lead_id, doc in enumerate(documents, start=1)],
        )
    leads = f"SELECT l.id FROM (SELECT {key} AS id FROM lead_search) l"
    checked = matched = confirmed = 0
    with engine.connect() as connection:
        for terms in _term_lists(documents, rng):
            expected = {
                lead_id * 7
                for lead_id, doc in enumerate(documents, start=1)
                if all(term in doc for term in terms)
            }
            sql, params = match_clause(terms, sqlite=sqlite)
            assert _found(connection, f"{leads} WHERE {sql}", params) == expected, terms
            # SQLite's form for walking the board's index, lead by lead.
            walk = walk_clause(terms) if sqlite else None
            if walk is not None:
                assert _found(connection, f"{leads} WHERE {walk[0]}", walk[1]) == expected, terms
            checked += 1
            matched += bool(expected)
            confirmed += any(
                all(trigram in doc for trigram in _trigrams(terms)) and lead_id * 7 not in expected
                for lead_id, doc in enumerate(documents, start=1)
            )
    # Terms found in some documents and in none were asked, and terms whose
    # trigrams a document holds apart (the look-up alone would keep it).
    assert 150 < matched < checked
    assert confirmed > 40


def _trigrams(terms: Sequence[str]) -> set[str]:
    return {term[start : start + 3] for term in terms for start in range(len(term) - 2)}


def test_a_long_term_asks_the_index_for_its_trigrams_once_each() -> None:
    assert trigram_query(["civic"]) == '"civ" AND "ivi" AND "vic"'
    assert trigram_query(["aaaa", "xaaa"]) == '"aaa" AND "xaa"'
    assert trigram_query(['a"b"c']) == '"a""b" AND """b""" AND "b""c"'
