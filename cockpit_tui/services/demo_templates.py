"""The demo store's name and reply templates: what a dealership writes every day."""

from __future__ import annotations

from cockpit_tui.services.clock import Clock
from cockpit_tui.services.settings import SettingsService
from cockpit_tui.services.templates import TemplateService
from cockpit_tui.store.handle import Store

DEMO_STORE_NAME = "Auto Center Paulista"

#: (name, text, marketing) of the demo's templates.
#: The demo's templates linked to approved WhatsApp templates (name → WhatsApp's name):
#: what the reply dialog offers outside the 24-hour window.
DEMO_APPROVED = {
    "Primeiro contato": "primeiro_contato",
    "Ainda tem interesse?": "ainda_tem_interesse",
}
DEMO_TEMPLATES = (
    (
        "Primeiro contato",
        "Olá, {nome}! Aqui é {vendedor}, da {loja}. Recebi seu interesse no {veiculo} e ele "
        "está disponível. Posso te mandar mais fotos e os detalhes?",
        False,
    ),
    (
        "Convite para visita",
        "{nome}, que tal ver o {veiculo} de perto? Te espero na {loja} para um test drive, "
        "no dia e horário que forem melhores para você. Qual fica bom?",
        False,
    ),
    (
        "Simulação de financiamento",
        "{nome}, fiz uma simulação para o {veiculo} ({valor}): com entrada a partir de 20% e "
        "até 60 parcelas. Me diz quanto quer dar de entrada e em quantas vezes que te passo "
        "os valores exatos.",
        False,
    ),
    (
        "Ainda tem interesse?",
        "Oi, {nome}! Tudo bem? Ainda tem interesse no {veiculo}? Se quiser, consigo "
        "reservar uma avaliação do seu usado para a troca.",
        False,
    ),
    (
        "Agradecimento pela compra",
        "{nome}, obrigado pela confiança na {loja}! Aproveite o seu {veiculo}. Qualquer "
        "dúvida sobre documentação ou revisões, é só me chamar. Abraço, {vendedor}.",
        False,
    ),
)


def seed_demo_day_tools(store: Store, *, actor: str, clock: Clock) -> None:
    """Give the demo store its name and the five reply templates (two approved by WhatsApp)."""
    SettingsService(store, actor=actor, clock=clock).set_value("store_name", DEMO_STORE_NAME)
    templates = TemplateService(store, actor=actor, clock=clock)
    for name, text, marketing in DEMO_TEMPLATES:
        approved = DEMO_APPROVED.get(name)
        templates.save(
            name,
            text,
            marketing=marketing,
            whatsapp_template=approved,
            whatsapp_language="pt_BR" if approved else None,
        )
