"""A CSV file read line by line gives the rows, line numbers and refusals of one parsed whole.

Most CSV files are split into lines when read and their cells parsed later,
by the workers that check them (``services/source_lines.py``); any file
whose records are not one line each is parsed whole, as it always was.
Compared here on arbitrary files: quotes, line breaks of every kind inside
and outside quotes, blank lines, cells that undo a rejects file's ``'``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.services import Services, source_files
from cockpit_tui.services.source_files import SourceFile, read_source
from cockpit_tui.services.source_lines import LineRows

FAST = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
SLOW = settings(max_examples=5000, deadline=None, suppress_health_check=list(HealthCheck))

#: Pieces a cell or a line is made of: the characters that matter to ``csv`` and to
#: ``str.splitlines`` (every line break Python knows), blanks, letters, a formula.
_PIECES = ['"', '""', ";", ",", "\n", "\r", "\r\n", "\x1c", "\x85", "\u2028", " ", "\t", "'="]
_PIECES += ["a", "Zé", "11987654321"]
cells = st.lists(st.sampled_from(_PIECES), max_size=4).map("".join)
quoted = cells.map(lambda cell: '"' + cell.replace('"', '""') + '"')
lines = st.lists(cells | quoted, min_size=1, max_size=4).map(";".join)
headers = st.sampled_from(["nome;telefone", "Nome;Telefone;Obs", '"nome";"e-mail"', "name,phone"])
endings = st.sampled_from(["\n", "\r\n", "\r", ""])


@st.composite
def csv_texts(draw: st.DrawFn) -> str:
    """A CSV file's text: blank lines, a header, then rows of arbitrary cells."""
    ending = draw(endings) or "\n"
    body = ending.join(draw(st.lists(lines, max_size=6)))
    blank_before = draw(st.sampled_from(["", ending, ";;" + ending, ' "" ' + ending]))
    return blank_before + draw(headers) + ending + body + draw(endings)


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> int:
    """Chunks of 7 rows, checked in forked workers however small the file."""
    monkeypatch.setattr("cockpit_tui.services.intake.CHUNK_ROWS", 7)
    monkeypatch.setattr("cockpit_tui.services.intake_validation.PARALLEL_ROWS", 1)
    return 7


def _read(path: Path) -> SourceFile | str:
    """``read_source`` of ``path`` as comparable values (its refusal's id, if refused)."""
    try:
        return read_source(path)
    except InvalidInputError as error:
        return error.message_id


def _as_values(source: SourceFile | str) -> object:
    if isinstance(source, str):
        return source
    rows = [(row.line, row.original, row.fields) for row in source.rows]
    return source.header, source.delimiter, rows, source.open_ended


def _both(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    """The file read line by line where it can be, and parsed whole."""
    by_lines = _read(path)
    with monkeypatch.context() as patched:
        patched.setattr(source_files, "one_record_per_line", lambda *_: False)
        whole = _read(path)
    return _as_values(by_lines), _as_values(whole)


def _check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    def check(text: str) -> None:
        path = tmp_path / "leads.csv"
        path.write_text(text, encoding="utf-8", newline="")
        by_lines, whole = _both(path, monkeypatch)
        assert by_lines == whole, repr(text)

    return check


def test_arbitrary_files_read_by_lines_as_parsed_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    given(csv_texts())(FAST(_check(tmp_path, monkeypatch)))()


@pytest.mark.slow
def test_arbitrary_files_read_by_lines_as_parsed_whole_many(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    given(csv_texts())(SLOW(_check(tmp_path, monkeypatch)))()


@pytest.mark.parametrize(
    "text",
    [
        'nome;telefone;obs\nAna;11987654321;"diz ""oi""; tchau"\n\n;;\nBia;11987654322;x\n',
        "nome;telefone\r\n'=Ana;11987654321\r\n  ; \r\nBia;11987654322",
        ";;\n \nnome;telefone\nAna;11987654321\n",
    ],
)
def test_files_of_one_line_records_are_read_by_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    path = tmp_path / "leads.csv"
    path.write_text(text, encoding="utf-8", newline="")
    assert isinstance(read_source(path).rows, LineRows)
    by_lines, whole = _both(path, monkeypatch)
    assert by_lines == whole


def test_a_cell_holding_a_line_break_makes_the_file_parsed_whole(tmp_path: Path) -> None:
    path = tmp_path / "leads.csv"
    path.write_text('nome;mensagem\nAna;"linha 1\nlinha 2"\nBia;oi\n', encoding="utf-8")
    source = read_source(path)
    assert isinstance(source.rows, list)
    assert [(row.line, row.fields["message"]) for row in source.rows] == [
        (2, "linha 1\nlinha 2"),
        (4, "oi"),
    ]


def test_a_rejected_row_keeps_its_line_and_cells_when_workers_parse(
    services: Services, tmp_path: Path, small_parts: int
) -> None:
    path = tmp_path / "leads.csv"
    rows = [f"Cliente {n};119876{n:05}" for n in range(small_parts * 3)]
    rows[small_parts + 1] = "Sem Telefone;abc"
    path.write_text("nome;telefone\n\n" + "\n".join(rows) + "\n", encoding="utf-8")
    summary = services.intake.import_file(path)
    assert summary.imported == len(rows) - 1
    assert [(row.line, row.original) for row, _ in summary.rejected] == [
        (small_parts + 4, ["Sem Telefone", "abc"])
    ]
