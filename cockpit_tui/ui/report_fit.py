"""Fitting the report's text to a narrow screen without cutting a figure.

Rich cuts a table column that does not fit with "…" and wraps a sentence at
any space: at 80 columns "R$ 301 mil" became "R$ 301 …", "21 h 38 min"
became "21 h 38 m…", and "vendas R$" ended a line with "1.304.000,00" on the
next. Here a sentence breaks only between its parts (" · ", "; "), and a
table leaves out its least needed columns, whole, until the rest fits.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len

#: Where a report sentence may break: after these separators (both catalogs use them).
_BREAKS = (" · ", "; ")


def pack_sentence(sentence: str, width: int) -> str:
    """``sentence`` with line breaks only between its parts, each line at most ``width`` cells.

    A part longer than the line is left whole (Rich wraps it as it can).
    """
    parts = [sentence]
    for separator in _BREAKS:
        split: list[str] = []
        for part in parts:
            pieces = part.split(separator)
            split += [piece + separator for piece in pieces[:-1]] + [pieces[-1]]
        parts = split
    lines: list[str] = []
    line = ""
    for part in parts:
        if line and cell_len((line + part).rstrip()) > width:
            lines.append(line.rstrip())
            line = part
        else:
            line += part
    lines.append(line.rstrip())
    return "\n".join(lines)


def columns_that_fit(
    widths: Sequence[int], drop_order: Sequence[int], available: int, *, padding: int = 2
) -> list[int]:
    """The columns (indexes) to show: all, or without the first of ``drop_order`` until they fit.

    Args:
        widths: Each column's width in cells (its widest cell or heading).
        drop_order: Column indexes in the order they may be left out.
        available: The width the table may take.
        padding: Cells each column adds around its text.
    """
    shown = list(range(len(widths)))
    for index in drop_order:
        if sum(widths[i] + padding for i in shown) <= available:
            break
        shown.remove(index)
    return shown
