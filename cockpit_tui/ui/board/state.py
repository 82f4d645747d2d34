"""The board's figures, without Textual: counts, totals, attention, plan, filter, generation.

The screen owns one :class:`BoardState` and draws from it; workers read the
store and hand their results to it. Nothing here touches a widget or the
store, so it is tested on its own (``tests/ui/test_board_state.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cockpit_tui.domain.cards import LeadCard
from cockpit_tui.domain.filters import LeadFilter
from cockpit_tui.domain.plans import Plan
from cockpit_tui.domain.statuses import STATUS_ORDER, Status, status_label
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.services.filtering import LeadScope
from cockpit_tui.ui.board import header_text

if TYPE_CHECKING:
    from cockpit_tui.services.board import BoardService
    from cockpit_tui.services.settings import SettingsService


class BoardState:
    """What the board knows about the store, as last read.

    Attributes:
        counts: Leads per column that the filter lets through (all of them without one).
        total_counts: Every lead per column while a filter hides some (the "/total"), else None.
        attention: Leads that need the user's attention (the header's figure).
        plan: The store's plan (None until read).
        lead_filter: The search and quick filters on now.
        where: The filter as the services read it (None: no filter).
        generation: Bumped by every change made here; a poll read before it is stale.
    """

    # A plain class, not a dataclass: a dataclass compiles its generated methods when its
    # module is imported, before the board's first frame (issue 18).
    def __init__(
        self,
        counts: dict[Status, int] | None = None,
        total_counts: dict[Status, int] | None = None,
        attention: int = 0,
        breached: int = 0,
        plan: Plan | None = None,
        lead_filter: LeadFilter | None = None,
        where: LeadScope | None = None,
        generation: int = 0,
        on_duty: tuple[str, ...] = (),
    ) -> None:
        self.counts: dict[Status, int] = (
            dict.fromkeys(STATUS_ORDER, 0) if counts is None else counts
        )
        self.total_counts = total_counts
        self.attention = attention
        self.breached = breached
        self.plan = plan
        self.lead_filter = LeadFilter() if lead_filter is None else lead_filter
        self.where = where
        self.generation = generation
        #: Issue 15: who is on duty ("na loja"), in the turn's order.
        self.on_duty = on_duty

    def bump(self) -> int:
        """Mark a change made here (a poll read before it is thrown away); the new generation."""
        self.generation += 1
        return self.generation

    @property
    def store_is_empty(self) -> bool:
        """No lead at all (not: a search that found nothing)."""
        return sum((self.total_counts or self.counts).values()) == 0

    @property
    def has_list_view(self) -> bool:
        """Whether the store's plan comes with the list view."""
        return self.plan is not None and self.plan.has_list_view

    def list_total(self, status: Status | None) -> int:
        """How many leads the list shows for one status (None: all of them)."""
        return self.counts[status] if status is not None else sum(self.counts.values())

    def count_move(self, source: Status, target: Status) -> None:
        """One lead went from ``source`` to ``target``: the unfiltered counts follow in memory.

        Under a filter the shown counts are re-read instead (the lead may have left it).
        """
        totals = self.total_counts if self.where is not None else self.counts
        assert totals is not None, "a filter keeps the totals"
        totals[source] -= 1
        totals[target] += 1

    def take_counts(
        self,
        counts: dict[Status, int],
        total_counts: dict[Status, int] | None,
        attention: int | None = None,
        plan: Plan | None = None,
    ) -> bool:
        """Take freshly read figures; whether anything the header shows changed."""
        changed = counts != self.counts or total_counts != self.total_counts
        self.counts, self.total_counts = counts, total_counts
        if attention is not None:
            changed |= attention != self.attention
            self.attention = attention
        if plan is not None:
            changed |= plan != self.plan
            self.plan = plan
        return changed

    def read(self, board: BoardService, settings: SettingsService | None = None) -> bool:
        """Read the counts (under the filter and without it), the attention and, with
        ``settings``, the plan; whether anything the header shows changed."""
        where = self.where
        changed = self.take_counts(
            board.counts(where),
            board.counts() if where is not None else None,
            board.attention_count(),
            settings.plan() if settings is not None else None,
        )
        changed |= self.take_on_duty(tuple(board.on_duty_names()))
        return self.take_breached(board) or changed

    def take_on_duty(self, names: tuple[str, ...]) -> bool:
        """Take who is on duty now; whether the header's list changed."""
        changed, self.on_duty = names != self.on_duty, names
        return changed

    def take_breached(self, board: BoardService) -> bool:
        """Count the leads past their SLA now; whether the header's figure changed."""
        return self.take_breached_count(board.breached_count(board.now()))

    def take_breached_count(self, breached: int) -> bool:
        """Take how many leads are past their SLA; whether the header's figure changed."""
        changed, self.breached = breached != self.breached, breached
        return changed

    def quick_filters_differ(self, other: LeadFilter) -> bool:
        """Whether ``other`` has other quick filters than the ones on now (they are remembered)."""
        mine = self.lead_filter
        return (other.quick, other.source, other.salesperson) != (
            mine.quick,
            mine.source,
            mine.salesperson,
        )

    # -- text ----------------------------------------------------------------------

    def header(self, t: Translator, *, user: str) -> str:
        """The header line in full: plan, user, attention, and the filters on."""
        return self.header_forms(t, user=user)[0]

    def header_forms(self, t: Translator, *, user: str) -> list[str]:
        """The header from its full form to its shortest (see ``header_text``)."""
        return header_text.header_forms(self, t, user=user)

    def filter_summary(self, t: Translator) -> str:
        """The active search and filters ("busca: civic · não lidos"), or ""."""
        return header_text.filter_summary(self, t)

    def column_names(
        self,
        statuses: list[Status],
        t: Translator,
        *,
        label_width: int | None = None,
        with_totals: bool = True,
    ) -> str:
        """Hidden columns named with their counts: "5 Vendidos · 3  6 Não vendidos · 1".

        Args:
            statuses: The hidden columns.
            t: The user's language.
            label_width: Cut each label to this many cells ("…"); 0 leaves the
                labels out ("5·3 6·1"). The digits and counts are never cut.
            with_totals: Under a filter, add each column's "/total" to its count.
        """
        totals = self.total_counts if with_totals else None

        def count(status: Status) -> str:
            return f"{self.counts[status]}" + (f"/{totals[status]}" if totals is not None else "")

        if label_width == 0:
            return " ".join(f"{s.position}·{count(s)}" for s in statuses)
        return "  ".join(
            f"{s.position} {_cut(status_label(s, t.lang), label_width)} · {count(s)}"
            for s in statuses
        )


def _cut(label: str, width: int | None) -> str:
    if width is None or len(label) <= width:
        return label
    return label[: max(1, width - 1)].rstrip() + "…"


def next_urgent(
    urgent: list[LeadCard], selected: LeadCard | None, last_urgent: int | None
) -> int | None:
    """The lead ``space`` selects: the most urgent, or the one after it on the next press.

    Args:
        urgent: Leads in the order to take them up (unread replies, new leads
            nobody acted on, overdue and today's appointments, the rest; see
            :meth:`BoardService.urgent_leads`).
        selected: The lead selected now.
        last_urgent: The lead ``space`` selected last (pressing it again goes on from there).

    Returns:
        The lead to select, or None when nothing is urgent.
    """
    if not urgent:
        return None
    ids = [card.id for card in urgent]
    walking = selected is not None and selected.id == last_urgent and selected.id in ids
    index = ids.index(selected.id) + 1 if walking and selected is not None else 0
    return urgent[index % len(urgent)].id
