"""Importing files: encodings, delimiters, validation, duplicates, idempotence, atomicity."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services

HEADER_PT = ["Nome", "Telefone", "E-mail", "Veículo", "Valor", "Origem", "Mensagem", "Data"]


def write_csv(path: Path, rows: list[list[str]], *, delimiter: str = ";", encoding: str) -> Path:
    with path.open("w", encoding=encoding, newline="") as out:
        csv.writer(out, delimiter=delimiter).writerows(rows)
    return path


def import_(services: Services, path: Path, **kwargs: object):  # type: ignore[no-untyped-def]
    return services.intake.import_file(path, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("cp1252", ";"), ("utf-8-sig", ","), ("utf-8", ";"), ("utf-8", ",")],
)
def test_encodings_and_delimiters_are_detected(
    services: Services, tmp_path: Path, encoding: str, delimiter: str
) -> None:
    path = write_csv(
        tmp_path / "leads.csv",
        [
            HEADER_PT,
            [
                "José Gonçalves",
                "(11) 98765-4321",
                "",
                "Citroën C4 “Cactus”",
                "R$ 89.900,00",
                "Webmotors",
                "Olá, está disponível?",
                "27/11/2026 09:14",
            ],
        ],
        delimiter=delimiter,
        encoding=encoding,
    )
    summary = import_(services, path)
    assert (summary.imported, summary.rejected) == (1, [])
    card = services.board.leads_in_board_order(Status.NEW)[0]
    assert card.customer_name == "José Gonçalves"
    assert card.vehicle == "Citroën C4 “Cactus”"
    assert card.price == Decimal("89900.00")
    assert card.phone == "+5511987654321"
    assert card.created_at == datetime(2026, 11, 27, 9, 14).astimezone()  # local time
    assert services.leads.conversation(card.id)[0].body == "Olá, está disponível?"


def test_english_headers_and_json_files(services: Services, tmp_path: Path) -> None:
    leads = [
        {
            "name": "Ana Lima",
            "email": "ANA@example.com",
            "vehicle": "Fiat Argo",
            "price": "68600",
            "source": "Site",
            "message": "Tem branco?",
            "created_at": "2026-11-27T08:00:00-03:00",
            "external_id": "site-1",
            "salesperson": "Bianca",
            "status": "Em negociação",
        },
    ]
    path = tmp_path / "leads.json"
    path.write_text(json.dumps(leads), encoding="utf-8")
    summary = import_(services, path)
    assert summary.imported == 1
    card = services.board.leads_in_board_order(Status.NEGOTIATING)[0]
    assert (card.email, card.assigned_to) == ("ana@example.com", "Bianca")


REASONS = [
    (["", "(11) 98765-4321", "", "", "", "", "", ""], "intake.missing_name"),
    (["Sem Contato", "", "", "", "", "", "", ""], "intake.missing_contact"),
    (["Fone Ruim", "123", "", "", "", "", "", ""], "intake.bad_phone"),
    (["Mail Ruim", "", "não-é-email", "", "", "", "", ""], "intake.bad_email"),
    (["Preço Ruim", "(11) 98765-4322", "", "", "cento e dez", "", "", ""], "intake.bad_price"),
    (["Data Ruim", "(11) 98765-4323", "", "", "", "", "", "31/02/2026"], "intake.bad_date"),
    (
        ["Campo Enorme", "(11) 98765-4324", "", "", "", "", "x" * 200_000, ""],
        "intake.field_too_long",
    ),
]


def test_each_bad_row_is_refused_with_its_reason_and_written_to_the_rejects_file(
    services: Services, tmp_path: Path
) -> None:
    good = ["Boa Linha", "(11) 91234-5678", "", "", "", "", "", ""]
    path = write_csv(
        tmp_path / "mixed.csv", [HEADER_PT, good, *(row for row, _ in REASONS)], encoding="utf-8"
    )
    summary = import_(services, path, describe=lambda r: f"<{r.reason}>")
    assert summary.imported == 1
    assert [r.reason for _, r in summary.rejected] == [reason for _, reason in REASONS]
    assert [row.line for row, _ in summary.rejected] == list(range(3, 3 + len(REASONS)))
    assert summary.rejects_path == tmp_path / "mixed.csv.rejects.csv"
    with summary.rejects_path.open(encoding="utf-8-sig", newline="") as rejects:
        written = list(csv.reader(rejects, delimiter=";"))
    assert written[0] == ["linha", "motivo", *HEADER_PT]
    assert written[1][:3] == ["3", "<intake.missing_name>", ""]
    assert len(written[-1][-2]) == 200_000, "the original row is kept whole"
    assert services.board.counts()[Status.NEW] == 1


def test_a_file_without_a_name_column_or_in_an_unknown_encoding_is_refused_whole(
    services: Services, tmp_path: Path
) -> None:
    no_name = write_csv(tmp_path / "a.csv", [["Telefone"], ["11987654321"]], encoding="utf-8")
    with pytest.raises(InvalidInputError) as error:
        import_(services, no_name)
    assert error.value.message_id == "intake.no_name_column"
    undecodable = tmp_path / "b.csv"
    undecodable.write_bytes(b"Nome;Telefone\n\x81\x8d;11987654321\n")
    with pytest.raises(InvalidInputError) as error:
        import_(services, undecodable)
    assert error.value.message_id == "intake.bad_encoding"
    latin = write_csv(
        tmp_path / "c.csv", [["Nome", "Telefone"], ["Zé", "11987654321"]], encoding="latin-1"
    )
    assert import_(services, latin, encoding="latin-1").imported == 1


def test_duplicates_in_the_file_and_in_the_store_become_messages_on_the_open_lead(
    services: Services, tmp_path: Path
) -> None:
    existing = services.leads.add(name="Maria Souza", phone="(11) 98765-4321", message="Oi")
    path = write_csv(
        tmp_path / "dups.csv",
        [
            [*HEADER_PT, "id"],
            ["Maria S.", "11 98765-4321", "", "", "", "", "Tem garantia?", "", ""],
            ["Pedro Alves", "(21) 99876-5432", "", "", "", "", "Primeira", "", "ext-9"],
            ["Pedro A.", "", "pedro@example.com", "", "", "", "Segunda", "", "ext-9"],
            ["Pedro de novo", "21998765432", "", "", "", "", "Terceira", "", ""],
        ],
        encoding="utf-8",
    )
    summary = import_(services, path)
    assert (summary.imported, summary.merged) == (1, 3)
    assert services.board.counts()[Status.NEW] == 2
    maria = services.leads.get(existing.id)
    assert maria.has_unread_reply, "a duplicate's message is a reply: bold, on top"
    assert [m.body for m in services.leads.conversation(existing.id)] == ["Oi", "Tem garantia?"]
    pedro = next(c for c in services.board.leads_in_board_order() if c.id != existing.id)
    bodies = [m.body for m in services.leads.conversation(pedro.id)]
    assert bodies == ["Primeira", "Segunda", "Terceira"]


def test_a_closed_negotiation_gets_a_new_card_for_the_same_customer(
    services: Services, tmp_path: Path
) -> None:
    sold = services.leads.add(name="Carla", phone="(11) 91111-2222")
    services.leads.move(sold.id, Status.SOLD)
    path = write_csv(
        tmp_path / "again.csv",
        [HEADER_PT, ["Carla", "11911112222", "", "", "", "", "Quero outro carro", ""]],
        encoding="utf-8",
    )
    assert import_(services, path).imported == 1
    new = services.board.leads_in_board_order(Status.NEW)[0]
    assert new.customer_id == sold.customer_id


def test_reimporting_the_same_file_changes_nothing(services: Services, tmp_path: Path) -> None:
    rows = [HEADER_PT] + [
        [f"Cliente {n}", f"(11) 9{n:04}-1234", "", "", "", "", f"Mensagem {n}", ""]
        for n in range(1200)
    ]
    path = write_csv(tmp_path / "big.csv", rows, encoding="utf-8")
    first = import_(services, path)
    assert first.imported == 1200
    before = services.board.last_change_id()
    second = import_(services, path)
    assert (second.imported, second.merged, second.already) == (0, 0, 1200)
    assert services.board.last_change_id() == before
    assert services.board.counts()[Status.NEW] == 1200


def test_dry_run_counts_but_writes_nothing(services: Services, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "d.csv",
        [
            HEADER_PT,
            ["Ana", "11987654321", "", "", "", "", "", ""],
            ["", "", "", "", "", "", "", ""],
            ["Sem", "", "", "", "", "", "", ""],
        ],
        encoding="utf-8",
    )
    summary = import_(services, path, dry_run=True)
    assert (summary.imported, len(summary.rejected)) == (1, 1)
    assert summary.rejects_path is None
    assert not (tmp_path / "d.csv.rejects.csv").exists()
    assert services.board.counts()[Status.NEW] == 0


def test_hostile_text_is_stored_literally_without_control_characters(
    services: Services, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "h.csv",
        [
            HEADER_PT,
            [
                "[@click=app.quit]x[/]\x1b]52;c;aGk=\x07",
                "11987654321",
                "",
                "[b]v[/b]",
                "",
                "\x1b[31mred",
                "",
                "",
            ],
        ],
        encoding="utf-8",
    )
    assert import_(services, path).imported == 1
    card = services.board.leads_in_board_order()[0]
    assert card.customer_name == "[@click=app.quit]x[/]"
    assert (card.vehicle, card.source) == ("[b]v[/b]", "red")


def test_imported_leads_get_the_search_documents_and_clocks_a_rebuild_gives(
    services: Services, tmp_path: Path
) -> None:
    """The import builds new leads' documents and response clocks from the rows it writes;
    rebuilt from the store afterwards they must come out the same (merges, returning
    customers, accents, a closed status and rows without a message included)."""
    from sqlalchemy import text

    from cockpit_tui.store.engine import write_connection
    from cockpit_tui.store.response_clock import start_waiting
    from cockpit_tui.store.search_index import documents

    first = write_csv(
        tmp_path / "first.csv",
        [
            [*HEADER_PT, "Status"],
            ["Ana Lima", "(11) 98765-0001", "", "Fiat Argo", "", "OLX", "Olá", "", "sold"],
        ],
        encoding="utf-8",
    )
    assert import_(services, first).imported == 1
    path = write_csv(
        tmp_path / "leads.csv",
        [
            HEADER_PT,
            [
                "João Conceição",
                "(11) 98765-4321",
                "Joao@Example.com",
                "Civic",
                "",
                "Webmotors",
                "Aceita troca?",
                "27/11/2026 09:14",
            ],
            ["Maria Souza", "21 99876-5432", "", "Jeep Compass", "R$ 1,00", "OLX", "", ""],
            ["João C.", "+55 11 98765-4321", "", "", "", "", "E o preço à vista?", ""],
            ["Ana L.", "(11) 98765-0001", "", "Argo Trekking", "", "Site", "De novo", ""],
        ],
        encoding="utf-8",
    )
    summary = import_(services, path)
    assert (summary.imported, summary.merged) == (3, 1)
    with write_connection(services.store.engine) as connection:
        ids = [int(i) for (i,) in connection.execute(text("SELECT id FROM lead ORDER BY id"))]
        key = "rowid" if services.store.url.is_sqlite else "lead_id"
        stored = {
            int(lead_id): str(doc)
            for lead_id, doc in connection.execute(text(f"SELECT {key}, doc FROM lead_search"))
        }
        assert stored == dict(documents(connection, ids))
        clocks = "SELECT id, waiting_since, response_due_soon_at, response_due_at FROM lead"
        written = sorted(connection.execute(text(clocks + " ORDER BY id")).all())
        waiting: dict[int, datetime] = {}
        for lead_id, since, *_ in written:
            if since is not None:
                started = services.leads.get(int(lead_id)).waiting_since
                assert started is not None
                waiting[int(lead_id)] = started
        connection.execute(text("UPDATE lead SET waiting_since = NULL"))
        start_waiting(connection, waiting)  # the update path every other write uses
        rebuilt = sorted(connection.execute(text(clocks + " ORDER BY id")).all())
        connection.rollback()
    assert written == rebuilt
    assert len(waiting) == 3, "the three open leads wait; the sold one does not"
