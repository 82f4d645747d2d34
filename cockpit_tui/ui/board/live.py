"""The board's live poll: notice other processes' commits and re-read what is on screen.

Twice a second (``poll_interval``) the screen asks :class:`LivePoll` to
check; a worker does the cheap check (SQLite's ``data_version``) and, when
someone committed, reads the counts and every window on screen, then posts
one :class:`LivePoll.Refreshed` back. One read runs at a time, so an old read
never lands after a newer one; a read started before a change made here
(an older generation) is dropped and read again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.message import Message

from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.domain.plans import Plan
from cockpit_tui.domain.statuses import Status
from cockpit_tui.services.column_window import WindowContent, WindowSpec, read_window
from cockpit_tui.services.filtering import LeadScope

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.worker import Worker

    from cockpit_tui.services import Services


class LivePoll:
    """Runs the poll's reads in a worker for one screen.

    Args:
        screen: The screen the worker runs for and posts to.
        services: The open store's services.
    """

    @dataclass
    class Refreshed(Message):
        """What the poll read after another process committed."""

        generation: int
        counts: dict[Status, int]
        attention: int
        plan: Plan
        contents: dict[Status, WindowContent]
        list_content: WindowContent | None = None
        list_total: int = 0
        total_counts: dict[Status, int] | None = None

    @dataclass
    class LoadFailed(Message):
        """The poll could not read the store."""

        error: CockpitError

    def __init__(self, screen: Screen[Any], services: Services) -> None:
        self._screen = screen
        self._services = services
        self._worker: Worker[None] | None = None
        #: Read even without a new commit (a read was dropped as stale).
        self.force = False

    @property
    def running(self) -> bool:
        """Whether a read is under way."""
        return self._worker is not None and self._worker.is_running

    def start(
        self,
        generation: int,
        specs: dict[Status, WindowSpec],
        list_spec: WindowSpec | None,
        where: LeadScope | None,
    ) -> None:
        """Check for commits (and read if any) in a worker, unless a read is under way."""
        if self.running:
            return
        force, self.force = self.force, False
        self._worker = self._screen.run_worker(
            lambda: self._read(generation, specs, list_spec, where, force),
            thread=True,
            group="board-poll",
        )

    def _read(
        self,
        generation: int,
        specs: dict[Status, WindowSpec],
        list_spec: WindowSpec | None,
        where: LeadScope | None,
        force: bool,
    ) -> None:
        """Off the UI thread: the cheap check, then counts and the held windows."""
        board = self._services.board
        try:
            if not board.has_new_commits() and not force:
                return
            counts = board.counts(where)
            total_counts = board.counts() if where is not None else None
            list_content, list_total = None, 0
            if list_spec is not None:
                list_content = read_window(list_spec)
                list_total = list_spec.source.total()
            refreshed = LivePoll.Refreshed(
                generation=generation,
                total_counts=total_counts,
                list_content=list_content,
                list_total=list_total,
                counts=counts,
                attention=board.attention_count(),
                plan=self._services.settings.plan(),
                contents={status: read_window(spec) for status, spec in specs.items()},
            )
        except CockpitError as error:
            self._screen.post_message(LivePoll.LoadFailed(error))
            return
        self._screen.post_message(refreshed)
