"""Search and quick filters on the board: a change is named in the header at once, read in a
worker (the counts and each column's first cards), and shown when the read comes back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.message import Message

from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.domain.filters import LeadFilter
from cockpit_tui.domain.statuses import STATUS_ORDER, Status
from cockpit_tui.services.card_source import ColumnSource
from cockpit_tui.services.column_window import (
    ColumnWindow,
    WindowContent,
    WindowSpec,
    read_window,
)
from cockpit_tui.ui.errors import report_error
from cockpit_tui.ui.warm_up_gate import WarmUpGate

if TYPE_CHECKING:
    from textual.screen import Screen

    from cockpit_tui.services import Services
    from cockpit_tui.services.filtering import LeadScope
    from cockpit_tui.ui.board.host import BoardHost


#: Cards per column a new filter reads first: more than the tallest screen shows; the
#: column reads on (by keyset) as the selection moves down.
FIRST_CARDS = 24


class FilterRead(Message):
    """What the board shows under a new filter, read off the UI thread.

    Attributes:
        serial: Which filter change this is (only the newest one is shown).
        counts: Leads per column the filter keeps.
        contents: Each column's first cards under the filter.
        error: Why the store could not be read (then nothing else is set).
        kept: Where the lead to keep selected is under the filter (its column
            and index), None if the filter leaves it out or none was asked.
        next_lead: The lead ``space`` would pick first under the filter (the
            "▶ próximo" mark, drawn in the same frame as the cards), if any.
    """

    def __init__(
        self,
        serial: int,
        counts: dict[Status, int],
        contents: dict[Status, WindowContent],
        error: CockpitError | None = None,
        kept: tuple[Status, int] | None = None,
        next_lead: int | None = None,
    ) -> None:
        self.serial = serial
        self.counts = counts
        self.contents = contents
        self.error = error
        self.kept = kept
        self.next_lead = next_lead
        super().__init__()


def _kept_position(
    services: Services, keep: int, where: LeadScope | None, contents: dict[Status, WindowContent]
) -> tuple[Status, int] | None:
    """Where lead ``keep`` is under ``where``: in the cards just read, else asked of the store."""
    for status, content in contents.items():
        for index, card in enumerate(content.cards, start=content.start):
            if card.id == keep:
                return status, index
    return services.board.position_of(keep, where)


def start_filter_read(
    screen: Screen[Any],
    services: Services,
    *,
    serial: int,
    where: LeadScope | None,
    specs: dict[Status, WindowSpec],
    keep: int | None = None,
    wanted: Callable[[], bool] = lambda: True,
) -> None:
    """Read the counts and first cards under ``where`` in a worker; post a :class:`FilterRead`.

    Under a filter, one read gives every column's first cards and count (a
    search matches once); without one, the counts and each column's top are
    read on the board's index. Where the lead ``keep`` now is and which lead
    ``space`` would pick first are found here too, so showing the result reads
    nothing on the UI thread and draws the "▶ próximo" mark in the same
    frame as the cards (a read of its own repainted the board again, in the
    way of the next key). A read that
    ``wanted`` says was overtaken (more keys typed) is skipped, or dropped when
    it ends (the board also interrupts it: :meth:`BoardFilters.apply`).
    """

    def read() -> None:
        if not wanted():
            return
        try:
            if where is None:
                counts = services.board.counts(where)
                contents = {status: read_window(spec) for status, spec in specs.items()}
            else:
                pages = services.board.first_pages(where, limit=FIRST_CARDS)
                counts = {status: page.total for status, page in pages.items()}
                contents = {status: WindowContent(0, page.cards) for status, page in pages.items()}
            if not wanted():
                return  # overtaken while it read: the newer read shows
            kept = None if keep is None else _kept_position(services, keep, where, contents)
            next_lead = services.board.next_lead_under(services.clock.now(), where)
        except CockpitError as error:
            screen.post_message(FilterRead(serial, {}, {}, error))
            return
        screen.post_message(FilterRead(serial, counts, contents, kept=kept, next_lead=next_lead))

    screen.run_worker(read, thread=True, group="board-filter")


class BoardFilters:
    """The board's search and quick filters: asking, reading in a worker, showing.

    Args:
        screen: The board screen (runs the worker, receives :class:`FilterRead`).
        host: The same screen, as the filters see it.
    """

    def __init__(self, screen: Screen[Any], host: BoardHost) -> None:
        self._screen = screen
        self._host = host
        self._serial = 0
        self._shown = 0
        self._windows: dict[Status, ColumnWindow] = {}
        self._keep: int | None = None
        #: The lead selected before the search started (esc selects it again).
        self._before_search: int | None = None
        #: Start-up's warm-up waits on this while a search is read and shown.
        self.warm_up_gate = WarmUpGate(lambda: self.busy)

    @property
    def busy(self) -> bool:
        """Whether a filter read is under way."""
        return self._serial != self._shown

    def apply(self, lead_filter: LeadFilter, *, keep: int | None = None) -> None:
        """Show only the leads of ``lead_filter`` (search and quick filters), live.

        The header names the filter at once; a worker reads the counts and
        each column's first cards, and every column (and the list) then shows
        them, headers saying "shown/total", the selected lead still selected
        if it still shows.
        """
        host = self._host
        state, services = host.state, host.cockpit.services
        if self.busy:
            # The read under way is stale now: stop it, so this one does not wait behind
            # it (a one-letter search reads every document; its result would be dropped).
            services.board.interrupt_search()
        selected = host.selected_card
        self._keep = keep if keep is not None else (selected.id if selected else None)
        where = services.board.scope(lead_filter)
        if state.quick_filters_differ(lead_filter):
            host.cockpit.save_filters(lead_filter)
        if where is not None and state.total_counts is None:
            state.total_counts = dict(state.counts)  # the unfiltered counts are on screen
        state.lead_filter, state.where = lead_filter, where
        state.bump()
        self._serial += 1
        self._windows = {
            status: ColumnWindow(source=ColumnSource(services.board, status, where), total=0)
            for status in STATUS_ORDER
        }
        specs = {status: window.spec() for status, window in self._windows.items()}
        host.show_counts(read_mark=False)  # the header names the new filter now
        host.refresh_bindings()
        serial = self._serial
        start_filter_read(
            self._screen,
            services,
            serial=serial,
            where=where,
            specs=specs,
            keep=self._keep,
            wanted=lambda: serial == self._serial,
        )

    def show(self, message: FilterRead) -> None:
        """Show what the worker read, unless a newer filter is on its way."""
        if message.serial != self._serial:
            return
        self._shown = message.serial
        self.warm_up_gate.note_busy()  # its repaint follows: the warm-up waits for it too
        host = self._host
        if message.error is not None:
            report_error(self._screen, message.error)
            return
        state = host.state
        state.counts = message.counts
        if state.where is None:
            state.total_counts = None
        state.bump()
        # Another process's change committed while this was read shows at the next poll:
        # the poll's check of new commits is on the board's reader, which this read left
        # alone (a poll dropped meanwhile as stale reads again: LivePoll.show).
        host.next_mark.take(message.next_lead)  # before the columns: drawn in their frame
        for column in host.cards.columns:
            total = message.counts[column.status]
            column.use_window(self._windows[column.status], total, message.contents[column.status])
        host.cards.set_filter_totals()
        host.pane.filter_changed(self._keep, message.kept)
        host.mark_hidden_stale()
        host.show_counts(read_mark=False)
        host.refresh_bindings()

    def open_search(self) -> None:
        """Open the search field (every column narrows as you type)."""
        host = self._host
        if not host.state.lead_filter.search:
            selected = host.selected_card
            self._before_search = selected.id if selected else None
        self.warm_up_gate.note_busy()  # a search comes: the warm-up waits for the typing too
        host.search_field.on_typed = self.warm_up_gate.note_busy
        host.search_field.open()

    def search(self, text: str, *, kept: bool) -> None:
        """Search for ``text``; ``kept`` (enter): back to moving between leads."""
        host = self._host
        if text != host.state.lead_filter.search:
            self.apply(host.state.lead_filter.with_search(text))
        if kept:
            host.pane.focus_keys()
            if not host.state.lead_filter.search:
                host.search_field.display = False

    def clear_search(self) -> None:
        """Clear the search and select again the lead selected before it."""
        host = self._host
        host.search_field.empty()
        host.pane.focus_keys()
        if host.state.lead_filter.search:
            self.apply(host.state.lead_filter.with_search(""), keep=self._before_search)

    def pick(self) -> None:
        """Choose quick filters (they combine with the search)."""
        from cockpit_tui.ui.screens.filter_picker import FilterPicker

        cockpit = self._host.cockpit
        services = cockpit.services
        sources, team = services.board.sources(), services.team.members()
        picker = FilterPicker(
            self._host.state.lead_filter,
            translate=cockpit.t,
            sources=sources,
            salespeople=team,
            apply=self.apply,
        )
        self._screen.app.push_screen(picker)

    def jump_to_lead(self, lead_id: int) -> None:
        """Select a lead, clearing the filters that would hide it."""
        host = self._host
        if host.cockpit.services.board.shows(lead_id, host.state.where):
            host.select_lead(lead_id)
            return
        host.search_field.empty()
        self.apply(LeadFilter(), keep=lead_id)

    def clear_quick(self) -> None:
        """Every quick filter off (the search stays)."""
        self.apply(self._host.state.lead_filter.without_quick_filters())
        self._host.say(self._host.cockpit.t("filter.cleared"))
