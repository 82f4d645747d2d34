"""Issue 13, defect 8: at every size the board keeps whole what the user reads and types by.

A column's digit (its jump key) and count, the header's filters (whole, or
"N filtros"), and the hidden columns' digits and counts are never cut; the
label shortens first, with "…". Each check reads what the widgets draw.
One app per size checks the three (a demo store takes a few seconds to seed).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from textual.geometry import Region
from textual.widget import Widget

from cockpit_tui.domain.filters import LeadFilter, QuickFilter
from cockpit_tui.domain.statuses import STATUS_ORDER, status_label
from cockpit_tui.services import Services
from cockpit_tui.ui.app import CockpitApp
from cockpit_tui.ui.widgets.status_strip import StatusStrip
from tests.ui.conftest import blocks, board, make_app, settled, wait_until

SIZES = [(160, 45), (100, 30), (80, 24), (40, 10)]

#: Search, two quick filters and a source: a long header.
MANY_FILTERS = LeadFilter(
    search="a",
    quick=frozenset({QuickFilter.UNASSIGNED, QuickFilter.STALE}),
    source="Mercado Livre",
)


def drawn(widget: Widget) -> str:
    """The text a one-line widget draws now (what reaches the terminal)."""
    width = widget.size.width
    return "".join(strip.text for strip in widget.render_lines(Region(0, 0, width, 1))).rstrip()


async def with_filter(pilot: Any, app: CockpitApp, lead_filter: LeadFilter) -> None:
    board(app).apply_filter(lead_filter)
    await wait_until(pilot, lambda: settled(app) and board(app).lead_filter == lead_filter)
    await pilot.pause()


def count_pattern(app: CockpitApp, position: int, *, total_optional: bool = False) -> str:
    """The count a column's header shows, "25" or "3/25" under a filter, as a pattern."""
    column = board(app).columns()[position - 1]
    if column.filter_total is None:
        return str(column.total)
    total = f"/{column.filter_total}"
    if total_optional:
        return f"{column.total}({re.escape(total)})?"
    return re.escape(f"{column.total}{total}")


async def headers_keep_digit_and_count(pilot: Any, app: CockpitApp) -> None:
    """Focus each column in turn; every header on screen shows "N label · count" whole."""
    for position in range(1, len(STATUS_ORDER) + 1):
        await pilot.press(str(position))
        await pilot.pause()
        for status, text in blocks(app, 0).items():
            count = count_pattern(app, status.position)
            header = text.strip()
            assert re.fullmatch(rf"{status.position} \S.* · {count}", header), header


async def hidden_columns_named_with_counts(pilot: Any, app: CockpitApp) -> None:
    """With the first, a middle and the last column focused, every hidden column is named."""
    for position in (1, 3, 6):
        await pilot.press(str(position))
        await pilot.pause()
        screen = board(app)
        shown = {column.status for column in screen.canvas.shown_columns}
        line = "  ".join(
            drawn(screen.query_one(f"#offscreen-{side}", Widget))
            for side in ("left", "right")
            if screen.query_one(f"#offscreen-{side}", Widget).display
        )
        assert "…  " not in line, line
        assert not line.endswith("…"), line
        for status in STATUS_ORDER:
            if status not in shown:
                count = count_pattern(app, status.position, total_optional=True)
                named = rf"(^|\s){status.position}( \S[^·]* · |·){count}(\s|$)"
                assert re.search(named, line), (status, line)


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_digits_counts_and_filters_are_never_cut(
    demo_services: Services, size: tuple[int, int]
) -> None:
    app = make_app(demo_services)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await headers_keep_digit_and_count(pilot, app)
        await hidden_columns_named_with_counts(pilot, app)

        # A search makes every count "shown/total": longer, still whole.
        await with_filter(pilot, app, LeadFilter(search="a"))
        await headers_keep_digit_and_count(pilot, app)
        await hidden_columns_named_with_counts(pilot, app)

        # Four filters: the header names them all, or says "4 filtros"; no value is cut.
        await with_filter(pilot, app, MANY_FILTERS)
        header = drawn(board(app).query_one("#board-header", Widget))
        assert "…" not in header, header
        if "origem" in header:
            assert header.endswith("origem: Mercado Livre"), header
        else:
            assert header.endswith("4 filtros"), header


async def test_the_list_at_40_columns_keeps_every_count_and_leaves_out_what_does_not_fit(
    demo_services: Services,
) -> None:
    app = make_app(demo_services)
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.press("v")
        await wait_until(pilot, lambda: board(app).view == "list")
        await pilot.pause()
        strip = drawn(board(app).query_one(StatusStrip))
        counts = demo_services.board.counts()
        for status in STATUS_ORDER:
            assert re.search(rf"(^|[│ ]){status.position}[· ](\S.* )?{counts[status]}\b", strip), (
                strip
            )
        labels = {status_label(status, "pt") for status in STATUS_ORDER}
        table = board(app).table
        for y in range(1, 4):
            row = table.render_line(y).text.rstrip()
            # The status is the last column that fits whole: nothing cut glued after it.
            assert any(row.endswith(label) for label in labels), row


async def test_the_search_field_leaves_every_column_that_fitted_on_screen(
    ui_services: Services,
) -> None:
    ui_services.leads.add(name="Maria Souza", vehicle="Fiat Argo 2022")
    app = make_app(ui_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert len(board(app).canvas.shown_columns) == 4
        await pilot.press("slash", "m")
        await wait_until(pilot, lambda: settled(app) and board(app).lead_filter.search == "m")
        await pilot.pause()
        assert board(app).cards.size.width == 100
        assert len(board(app).canvas.shown_columns) == 4
