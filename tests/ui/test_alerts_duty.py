"""Alerts on an open board, and the palette's duty and alerts toggles (issue 15)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cockpit_tui.domain.filters import LeadFilter, QuickFilter
from cockpit_tui.domain.lead_entry import NewLead
from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.services.preferences import Preferences
from cockpit_tui.ui.app import CockpitApp
from cockpit_tui.ui.widgets.text_line import TextLine
from tests.conftest import services_for
from tests.services.test_distribution import ingest, lead_event
from tests.ui.conftest import board, make_app, notices, press, wait_until
from tests.ui.test_palette_keymap_language import run_palette


def count_bells(app: CockpitApp, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    rung: list[int] = []
    monkeypatch.setattr(app, "bell", lambda: rung.append(1))
    return rung


async def test_a_lead_arriving_rings_the_bell_and_names_the_customer_and_the_source(
    ui_services: Services, ui_url: str, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(ui_services)
    rung = count_bells(app, monkeypatch)
    bruno = services_for(ui_url, "Bruno", clock)
    try:
        async with app.run_test(size=(160, 45)) as pilot:
            await wait_until(pilot, lambda: board(app).alert_watch.started)
            # Ana's own walk-in first: nothing rings for it.
            ui_services.entry.create(
                NewLead(name="Carlos Pereira", phone="(11) 98765-4321", source="Loja"),
                assign_to=None,
            )
            ingest(bruno, lead_event(1, name="[b]Maria[/b] Souza", source="Webmotors"))
            await wait_until(pilot, lambda: any("Lead novo" in n for n in notices(app)))
            shown = [n for n in notices(app) if "Lead novo" in n or "Carlos" in n]
            assert shown == ["Lead novo: [b]Maria[/b] Souza — Webmotors"], "literal, no markup"
            assert rung == [1]
            bruno.leads.record_inbound(2, "Ainda está disponível?")
            await wait_until(
                pilot, lambda: "[b]Maria[/b] Souza respondeu — Webmotors" in notices(app)
            )
            assert rung == [1, 1], "the reply rang the bell, once"
    finally:
        bruno.close()


async def test_the_palette_turns_alerts_down_and_keeps_the_saved_filters(
    ui_services: Services,
    ui_url: str,
    clock: FrozenClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    preferences = Preferences(tmp_path / "config", "Ana")
    preferences.save_filter(LeadFilter(quick=frozenset({QuickFilter.UNASSIGNED})))
    app = CockpitApp(ui_services, poll_interval=0.05, preferences=preferences)
    rung = count_bells(app, monkeypatch)
    bruno = services_for(ui_url, "Bruno", clock)
    try:
        async with app.run_test(size=(160, 45)) as pilot:
            await wait_until(pilot, lambda: board(app).alert_watch.started)
            await run_palette(pilot, app, "Alertas", "Alertas: ligados (mudar para: só os meus")
            await press(pilot, "enter")
            await wait_until(pilot, lambda: "Alertas só os meus leads." in notices(app))
            ingest(bruno, lead_event(1, name="Maria Souza", source="Webmotors"))
            await wait_until(pilot, lambda: board(app).state.counts[board(app).active_status] > 0)
            await run_palette(pilot, app, "Alertas", "Alertas: só os meus leads")
            await press(pilot, "enter")
            await wait_until(pilot, lambda: "Alertas desligados." in notices(app))
    finally:
        bruno.close()
    assert rung == [], "an unassigned lead does not alert who wants only their own"
    saved = json.loads(preferences.path.read_text(encoding="utf-8"))["Ana"]
    assert saved["alerts"] == "off"
    assert saved["quick"] == ["unassigned"], "the filters saved before are kept"
    assert Preferences(tmp_path / "config", "Ana").load_alerts().value == "off"


async def test_the_palette_puts_the_user_on_duty_and_the_header_says_who_is(
    ui_services: Services,
) -> None:
    ui_services.team.add("Ana")
    ui_services.team.add("Bianca Lima")
    ui_services.team.start_duty("Bianca Lima")
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        header = app.screen.query_one("#board-header", TextLine)
        assert "na loja: Bianca Lima" in header.text
        await run_palette(pilot, app, "plantão", "Entrar no plantão")
        await press(pilot, "enter")
        await wait_until(pilot, lambda: "na loja: Bianca Lima, Ana" in header.text)
        assert "Você está na loja" in " ".join(notices(app))
        assert [d.name for d in ui_services.team.on_duty()] == ["Bianca Lima", "Ana"]
        await run_palette(pilot, app, "plantão", "Sair do plantão")
        await press(pilot, "enter")
        await wait_until(pilot, lambda: "Ana" not in header.text.split("na loja:")[1])
