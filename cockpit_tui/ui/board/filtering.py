"""A filter or search change, read in a worker: the counts and each column's first cards."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.message import Message

from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services.column_window import WindowContent, WindowSpec, read_window

if TYPE_CHECKING:
    from textual.screen import Screen

    from cockpit_tui.services import Services
    from cockpit_tui.services.filtering import LeadScope


@dataclass
class FilterRead(Message):
    """What the board shows under a new filter, read off the UI thread.

    Attributes:
        serial: Which filter change this is (only the newest one is shown).
        counts: Leads per column the filter keeps.
        contents: Each column's first cards under the filter.
        error: Why the store could not be read (then nothing else is set).
    """

    serial: int
    counts: dict[Status, int]
    contents: dict[Status, WindowContent]
    error: CockpitError | None = None


def start_filter_read(
    screen: Screen[Any],
    services: Services,
    *,
    serial: int,
    where: LeadScope | None,
    specs: dict[Status, WindowSpec],
) -> None:
    """Read the counts and first cards under ``where`` in a worker; post a :class:`FilterRead`."""

    def read() -> None:
        try:
            counts = services.board.counts(where)
            contents = {status: read_window(spec) for status, spec in specs.items()}
        except CockpitError as error:
            screen.post_message(FilterRead(serial, {}, {}, error))
            return
        screen.post_message(FilterRead(serial, counts, contents))

    screen.run_worker(read, thread=True, group="board-filter")
