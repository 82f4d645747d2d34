"""The line that names the columns a narrow screen hides, fitted to its width.

"◀ 1 Nova proposta · 40" on the left, "5 Vendidos · 18  6 Não vendidos · 17 ▶"
on the right. When both do not fit, the labels shorten ("Não ven…"), then go
("5·18 6·17"); a digit (the column's key) or a count is never cut.
"""

from __future__ import annotations

from collections.abc import Callable

from cockpit_tui.domain.statuses import Status

#: Forms tried in turn: (label width, with "/total"): labels whole, cut, left
#: out; last, under a filter, the counts shown without their totals.
_FORMS: tuple[tuple[int | None, bool], ...] = (
    (None, True),
    (10, True),
    (6, True),
    (0, True),
    (0, False),
)
#: Cells between the left and the right hint.
_GAP = 2

Names = Callable[[list[Status], int | None, bool], str]


def offscreen_texts(
    hidden_left: list[Status], hidden_right: list[Status], names: Names, width: int
) -> tuple[str, str]:
    """The left and right hints, in the longest form that fits ``width`` cells together.

    Args:
        hidden_left: Columns hidden on the left.
        hidden_right: Columns hidden on the right.
        names: Names columns with their counts, labels cut to a width (``None``: whole),
            with or without the "/total" a filter adds.
        width: Cells the line has.
    """
    left = right = ""
    for label_width, with_totals in _FORMS:
        left = f"◀ {names(hidden_left, label_width, with_totals)}" if hidden_left else ""
        right = f"{names(hidden_right, label_width, with_totals)} ▶" if hidden_right else ""
        if len(left) + len(right) + (_GAP if left and right else 0) <= width:
            break
    return left, right
