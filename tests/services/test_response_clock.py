"""The response clock stored on each lead: every write path starts, stops and keeps it."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from cockpit_tui.domain.business_time import SlaState
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.intake import IngestProblem
from tests.conftest import NOW, tick

# NOW is Friday 27/11/2026 09:00 in São Paulo: inside the default hours (seg-sex 08:00-18:00).


def test_a_new_lead_waits_until_a_reply_and_the_reply_is_its_first_response(
    services: Services, clock: FrozenClock
) -> None:
    lead = services.leads.add(name="Maria Souza", phone="(11) 98765-4321")
    assert lead.waiting_since == NOW
    assert lead.response_due_soon_at == NOW + timedelta(minutes=3)
    assert lead.response_due_at == NOW + timedelta(minutes=5)
    assert lead.sla_state(NOW) is SlaState.OK
    assert lead.sla_state(NOW + timedelta(minutes=3)) is SlaState.DUE_SOON
    assert lead.sla_state(NOW + timedelta(minutes=5)) is SlaState.BREACHED
    tick(clock, 6)
    services.leads.reply(lead.id, "Olá Maria, o carro está disponível.")
    answered = services.leads.get(lead.id)
    assert answered.waiting_since is None
    assert answered.response_due_at is None
    assert answered.sla_state(clock.now()) is None
    assert answered.first_response_at == NOW + timedelta(minutes=6)
    assert answered.first_response_seconds == 360


def test_a_customer_message_after_a_response_waits_again_and_a_note_stops_it(
    services: Services, clock: FrozenClock
) -> None:
    lead = services.leads.add(name="Maria Souza", phone="(11) 98765-4321")
    tick(clock, 2)
    services.leads.mark_handled(lead.id)
    assert services.leads.get(lead.id).first_response_seconds == 120
    written = tick(clock, 30)
    services.leads.record_inbound(lead.id, "Aceita troca?", at=written)
    tick(clock, 1)
    services.leads.record_inbound(lead.id, "Alô?", at=clock.now())
    waiting = services.leads.get(lead.id)
    assert waiting.waiting_since == written  # the earlier message starts the clock
    assert waiting.response_due_at == written + timedelta(minutes=5)
    tick(clock, 3)
    services.leads.add_note(lead.id, "Liguei, volta amanhã.")
    after = services.leads.get(lead.id)
    assert after.waiting_since is None
    assert after.first_response_at == NOW + timedelta(minutes=2)  # the first one stays
    assert after.first_response_seconds == 120


def test_the_clock_runs_in_business_time_only(services: Services, clock: FrozenClock) -> None:
    # Friday 17:58 in São Paulo: 2 minutes left today; Saturday opens at 08:00.
    clock.at = datetime(2026, 11, 27, 20, 58, tzinfo=UTC)
    lead = services.leads.add(name="Maria Souza", phone="(11) 98765-4321")
    assert lead.response_due_at == datetime(2026, 11, 28, 11, 3, tzinfo=UTC)
    clock.at = datetime(2026, 11, 28, 11, 1, tzinfo=UTC)  # Saturday 08:01
    services.leads.reply(lead.id, "Bom dia!")
    assert services.leads.get(lead.id).first_response_seconds == 180


def test_changing_the_target_or_the_hours_moves_the_deadlines_of_waiting_leads(
    services: Services,
) -> None:
    waiting = services.leads.add(name="Maria Souza", phone="(11) 98765-4321")
    answered = services.leads.add(name="João Lima", phone="(11) 98765-1111")
    services.leads.reply(answered.id, "Olá")
    services.settings.set_value("sla_minutes", "10")
    assert services.leads.get(waiting.id).response_due_at == NOW + timedelta(minutes=10)
    assert services.leads.get(waiting.id).response_due_soon_at == NOW + timedelta(minutes=6)
    # Closing at 09:04 on Fridays: 4 minutes today, the other 6 on Saturday from 08:00.
    services.settings.set_value(
        "business_hours", "seg-qui 08:00-18:00; sex 08:00-09:04; sab 08:00-13:00"
    )
    assert services.leads.get(waiting.id).response_due_at == datetime(
        2026, 11, 28, 11, 6, tzinfo=UTC
    )
    assert services.leads.get(answered.id).response_due_at is None


def test_ingested_and_imported_leads_wait_and_a_merged_message_restarts_the_wait(
    services: Services, clock: FrozenClock, tmp_path: object
) -> None:
    problems: list[IngestProblem] = []
    event = {
        "event": "lead.created",
        "id": "evt-1",
        "lead": {"name": "Maria Souza", "phone": "(11) 98765-4321"},
    }
    services.intake.ingest([json.dumps(event)], on_problem=problems.append)
    assert problems == []
    (card,) = services.board.leads_in_board_order(None)
    assert (card.waiting_since, card.response_due_at) == (NOW, NOW + timedelta(minutes=5))
    services.leads.reply(card.id, "Olá")
    later = tick(clock, 20)
    again = dict(event, id="evt-2")
    again["lead"] = {"name": "Maria Souza", "phone": "(11) 98765-4321", "message": "E o preço?"}
    services.intake.ingest([json.dumps(again)], on_problem=problems.append)
    assert problems == []
    merged = services.leads.get(card.id)
    assert merged.waiting_since == later
    assert merged.first_response_at == NOW


def test_rescue_asks_for_the_stored_first_response(services: Services, clock: FrozenClock) -> None:
    from cockpit_tui.services.rescue import RescueService

    services.settings.set_value("distribution", "round-robin")
    for name in ("Bianca Lima", "Carla Mendes"):
        services.team.add(name)
        services.team.start_duty(name)
    answered = services.leads.add(name="Maria Souza", phone="(11) 98765-4321")
    silent = services.leads.add(name="João Lima", phone="(11) 98765-1111")
    services.leads.add_note(answered.id, "Liguei.")
    tick(clock, 31)
    rescue = RescueService(services.store, actor="Ana", clock=clock)
    rescued = rescue.run()
    assert [item.lead_id for item in rescued] == [silent.id]
