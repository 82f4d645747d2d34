"""The list's wait order (issue 15): the longest wait for a response first, the rest last."""

from __future__ import annotations

from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.lead_list import ListQuery, ListSort
from tests.conftest import tick


def test_the_wait_order_puts_the_longest_wait_first_and_leads_waiting_for_nothing_last(
    services: Services, clock: FrozenClock
) -> None:
    first = services.leads.add(name="Alice Prado", phone="(11) 91111-1111")
    tick(clock, 2)
    answered = services.leads.add(name="Bruno Reis", phone="(11) 92222-2222")
    tick(clock, 2)
    services.leads.add(name="Carla Dias", phone="(11) 93333-3333")
    tick(clock, 1)
    services.leads.reply(answered.id, "Olá Bruno")
    services.leads.reply(first.id, "Olá Alice")
    tick(clock, 1)
    services.leads.record_inbound(first.id, "Aceita troca?")  # Alice waits again, from now
    listed = services.board.list_source(ListQuery(ListSort.WAIT)).at(offset=0, limit=10)
    assert [card.customer_name for card in listed] == ["Carla Dias", "Alice Prado", "Bruno Reis"]
    reverse = services.board.list_source(ListQuery(ListSort.WAIT, reverse=True))
    names = [card.customer_name for card in reverse.at(offset=0, limit=10)]
    assert names == ["Bruno Reis", "Alice Prado", "Carla Dias"]
