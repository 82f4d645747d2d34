"""The board's figures on their own: no Textual, no store, no screen."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime

from cockpit_tui.domain.filters import LeadFilter, QuickFilter
from cockpit_tui.domain.models import LeadCard
from cockpit_tui.domain.plans import Plan
from cockpit_tui.domain.statuses import STATUS_ORDER, Status
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.services.filtering import LeadScope
from cockpit_tui.ui.board.state import BoardState, next_urgent

NEW, NEGOTIATING, SOLD = Status.NEW, Status.NEGOTIATING, Status.SOLD


def counts(**by_status: int) -> dict[Status, int]:
    return {status: by_status.get(status.name, 0) for status in STATUS_ORDER}


def card(lead_id: int) -> LeadCard:
    at = datetime(2026, 11, 27, 12, tzinfo=UTC)
    return LeadCard(
        id=lead_id,
        version=1,
        status=NEW,
        customer_id=lead_id,
        customer_name=f"Lead {lead_id}",
        phone=None,
        email=None,
        vehicle=None,
        price=None,
        source=None,
        assigned_to=None,
        created_at=at,
        last_activity_at=at,
        attention_at=at,
        unread_count=0,
        next_appointment_at=None,
    )


def test_the_state_module_runs_without_textual() -> None:
    code = (
        "import sys, cockpit_tui.ui.board.state; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == "[]"


def test_a_move_without_a_filter_moves_one_lead_between_the_counts() -> None:
    state = BoardState(counts=counts(NEW=3, SOLD=1))
    state.count_move(NEW, NEGOTIATING)
    assert state.counts == counts(NEW=2, NEGOTIATING=1, SOLD=1)
    assert state.list_total(None) == 4
    assert state.list_total(NEGOTIATING) == 1


def test_a_move_under_a_filter_moves_the_totals_and_leaves_the_shown_counts_to_a_recount() -> None:
    state = BoardState(
        counts=counts(NEW=1),
        total_counts=counts(NEW=3),
        where=LeadScope(LeadFilter(search="civic"), clause=object()),  # type: ignore[arg-type]
    )
    state.count_move(NEW, SOLD)
    assert state.total_counts == counts(NEW=2, SOLD=1)
    assert state.counts == counts(NEW=1), "recounted from the store, not guessed"


def test_new_figures_say_whether_the_header_changes() -> None:
    state = BoardState(counts=counts(NEW=1), attention=2, plan=Plan.CRM)
    assert not state.take_counts(counts(NEW=1), None, attention=2, plan=Plan.CRM)
    assert state.take_counts(counts(NEW=1), None, attention=3)
    assert state.take_counts(counts(NEW=1), None, plan=Plan.SMART)
    assert state.has_list_view
    assert state.take_counts(counts(NEW=2), None)


def test_the_header_names_the_plan_the_user_and_the_filters_on() -> None:
    t = Translator("pt")
    state = BoardState(attention=4, plan=Plan.SMART_PLUS)
    assert state.header(t, user="Ana") == "CRM +Smart · Ana · 4 precisam de atenção"
    state.lead_filter = LeadFilter(search=" civic ").toggled(QuickFilter.UNREAD)
    assert state.header(t, user="Ana").endswith(" · busca: civic · não lidos")
    state.lead_filter = LeadFilter(source="OLX", salesperson="Bruno")
    assert state.filter_summary(t) == "origem: OLX · vendedor: Bruno"


def test_hidden_columns_are_named_with_shown_over_total_under_a_filter() -> None:
    t = Translator("pt")
    state = BoardState(counts=counts(SOLD=1))
    assert state.column_names([SOLD], t) == "5 Vendidos · 1"
    state.total_counts = counts(SOLD=4)
    assert state.column_names([SOLD, Status.LOST], t) == "5 Vendidos · 1/4  6 Não vendidos · 0/0"


def test_an_empty_store_is_not_a_search_that_found_nothing() -> None:
    assert BoardState().store_is_empty
    assert not BoardState(counts=counts(), total_counts=counts(NEW=2)).store_is_empty


def test_only_a_change_of_quick_filters_is_remembered() -> None:
    state = BoardState(lead_filter=LeadFilter(search="civic"))
    assert not state.quick_filters_differ(LeadFilter(search="compass"))
    assert state.quick_filters_differ(LeadFilter().toggled(QuickFilter.MINE))
    assert state.quick_filters_differ(LeadFilter(source="OLX"))


def test_generations_only_go_up() -> None:
    state = BoardState()
    assert state.bump() == 1
    assert state.bump() == 2


def test_space_walks_the_urgent_leads_and_starts_over() -> None:
    urgent = [card(7), card(3), card(9)]
    assert next_urgent([], card(7), None) is None
    assert next_urgent(urgent, None, None) == 7, "the most urgent first"
    assert next_urgent(urgent, card(7), 7) == 3, "pressed again: the next one"
    assert next_urgent(urgent, card(9), 9) == 7, "after the last: the first again"
    assert next_urgent(urgent, card(3), 7) == 7, "the user moved away: the most urgent again"
