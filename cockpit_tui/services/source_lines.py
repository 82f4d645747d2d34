"""CSV files whose every record is one line: their rows parsed where they are checked.

Parsing a big file's cells is most of its reading (a third of a second for
100,000 rows), and the importing process writes every row itself: when each
of the file's lines is a whole record, the file is only split into lines
here, and a row's cells are parsed when it is asked for, by the validation
worker that checks it (:mod:`~cockpit_tui.services.intake_validation`).

A line is a whole record when ``csv`` ends it outside a quoted field: a line
without ``"`` does, when the one before it did; a line with one does when
each of its fields is either unquoted (no ``"``) or wholly quoted (``""``
inside), which a regular expression checks. Any other line (a field holding
a line break, a stray quote) and the file is parsed whole, as before: the
rows, their line numbers and the blank lines skipped are then the same
whichever way the file was read.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from operator import itemgetter
from typing import overload

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.intake import field_of
from cockpit_tui.services.source_rows import SourceRow, restore_cell

#: Every character ``str.strip()`` removes: a line made of these, delimiters and
#: quotes only may be blank (every cell blank), and is parsed to know.
_SPACES = "".join(filter(str.isspace, map(chr, range(0x3001))))


@lru_cache(maxsize=2)
def _whole_record(delimiter: str) -> re.Pattern[str]:
    """A line ``csv`` reads as one whole record: each field unquoted or wholly quoted."""
    # Unrolled ("x*(""x*)*", not "(x|"")*"): one step per run of characters, not per character.
    cell = f'(?:"[^"]*(?:""[^"]*)*"|[^"{delimiter}\r\n]*)'
    return re.compile(f"{cell}(?:{delimiter}{cell})*(?:\r\n|\r|\n)?")


def one_record_per_line(text: str, lines: list[str], delimiter: str) -> bool:
    """Whether each of ``lines`` (``text`` split) is a whole CSV record for ``csv``."""
    if '"' not in text:
        return True
    whole = _whole_record(delimiter).fullmatch
    return all(whole(line) for line in lines if '"' in line)


def line_rows(lines: list[str], delimiter: str) -> tuple[list[str], LineRows]:
    """The header and the data rows of a file whose every line is a whole record.

    Raises:
        InvalidInputError: No column of the header is the name.
    """
    blank = _blank_lines(lines, delimiter)
    at = next((index for index in range(len(lines)) if index not in blank), None)
    if at is None:  # every cell of every line is blank: no header, no rows
        return [], LineRows(lines, (), delimiter, [])
    header = next(csv.reader((lines[at],), delimiter=delimiter))
    fields = [field_of(name) for name in header]
    if "name" not in fields:
        raise InvalidInputError("intake.no_name_column")
    starts: Sequence[int] = range(at + 1, len(lines))
    if any(index > at for index in blank):
        starts = [index for index in starts if index not in blank]
    return header, LineRows(lines, starts, delimiter, fields)


def _blank_lines(lines: list[str], delimiter: str) -> set[int]:
    """The lines whose cells are all blank (skipped, as :func:`csv.reader`'s loop skips them)."""
    maybe = _SPACES + delimiter + '"'
    if not set(maybe).intersection(map(itemgetter(0), lines)):
        return set()  # every line starts with a character of a cell: none is blank
    blank = set()
    for index, line in enumerate(lines):
        if not line.strip(maybe):
            cells = next(csv.reader((line,), delimiter=delimiter))
            if not "".join(cells).strip():
                blank.add(index)
    return blank


class LineRows(Sequence[SourceRow]):
    """A file's data rows, one line each, parsed when asked for (a slice: a part's rows).

    Args:
        lines: The file's lines, line breaks kept.
        starts: The index in ``lines`` of each data row, in order.
        delimiter: The CSV delimiter.
        fields: The lead field of each column of the header (None: not a lead field).
    """

    __slots__ = ("_delimiter", "_fields", "_known", "_lines", "_starts")

    def __init__(
        self,
        lines: list[str],
        starts: Sequence[int],
        delimiter: str,
        fields: list[str | None],
    ) -> None:
        self._lines, self._starts, self._delimiter, self._fields = lines, starts, delimiter, fields
        # The columns' fields when every column is a lead field.
        self._known = () if None in fields else tuple(name for name in fields if name)

    def __len__(self) -> int:
        return len(self._starts)

    def __iter__(self) -> Iterator[SourceRow]:
        return iter(self._parsed(self._starts))

    @overload
    def __getitem__(self, index: int) -> SourceRow: ...

    @overload
    def __getitem__(self, index: slice) -> list[SourceRow]: ...

    def __getitem__(self, index: int | slice) -> SourceRow | list[SourceRow]:
        if isinstance(index, slice):
            return self._parsed(self._starts[index])
        return self._parsed((self._starts[index],))[0]

    def _parsed(self, starts: Sequence[int]) -> list[SourceRow]:
        """The rows starting at those lines, as :func:`~.source_files.read_source` makes them."""
        lines, known, fields = self._lines, self._known, self._fields
        reader = csv.reader([lines[at] for at in starts], delimiter=self._delimiter)
        rows: list[SourceRow] = []
        add = rows.append
        for at, values in zip(starts, reader, strict=True):
            if known and "'" not in lines[at]:
                add(SourceRow(at + 1, values, None, known))
            else:
                named = {
                    name: restore_cell(value)
                    for name, value in zip(fields, values, strict=False)
                    if name is not None
                }
                add(SourceRow(at + 1, values, named))
        return rows
