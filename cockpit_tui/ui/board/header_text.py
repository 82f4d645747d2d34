"""The board's header line, from its longest form to its shortest.

The header is drawn by a :class:`~cockpit_tui.ui.widgets.text_line.TextLine`
that shows the first form that fits its width, so a narrow terminal (or a
notice beside it) shortens the header in this order instead of cutting a
figure or a filter's value in half: the filters become "3 filtros", then the
plan goes and the figures take their short form.

Each piece is built by its own small function so another piece (a figure,
a line of who is on duty) slots in without touching the others.
"""

from __future__ import annotations

from typing import Protocol

from cockpit_tui.domain.filters import LeadFilter, QuickFilter
from cockpit_tui.domain.plans import Plan
from cockpit_tui.domain.sanitize import clean_text
from cockpit_tui.i18n.translate import Translator

_SEPARATOR = " · "


class BoardState(Protocol):
    """What the header shows of the board's state (``ui/board/state.BoardState``)."""

    @property
    def plan(self) -> Plan | None:
        """The store's plan (None until read)."""

    @property
    def attention(self) -> int:
        """Leads that need the user's attention."""

    @property
    def breached(self) -> int:
        """Leads past their SLA."""

    @property
    def lead_filter(self) -> LeadFilter:
        """The search and quick filters on now."""

    @property
    def on_duty(self) -> tuple[str, ...]:
        """Who is on duty, in the turn's order (issue 15)."""


def header_forms(state: BoardState, t: Translator, *, user: str) -> list[str]:
    """Every form of the header, longest (everything) first.

    Args:
        state: The board's figures and filter.
        t: The user's language.
        user: Who is using the board.
    """
    long_figures, short_figures, tiny_figures = figures_text(state, t, user=user)
    summary, count = filter_summary(state, t), filters_count(state, t)
    duty = duty_text(state, t)
    forms = [
        _joined(long_figures, duty, summary),
        _joined(long_figures, duty, count),
        _joined(long_figures, summary),
        _joined(long_figures, count),
        _joined(short_figures, summary),
        _joined(short_figures, count),
        _joined(tiny_figures, count),
        _joined(attention_text(state, t), count),
        count or attention_text(state, t),
    ]
    return list(dict.fromkeys(forms))  # the same form once (no filter: summary == count == "")


def figures_text(state: BoardState, t: Translator, *, user: str) -> tuple[str, str, str]:
    """The plan, the user and the attention figures: long, short and figures-only forms."""
    values = {
        "plan": state.plan.label if state.plan else "?",
        "user": user,
        "attention": state.attention,
        "breached": state.breached,
    }
    suffix = "_breached" if state.breached else ""
    # The long form says it in words, in the number's grammar ("1 precisa de atenção").
    attention_words = t("app.attention_count", count=state.attention)
    return (
        t(f"app.header{suffix}", **{**values, "attention": attention_words}),
        t(f"app.header_short{suffix}", **values),
        t(f"app.header_tiny{suffix}", **values),
    )


def duty_text(state: BoardState, t: Translator) -> str:
    """ "na loja: Bianca Lima, Carla Mendes" (the first piece to go), or "" when nobody is."""
    if not state.on_duty:
        return ""
    names = ", ".join(clean_text(name, max_length=100) for name in state.on_duty)
    return t("app.header_duty", names=names)


def attention_text(state: BoardState, t: Translator) -> str:
    """The shortest figure: how many leads need attention ("atenção: 58")."""
    return t("app.header_tiny", attention=state.attention)


def filter_parts(state: BoardState, t: Translator) -> list[str]:
    """Each active search and filter as the header names it ("busca: civic", "não lidos")."""
    lead_filter = state.lead_filter
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
    return parts


def filter_summary(state: BoardState, t: Translator) -> str:
    """The active search and filters ("busca: civic · não lidos"), or ""."""
    return _SEPARATOR.join(filter_parts(state, t))


def filters_count(state: BoardState, t: Translator) -> str:
    """ "3 filtros" (the summary's short form), or "" when none is on."""
    count = len(filter_parts(state, t))
    if count == 0:
        return ""
    return t("board.filters_one" if count == 1 else "board.filters_many", count=count)


def _joined(*parts: str) -> str:
    return _SEPARATOR.join(part for part in parts if part)
