"""The customer's rights on the lead screen (LGPD): consent per channel, and erasing the person."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, RadioButton, RadioSet, Static

from cockpit_tui.domain.consent import Channel, ConsentSource, ConsentState
from cockpit_tui.domain.customers import AuditAction
from cockpit_tui.services import Services
from cockpit_tui.services.audit import audit_records
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.ui.app import CockpitApp
from cockpit_tui.ui.board.screen import BoardScreen
from cockpit_tui.ui.customer_rights import CustomerRights
from cockpit_tui.ui.screens.forms.consent_form import ConsentForm
from cockpit_tui.ui.screens.forms.erase_confirm import EraseConfirm
from cockpit_tui.ui.screens.help import HelpScreen
from cockpit_tui.ui.screens.lead import LeadScreen
from tests.conftest import tick
from tests.ui.conftest import make_app, press, settled, wait_until
from tests.ui.test_lead_screen import form_of, lead_notice, open_lead, text_of


@pytest.fixture
def maria(ui_services: Services, clock: FrozenClock) -> int:
    """Maria: two messages and a note, consent to WhatsApp from the import file."""
    tick(clock)
    ui_services.leads.add(name="Alice Prado", vehicle="Fiat Argo 2022")
    tick(clock)
    card = ui_services.leads.add(
        name="Maria Souza",
        phone="(11) 98765-4321",
        email="maria@example.com",
        vehicle="Jeep Compass Longitude 2.0 2021",
        price=Decimal("139900.00"),
        source="Webmotors",
        message="Olá, o carro ainda está disponível?",
    )
    tick(clock, 5)
    ui_services.leads.record_inbound(card.id, "Aceita troca?")
    ui_services.leads.add_note(card.id, "Tem um Onix 2019 para a troca")
    ui_services.consent.record_consent(
        card.customer_id, Channel.WHATSAPP, ConsentState.GRANTED, source=ConsentSource.IMPORT
    )
    return card.id


def rights_line(app: CockpitApp) -> str:
    return str(app.screen.query_one(CustomerRights).visual)


async def shown_rights(pilot: Pilot[None], app: CockpitApp, expected: str) -> str:
    """Wait until the consent line holds ``expected``; return the line."""
    await wait_until(pilot, lambda: expected in rights_line(app))
    return rights_line(app)


async def leads_found(pilot: Pilot[None], app: CockpitApp, typed: str) -> int:
    """Search the board (its field open) for ``typed``; how many leads it finds."""
    board = app.screen
    assert isinstance(board, BoardScreen)
    board.query_one("#search", Input).value = typed
    await wait_until(pilot, lambda: board.lead_filter.search == typed)
    await wait_until(pilot, lambda: settled(app))
    return sum(board.state.counts.values())


def notifications(app: CockpitApp) -> list[str]:
    return [str(notice.message) for notice in app._notifications]


async def test_the_summary_shows_consent_per_channel_with_when_and_where_from(
    ui_services: Services, maria: int
) -> None:
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_lead(pilot, app, maria)
        line = await shown_rights(pilot, app, "Consentimento")
        assert line == (
            "Consentimento WhatsApp concedido 27/11/2026 (importação) · "
            "não perguntado: SMS, E-mail, Telefone"
        )


async def test_c_records_a_revocation_from_the_lead_screen(
    ui_services: Services, maria: int, clock: FrozenClock
) -> None:
    customer_id = ui_services.leads.get(maria).customer_id
    app = make_app(ui_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_lead(pilot, app, maria)
        await shown_rights(pilot, app, "WhatsApp concedido")
        tick(clock, 60 * 24)
        await press(pilot, "c")
        form = await form_of(pilot, app, ConsentForm)
        channels = form.query_one("#consent-channel", RadioSet).query(RadioButton)
        assert [str(button.label) for button in channels] == [
            "WhatsApp (hoje: concedido)",
            "SMS (hoje: não perguntado)",
            "E-mail (hoje: não perguntado)",
            "Telefone (hoje: não perguntado)",
        ]
        await press(pilot, "ctrl+s")
        assert form.error_text == "Escolha o canal (↑/↓ e espaço)."
        await press(pilot, "space", "tab")  # WhatsApp, the first channel
        await press(pilot, "ctrl+s")
        assert form.error_text == "Escolha se o cliente concedeu ou revogou."
        assert ui_services.consent.history(customer_id)[-1].source is ConsentSource.IMPORT
        await press(pilot, "down", "space", "ctrl+s")  # revoked
        await wait_until(pilot, lambda: isinstance(app.screen, LeadScreen))
        line = await shown_rights(pilot, app, "WhatsApp revogado")
        assert "WhatsApp revogado 28/11/2026 (tela do lead)" in line
        assert lead_notice(app) == "Revogação registrada (WhatsApp)."
    record = ui_services.consent.history(customer_id)[-1]
    assert (record.channel, record.state, record.source, record.actor) == (
        Channel.WHATSAPP,
        ConsentState.REVOKED,
        ConsentSource.LEAD_SCREEN,
        "Ana",
    )
    assert not ui_services.consent.may_send_marketing(customer_id, Channel.WHATSAPP)


async def test_esc_on_the_consent_form_records_nothing(ui_services: Services, maria: int) -> None:
    customer_id = ui_services.leads.get(maria).customer_id
    app = make_app(ui_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_lead(pilot, app, maria)
        await press(pilot, "c")
        await form_of(pilot, app, ConsentForm)
        await press(pilot, "space", "tab", "down", "space", "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, LeadScreen))
    assert len(ui_services.consent.history(customer_id)) == 1


async def test_X_names_the_customer_says_what_goes_and_esc_erases_nothing(
    ui_services: Services, maria: int
) -> None:
    customer_id = ui_services.leads.get(maria).customer_id
    app = make_app(ui_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_lead(pilot, app, maria)
        await press(pilot, "X")
        confirm = await form_of(pilot, app, EraseConfirm)
        shown = str(confirm.query_one("#form-title", Static).visual)
        assert shown == "Apagar os dados pessoais de Maria Souza (cliente #2)?"
        preview = str(confirm.query_one("#erase-preview", Static).visual)
        assert preview.startswith(
            "Vai apagar os dados pessoais de Maria Souza (cliente #2): nome, telefone, "
            "e-mail e o texto de 2 mensagem(ns) e 1 nota(s), em 1 negociação(ões)."
        )
        assert "Não dá para desfazer." in preview
        await press(pilot, "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, LeadScreen))
        assert lead_notice(app) == "Nada foi apagado."
        assert "Maria Souza" in text_of(app, "#lead-summary")
    customer = ui_services.customers.get(customer_id)
    assert (customer.name, customer.erased_at) == ("Maria Souza", None)
    assert [r.action for r in audit_records(ui_services.store)] == []


async def test_X_then_enter_erases_and_shows_the_anonymised_lead_and_the_backups_notice(
    ui_services: Services, maria: int, tmp_path: Path
) -> None:
    customer_id = ui_services.leads.get(maria).customer_id
    pre_upgrade = tmp_path / "ui.sqlite.pre-v11-20261101.bak"
    pre_upgrade.write_bytes(b"")
    app = make_app(ui_services)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_lead(pilot, app, maria)
        await press(pilot, "X")
        await form_of(pilot, app, EraseConfirm)
        await press(pilot, "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, LeadScreen))
        name = f"Cliente removido #{customer_id}"
        await wait_until(pilot, lambda: name in text_of(app, "#lead-summary"))
        summary = text_of(app, "#lead-summary")
        for gone in ("Maria", "98765", "maria@example.com"):
            assert gone not in summary
        conversation = text_of(app, "#conversation")
        assert "Aceita troca?" not in conversation
        assert "Olá" not in conversation
        assert "Onix" not in text_of(app, "#history")
        line = await shown_rights(pilot, app, "Dados pessoais apagados em 27/11/2026")
        assert "Cópias de segurança feitas antes ainda contêm esses dados." in line
        assert lead_notice(app) == f"Cliente #{customer_id} anonimizado; a ação ficou na auditoria."
        warning = next(n for n in notifications(app) if "cópias de segurança" in n)
        assert str(pre_upgrade) in warning
        await press(pilot, "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await press(pilot, "slash", *"maria")
        for typed, found in (("maria", 0), ("98765", 0), ("example.com", 0), ("removido", 1)):
            assert await leads_found(pilot, app, typed) == found, typed
    customer = ui_services.customers.get(customer_id)
    assert customer.name == name
    assert customer.erased_at is not None
    audit = [(r.action, r.customer_id, r.actor) for r in audit_records(ui_services.store)]
    assert audit == [(AuditAction.ERASE, customer_id, "Ana")]


async def test_erasing_is_refused_with_the_reason_while_a_reply_waits_for_delivery(
    ui_services: Services, maria: int
) -> None:
    customer_id = ui_services.leads.get(maria).customer_id
    ui_services.leads.reply(maria, "Aceitamos sim!")
    app = make_app(ui_services)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_lead(pilot, app, maria)
        await press(pilot, "X")
        await form_of(pilot, app, EraseConfirm)
        await press(pilot, "enter")
        await wait_until(pilot, lambda: any("aguardando entrega" in n for n in notifications(app)))
        refusal = next(n for n in notifications(app) if "aguardando entrega" in n)
        assert refusal.startswith(f"O cliente #{customer_id} tem resposta aguardando entrega")
        assert refusal.endswith("apague depois que ela for entregue.")
        assert "Maria Souza" in text_of(app, "#lead-summary")
    assert ui_services.customers.get(customer_id).erased_at is None


@pytest.mark.parametrize(
    ("lang", "erase", "consent"),
    [
        ("pt", "Apagar dados do cliente (LGPD)", "Consentimento"),
        ("en", "Erase the customer's data (LGPD)", "Consent"),
    ],
)
async def test_the_rights_keys_are_in_help_and_the_palette(
    ui_services: Services, maria: int, lang: str, erase: str, consent: str
) -> None:
    app = make_app(ui_services, lang)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_lead(pilot, app, maria)
        await press(pilot, "question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        rows = [str(s.visual).strip() for s in app.screen.query(".help-row").results(Static)]
        assert f"X  {erase}" in rows
        assert f"c  {consent}" in rows
        await press(pilot, "escape")
        await press(pilot, "ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
        app.screen.query_one(Input).value = "LGPD"
        commands = app.screen.query_one(CommandList)

        def prompts() -> list[str]:
            return [
                str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)
            ]

        await wait_until(pilot, lambda: f"{erase}  (X)" in prompts())


async def test_the_consent_line_speaks_english(ui_services: Services, maria: int) -> None:
    app = make_app(ui_services, "en")
    async with app.run_test(size=(160, 45)) as pilot:
        await open_lead(pilot, app, maria)
        line = await shown_rights(pilot, app, "Consent")
        assert (
            line == "Consent WhatsApp granted 2026-11-27 (import) · not asked: SMS, E-mail, Phone"
        )
