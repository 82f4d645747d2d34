"""One data row of an input file, and a cell's round trip through a rejects file."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

#: First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class SourceRow(NamedTuple):
    """One data row of an input file.

    A tuple: a CSV row keeps its cells and the columns' fields, and its values
    by field are put together when asked (by the validation workers, in
    parallel, which also parse the cells of most CSV files' rows).

    Attributes:
        line: Where it starts in the file (1 = the first line), or its position in a JSON array.
        original: The row as it was in the file (for the rejects file).
        named: Its values by lead field, when made as it was read (JSON, restored cells).
        columns: Each cell's lead field, in order, when ``named`` is None.
    """

    line: int
    original: list[str]
    named: dict[str, str] | None = None
    columns: Sequence[str] = ()

    @property
    def fields(self) -> dict[str, str]:
        """Its values by lead field."""
        if self.named is not None:
            return self.named
        return dict(zip(self.columns, self.original, strict=False))


def neutralise_cell(value: str) -> str:
    """A cell as OWASP recommends against CSV injection: a leading ``'`` before ``= + - @``, tab
    or CR, so Excel and LibreOffice show it as text instead of running it as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def restore_cell(value: str) -> str:
    """Undo :func:`neutralise_cell` (a rejects file imported again gives back the original)."""
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value
