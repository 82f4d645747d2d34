"""The first figures read while Textual is imported (issue 18) are the board's own, exactly.

``ui/board/first_read.FirstRead`` reads the first board's counts on a thread
started before the UI is imported. What the board shows must be what it would
have read itself: a commit made after that read shows at the first poll, a
filter changed meanwhile is read afresh, a failed read is read again.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from cockpit_tui.domain.errors import StoreUnavailableError
from cockpit_tui.domain.filters import LeadFilter, QuickFilter
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services import Services
from cockpit_tui.services.preferences import Preferences
from cockpit_tui.ui.app import CockpitApp
from cockpit_tui.ui.board.first_read import FirstRead
from tests.ui.conftest import board, header_of, shown_counts, wait_until


def _read_now(first: FirstRead) -> FirstRead:
    first._thread.join()  # the read is over before the test goes on
    return first


async def test_a_commit_after_the_first_read_shows_at_the_first_poll(
    ui_services: Services, tmp_path: Path
) -> None:
    ui_services.leads.add(name="Maria Souza", source="OLX")
    preferences = Preferences(tmp_path / "config", "Ana")
    first = _read_now(FirstRead(ui_services, preferences))
    ui_services.leads.add(name="Chegou Depois", source="OLX")  # after the read
    app = CockpitApp(ui_services, poll_interval=0.05, preferences=preferences, first_read=first)
    async with app.run_test(size=(160, 45)) as pilot:
        assert first.figures(LeadFilter()) is None, "the board took the figures read"
        expected = ui_services.board.counts()
        assert sum(expected.values()) == 2
        await wait_until(pilot, lambda: shown_counts(app) == expected)


async def test_filters_changed_after_the_first_read_are_read_afresh(
    ui_services: Services, tmp_path: Path
) -> None:
    mine = ui_services.leads.add(name="Maria Souza").id
    ui_services.leads.assign(mine, "Ana")
    ui_services.leads.add(name="Sem Dono")
    preferences = Preferences(tmp_path / "config", "Ana")
    preferences.save_filter(LeadFilter(quick=frozenset({QuickFilter.MINE})))
    first = _read_now(FirstRead(ui_services, preferences))
    unassigned = LeadFilter(quick=frozenset({QuickFilter.UNASSIGNED}))
    preferences.save_filter(unassigned)
    app = CockpitApp(ui_services, poll_interval=5, preferences=preferences, first_read=first)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        screen = board(app)
        assert screen.lead_filter == unassigned
        assert screen.state.counts == ui_services.board.counts(ui_services.board.scope(unassigned))
        assert header_of(app, Status.NEW).endswith(" 1/2")  # one of the two leads is nobody's


async def test_a_failed_first_read_is_read_again_by_the_board(
    ui_services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ui_services.leads.add(name="Maria Souza")
    counts = ui_services.board.counts

    def counts_failing_on_the_first_read(*args: Any) -> Any:
        if threading.current_thread().name == "cockpit-first-read":
            raise StoreUnavailableError
        return counts(*args)

    monkeypatch.setattr(ui_services.board, "counts", counts_failing_on_the_first_read)
    first = _read_now(FirstRead(ui_services, None))
    app = CockpitApp(ui_services, poll_interval=5, first_read=first)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        assert sum(shown_counts(app).values()) == 1
        assert not app._notifications, "the board's own read worked: nothing to report"
