"""The board's figures, without Textual: counts, totals, attention, plan, filter, generation.

The screen owns one :class:`BoardState` and draws from it; workers read the
store and hand their results to it. Nothing here touches a widget or the
store, so it is tested on its own (``tests/ui/test_board_state.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cockpit_tui.domain.filters import LeadFilter, QuickFilter
from cockpit_tui.domain.models import LeadCard
from cockpit_tui.domain.plans import Plan
from cockpit_tui.domain.sanitize import clean_text
from cockpit_tui.domain.statuses import STATUS_ORDER, Status, status_label
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.services.filtering import LeadScope

if TYPE_CHECKING:
    from cockpit_tui.services.board import BoardService
    from cockpit_tui.services.settings import SettingsService


@dataclass
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

    counts: dict[Status, int] = field(default_factory=lambda: dict.fromkeys(STATUS_ORDER, 0))
    total_counts: dict[Status, int] | None = None
    attention: int = 0
    breached: int = 0
    plan: Plan | None = None
    lead_filter: LeadFilter = field(default_factory=LeadFilter)
    where: LeadScope | None = None
    generation: int = 0
    #: Issue 15: who is on duty ("na loja"), in the turn's order.
    on_duty: tuple[str, ...] = ()

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
        """The header line: plan, user, attention, and the filters on."""
        text = t(
            "app.header_breached" if self.breached else "app.header",
            plan=self.plan.label if self.plan else "?",
            user=user,
            attention=self.attention,
            breached=self.breached,
        )
        duty = duty_summary(self.on_duty, t)
        text = f"{text} · {duty}" if duty else text
        summary = self.filter_summary(t)
        return f"{text} · {summary}" if summary else text

    def filter_summary(self, t: Translator) -> str:
        """The active search and filters ("busca: civic · não lidos"), or ""."""
        lead_filter = self.lead_filter
        parts = []
        if lead_filter.search.strip():
            parts.append(t("search.active", text=lead_filter.search.strip()))
        parts += [
            t(f"filter.{quick.value}.short") for quick in QuickFilter if quick in lead_filter.quick
        ]
        if lead_filter.source:
            parts.append(t("filter.source.short", source=lead_filter.source))
        if lead_filter.salesperson:
            parts.append(t("filter.salesperson.short", name=lead_filter.salesperson))
        return " · ".join(parts)

    def column_names(self, statuses: list[Status], t: Translator) -> str:
        """Hidden columns named with their counts: "5 Vendidos · 3  6 Não vendidos · 1"."""
        totals = self.total_counts
        return "  ".join(
            f"{s.position} {status_label(s, t.lang)} · {self.counts[s]}"
            + (f"/{totals[s]}" if totals is not None else "")
            for s in statuses
        )


def duty_summary(names: tuple[str, ...], t: Translator) -> str:
    """ "na loja: Bianca Lima, Carla Mendes" (issue 15), or "" when nobody is on duty."""
    if not names:
        return ""
    return t("app.header_duty", names=", ".join(clean_text(name, max_length=100) for name in names))


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
