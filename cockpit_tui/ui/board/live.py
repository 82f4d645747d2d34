"""The board's live poll: notice other processes' commits and re-read what is on screen.

Twice a second (``poll_interval``) the screen asks :class:`LivePoll` to
check; a worker does the cheap check (SQLite's ``data_version``) and, when
someone committed, reads the counts and every window on screen, then posts
one :class:`LivePoll.Refreshed` back. One read runs at a time, so an old read
never lands after a newer one; a read started before a change made here
(an older generation) is dropped and read again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.message import Message

from cockpit_tui.domain.alerts import Alert
from cockpit_tui.domain.cards import LeadCard
from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.domain.plans import Plan
from cockpit_tui.domain.records import Record, set_field
from cockpit_tui.domain.sanitize import clean_text
from cockpit_tui.domain.statuses import Status, status_label
from cockpit_tui.services.column_window import WindowContent, WindowSpec, read_window
from cockpit_tui.services.filtering import LeadScope

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.worker import Worker

    from cockpit_tui.services import Services
    from cockpit_tui.ui.board.alerts import BoardAlerts
    from cockpit_tui.ui.board.host import BoardHost


class Followed(Record):
    """Where the lead the user had selected is after another process's commit.

    Attributes:
        lead_id: The lead.
        name: Its customer's name (as stored, sanitised on display).
        from_status: The column it was selected in.
        status: Its column now.
        rank: Its index there.
        moved_by: Who moved it, when it changed column.
    """

    __slots__ = ("from_status", "lead_id", "moved_by", "name", "rank", "status")
    lead_id: int
    name: str
    from_status: Status
    status: Status
    rank: int
    moved_by: str | None

    def __init__(
        self,
        lead_id: int,
        name: str,
        from_status: Status,
        status: Status,
        rank: int,
        moved_by: str | None,
    ) -> None:
        set_field(self, "lead_id", lead_id)
        set_field(self, "name", name)
        set_field(self, "from_status", from_status)
        set_field(self, "status", status)
        set_field(self, "rank", rank)
        set_field(self, "moved_by", moved_by)


class LivePoll:
    """Runs the poll's reads in a worker for one screen.

    Args:
        screen: The screen the worker runs for and posts to.
        services: The open store's services.
    """

    class Refreshed(Message):
        """What the poll read after another process committed."""

        def __init__(
            self,
            generation: int,
            counts: dict[Status, int],
            attention: int,
            plan: Plan,
            contents: dict[Status, WindowContent],
            list_content: WindowContent | None = None,
            list_total: int = 0,
            total_counts: dict[Status, int] | None = None,
            followed: Followed | None = None,
            on_duty: tuple[str, ...] = (),
        ) -> None:
            self.generation = generation
            self.counts = counts
            self.attention = attention
            self.plan = plan
            self.contents = contents
            self.list_content = list_content
            self.list_total = list_total
            self.total_counts = total_counts
            self.followed = followed
            self.on_duty = on_duty
            super().__init__()

    class Alerted(Message):
        """Alerts for this user (issue 15): a lead arrived, a customer wrote, an SLA ends."""

        def __init__(self, alerts: list[Alert]) -> None:
            self.alerts = alerts
            super().__init__()

    class LoadFailed(Message):
        """The poll could not read the store."""

        def __init__(self, error: CockpitError) -> None:
            self.error = error
            super().__init__()

    def __init__(
        self,
        screen: Screen[Any],
        host: BoardHost,
        services: Services,
        alerts: BoardAlerts | None = None,
    ) -> None:
        self._screen = screen
        self._host = host
        self._services = services
        self._alerts = alerts
        self._worker: Worker[None] | None = None
        #: Read even without a new commit (a read was dropped as stale).
        self.force = False

    @property
    def running(self) -> bool:
        """Whether a read is under way (or started and not yet running: a thread
        slow to start under load is still this poll's read)."""
        return self._worker is not None and not self._worker.is_finished

    def poll(self) -> None:
        """Check for commits (and read what is on screen if any) in a worker.

        Not while a read is under way, nor under another screen (the board
        re-reads everything when it comes back), nor while this user's own
        write or filter read is in flight (its result would count twice);
        the alerts are checked even then (a lead screen open still rings).
        """
        if self.running:
            return
        if not self._screen.is_current or self._host.busy:
            if self._alerts is not None:
                self._worker = self._screen.run_worker(self._alert, thread=True, group="board-poll")
            return  # a write or filter read of this user's is in flight: read once it is shown
        host = self._host
        specs = {column.status: column.window.spec() for column in host.cards.columns}
        pane = next(iter(host.panes))
        generation, where = host.state.generation, host.state.where
        list_spec = pane.poll_spec()
        chosen = host.cards.selected_card if pane is host.cards else None
        force, self.force = self.force, False
        self._worker = self._screen.run_worker(
            lambda: self._read(generation, specs, list_spec, where, force, chosen),
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
        chosen: LeadCard | None = None,
    ) -> None:
        """Off the UI thread: the cheap check, then counts and the held windows; the alerts.

        The alerts come last: the check must follow the poll's start closely,
        or a commit landing meanwhile is shown against a selection (``chosen``)
        the user has already left.
        """
        board = self._services.board
        try:
            changed = board.has_new_commits()
        except CockpitError as error:
            self._screen.post_message(LivePoll.LoadFailed(error))
            return
        try:
            if changed or force:
                self._refresh(generation, specs, list_spec, where, chosen)
        finally:
            self._alert()

    def _refresh(
        self,
        generation: int,
        specs: dict[Status, WindowSpec],
        list_spec: WindowSpec | None,
        where: LeadScope | None,
        chosen: LeadCard | None,
    ) -> None:
        """Off the UI thread: read what is on screen and post it."""
        board = self._services.board
        try:
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
                followed=self._follow(chosen, where),
                on_duty=tuple(board.on_duty_names()),
            )
        except CockpitError as error:
            self._screen.post_message(LivePoll.LoadFailed(error))
            return
        self._screen.post_message(refreshed)

    def _alert(self) -> None:
        """Off the UI thread: post this user's alerts, if any."""
        if self._alerts is not None:
            found = self._alerts.check()
            if found:
                self._screen.post_message(LivePoll.Alerted(found))

    def _follow(self, chosen: LeadCard | None, where: LeadScope | None) -> Followed | None:
        """Off the UI thread: where the selected lead is now (None: gone or filtered out)."""
        if chosen is None:
            return None
        board = self._services.board
        found = board.position_of(chosen.id, where)
        if found is None:
            return None
        status, rank = found
        moved_by = board.last_mover(chosen.id) if status is not chosen.status else None
        return Followed(chosen.id, chosen.customer_name, chosen.status, status, rank, moved_by)

    def show(self, message: LivePoll.Refreshed) -> None:
        """Apply another process's changes, column by column, keeping the selection."""
        host = self._host
        if message.generation != host.state.generation or host.busy:
            self.force = True  # this user changed the board meanwhile: read again
            return
        host.poll_read_worked()
        changed = host.state.take_counts(
            message.counts, message.total_counts, message.attention, message.plan
        )
        changed |= host.state.take_on_duty(message.on_duty)
        host.cards.set_filter_totals()
        panes = list(host.panes)
        # Read before the new windows land: they may put the cursor on a neighbour.
        selected = host.cards.selected_card
        for pane in panes:
            pane.take_poll(message)
        followed = message.followed
        # A lead the user chose while this was read stays selected: theirs wins.
        if (
            followed is not None
            and (selected is None or selected.id == followed.lead_id)
            and panes[0] is host.cards
        ):
            self._keep_selection(followed)
        if changed:
            host.show_counts()
        if panes[0].needs_list_plan and not message.plan.has_list_view:
            host.show_next_pane()
            t = host.cockpit.t
            self._screen.notify(t("board.list_plan_dropped"), severity="warning", timeout=8)

    def _keep_selection(self, followed: Followed) -> None:
        """Keep the lead the user chose selected, and say who moved it where.

        Re-reading a column keeps the selected lead only while it is still in
        the column's window; a lead moved elsewhere would leave the cursor on
        a neighbour the user never chose (the next key would act on it).
        """
        host = self._host
        cards = host.cards
        selected = cards.selected_card
        if followed.status is not followed.from_status:
            t = host.cockpit.t
            label = status_label(followed.status, t.lang)
            name = clean_text(followed.name)
            if followed.moved_by:
                host.say(
                    t(
                        "board.moved_by",
                        actor=clean_text(followed.moved_by),
                        name=name,
                        status=label,
                    )
                )
            else:
                host.say(t("board.moved_elsewhere", name=name, status=label))
            # Followed even to a column off screen (the board scrolls to it): staying
            # behind would leave the cursor, and the next key, on a neighbour.
            cards.focus_status(followed.status)
        elif selected is not None and selected.id == followed.lead_id:
            return
        cards.column(followed.status).select_lead(followed.lead_id, followed.rank)
