"""Deterministic generator of realistic Brazilian dealership leads.

Two uses:

- ``python bench/generate.py demo > data/demo_leads.json`` writes the demo set
  shipped in ``data/`` (times are relative, so a seeded demo always looks fresh);
- ``python bench/generate.py store --leads 100000 --db /tmp/big.sqlite`` builds a
  store of any size for the benchmarks.

The same seed always gives the same leads.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import unicodedata
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

FIRST_NAMES = (
    "Maria",
    "Ana",
    "Francisca",
    "Antônia",
    "Adriana",
    "Juliana",
    "Márcia",
    "Fernanda",
    "Patrícia",
    "Aline",
    "Camila",
    "Letícia",
    "Beatriz",
    "Larissa",
    "Gabriela",
    "Luana",
    "José",
    "João",
    "Antônio",
    "Francisco",
    "Carlos",
    "Paulo",
    "Pedro",
    "Lucas",
    "Luiz",
    "Marcos",
    "Luís",
    "Gabriel",
    "Rafael",
    "Daniel",
    "Marcelo",
    "Bruno",
    "Eduardo",
    "Felipe",
    "Raimundo",
    "Rodrigo",
    "Thiago",
    "Vinícius",
    "Gustavo",
    "Matheus",
    "Leandro",
    "Renata",
    "Vanessa",
    "Tatiane",
    "Sérgio",
    "Fábio",
    "Rogério",
    "Cláudia",
    "Simone",
)
LAST_NAMES = (
    "Silva",
    "Santos",
    "Oliveira",
    "Souza",
    "Rodrigues",
    "Ferreira",
    "Alves",
    "Pereira",
    "Lima",
    "Gomes",
    "Costa",
    "Ribeiro",
    "Martins",
    "Carvalho",
    "Almeida",
    "Lopes",
    "Soares",
    "Fernandes",
    "Vieira",
    "Barbosa",
    "Rocha",
    "Dias",
    "Nascimento",
    "Andrade",
    "Moreira",
    "Nunes",
    "Marques",
    "Machado",
    "Mendes",
    "Freitas",
    "Cardoso",
    "Ramos",
    "Gonçalves",
    "Santana",
    "Teixeira",
    "Araújo",
    "Cavalcanti",
    "Monteiro",
    "Batista",
)
# (vehicle with version and year, typical price in reais)
VEHICLES = (
    ("Volkswagen T-Cross Highline 1.4 TSI 2022", 129_900),
    ("Volkswagen Polo Comfortline 1.0 TSI 2021", 82_900),
    ("Volkswagen Nivus Highline 1.0 TSI 2023", 124_500),
    ("Volkswagen Gol 1.0 MPI 2020", 52_900),
    ("Volkswagen Amarok V6 Highline 2021", 239_900),
    ("Chevrolet Onix LTZ 1.0 Turbo 2022", 84_900),
    ("Chevrolet Tracker Premier 1.2 Turbo 2023", 139_900),
    ("Chevrolet S10 High Country 2.8 Diesel 2021", 219_000),
    ("Chevrolet Spin Premier 1.8 2020", 79_900),
    ("Fiat Strada Volcano 1.3 CD 2023", 104_900),
    ("Fiat Toro Freedom 1.3 Turbo 2022", 129_990),
    ("Fiat Argo Drive 1.0 2021", 66_500),
    ("Fiat Mobi Like 1.0 2022", 54_900),
    ("Fiat Pulse Impetus 1.0 Turbo 2023", 112_900),
    ("Jeep Compass Longitude 2.0 2021", 139_900),
    ("Jeep Renegade Sport 1.3 Turbo 2022", 109_900),
    ("Jeep Commander Limited 1.3 Turbo 2023", 214_900),
    ("Toyota Corolla XEi 2.0 2022", 139_990),
    ("Toyota Corolla Cross XRE 2.0 2023", 164_900),
    ("Toyota Hilux SRX 2.8 Diesel 2021", 259_900),
    ("Toyota Yaris XS 1.5 2021", 89_900),
    ("Honda Civic EXL 2.0 2020", 119_900),
    ("Honda HR-V EXL 1.5 Turbo 2023", 159_900),
    ("Honda City Touring 1.5 2022", 112_000),
    ("Honda Fit EXL 1.5 2020", 84_500),
    ("Hyundai HB20 Platinum 1.0 Turbo 2023", 92_900),
    ("Hyundai Creta Ultimate 2.0 2022", 144_900),
    ("Renault Kwid Zen 1.0 2022", 52_500),
    ("Renault Duster Iconic 1.3 Turbo 2023", 119_900),
    ("Nissan Kicks SL 1.6 2022", 112_900),
    ("Nissan Frontier Attack 2.3 Diesel 2022", 219_900),
    ("Ford Ranger XLT 3.2 Diesel 2020", 189_900),
    ("Ford Ka SE 1.0 2020", 54_900),
    ("Peugeot 208 Griffe 1.6 2022", 94_900),
    ("Citroën C4 Cactus Shine 1.6 THP 2021", 99_900),
    ("Mitsubishi L200 Triton Sport HPE 2.4 2022", 229_900),
    ("BMW 320i GP 2.0 Turbo 2021", 229_900),
)
SOURCES = (
    ("Webmotors", 28),
    ("site da loja", 18),
    ("WhatsApp", 20),
    ("telefone", 8),
    ("OLX", 12),
    ("iCarros", 8),
    ("Mercado Livre", 6),
)
TEAM = ("Carla Mendes", "Rafael Souza", "Bianca Lima", "Diego Fernandes")
DDDS = ("11", "11", "11", "21", "31", "41", "51", "61", "71", "81", "19", "27", "48", "62")
EMAIL_DOMAINS = ("gmail.com", "hotmail.com", "outlook.com", "yahoo.com.br", "uol.com.br")

ARRIVAL_MESSAGES = (
    "Olá, o {car} ainda está disponível?",
    "Boa tarde! Tenho interesse no {car}. Qual o menor valor à vista?",
    "Oi, vi o anúncio do {car}. Aceita troca?",
    "Bom dia, gostaria de saber as condições de financiamento do {car}.",
    "Olá! O {car} tem laudo cautelar? Posso ver o carro amanhã?",
    "Tenho interesse no {car}. Qual a quilometragem e se tem manual e chave reserva?",
    "Oi, esse {car} é único dono? Faz quanto de entrada?",
    "Boa noite, o {car} está com IPVA pago?",
)
OUTBOUND_MESSAGES = (
    "Olá, {first}! Sim, está disponível. Posso te enviar mais fotos?",
    "Oi {first}, tudo bem? Conseguimos um bom desconto à vista. Quando pode vir à loja?",
    "{first}, aceitamos troca sim. Qual é o seu carro, ano e quilometragem?",
    "Bom dia, {first}! Simulei o financiamento com 30% de entrada em 48x. Te mando os valores?",
    "{first}, o carro tem laudo aprovado e revisões na concessionária.",
    "Perfeito, {first}. Deixei agendado para você, qualquer coisa me chama aqui.",
)
REPLY_MESSAGES = (
    "Aceita troca?",
    "Consegue fazer por um valor menor?",
    "Posso passar aí amanhã de manhã?",
    "Meu carro é um Gol 2015 com 90 mil km, quanto vocês pagam?",
    "Qual seria a parcela com 20 mil de entrada?",
    "Vou pensar e te retorno, obrigado!",
    "Ainda está disponível? Quero fechar essa semana.",
    "Pode me mandar mais fotos do interior?",
    "Vocês fazem transferência e entregam com tanque cheio?",
    "Beleza, fechado. Que horas posso ir?",
)

# Leads per status for the demo set, in board order (sums to 155).
DEMO_MIX = (
    ("new", 40),
    ("negotiating", 35),
    ("awaiting_visit", 25),
    ("visited", 20),
    ("sold", 18),
    ("lost", 17),
)


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def _weighted(rng: random.Random, pairs: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([name for name, _ in pairs], [weight for _, weight in pairs])[0]


def generate(
    count: int, *, seed: int = 2026, mix: tuple[tuple[str, int], ...] | None = None
) -> list[dict[str, Any]]:
    """Leads as JSON-ready dicts with times in minutes before "now".

    Args:
        count: How many leads (ignored when ``mix`` is given: its counts add up).
        seed: The random seed; the same seed gives the same leads.
        mix: Exact number of leads per status, in board order.
    """
    rng = random.Random(seed)
    statuses: list[str] = []
    if mix is not None:
        for status, how_many in mix:
            statuses.extend([status] * how_many)
    else:
        weights = (
            ("new", 22),
            ("negotiating", 25),
            ("awaiting_visit", 12),
            ("visited", 10),
            ("sold", 16),
            ("lost", 15),
        )
        statuses = [_weighted(rng, weights) for _ in range(count)]
    leads: list[dict[str, Any]] = []
    for index, status in enumerate(statuses):
        first = rng.choice(FIRST_NAMES)
        name = f"{first} {rng.choice(LAST_NAMES)}"
        if rng.random() < 0.35:
            name += f" {rng.choice(LAST_NAMES)}"
        vehicle, base_price = rng.choice(VEHICLES)
        price = Decimal(round(base_price * rng.uniform(0.94, 1.06) / 100) * 100)
        source = _weighted(rng, SOURCES)
        ddd = rng.choice(DDDS)
        phone = f"({ddd}) 9{rng.randint(6000, 9999)}-{rng.randint(0, 9999):04d}"
        email = None
        if rng.random() < 0.7:
            email = (
                f"{_ascii(first)}.{_ascii(name.split()[-1])}{rng.randint(1, 99)}"
                f"@{rng.choice(EMAIL_DOMAINS)}"
            )
        # Newer statuses hold younger leads.
        age_limit = {"new": 3 * 24 * 60, "negotiating": 10 * 24 * 60}.get(status, 30 * 24 * 60)
        created = rng.randint(5, age_limit)
        short_car = " ".join(vehicle.split()[:2])
        messages: list[dict[str, Any]] = [
            {
                "direction": "in",
                "body": rng.choice(ARRIVAL_MESSAGES).format(car=short_car),
                "minutes_ago": created,
                "read": True,
            }
        ]
        assigned = (
            None
            if (status == "new" and rng.random() < 0.5) or rng.random() < 0.08
            else rng.choice(TEAM)
        )
        acted = None
        clock = created
        if status != "new" or rng.random() < 0.25:
            # A salesperson answered, and the conversation went on a few rounds.
            for _ in range(rng.randint(1, 3)):
                step = rng.randint(3, max(4, clock // 3))
                clock = max(1, clock - step)
                messages.append(
                    {
                        "direction": "out",
                        "author": assigned or rng.choice(TEAM),
                        "body": rng.choice(OUTBOUND_MESSAGES).format(first=first),
                        "minutes_ago": clock,
                        "read": True,
                    }
                )
                if clock <= 2:
                    break
                step = rng.randint(1, max(2, clock // 3))
                clock = max(1, clock - step)
                messages.append(
                    {
                        "direction": "in",
                        "body": rng.choice(REPLY_MESSAGES),
                        "minutes_ago": clock,
                        "read": True,
                    }
                )
            acted = max(1, clock - 1) if status != "new" else None
        # Some customers wrote again and nobody has read it yet: bold, on top.
        if status in ("new", "negotiating", "awaiting_visit", "visited") and rng.random() < 0.18:
            last = min(clock, acted or clock)
            messages.append(
                {
                    "direction": "in",
                    "body": rng.choice(REPLY_MESSAGES),
                    "minutes_ago": max(0, last - rng.randint(1, max(2, last // 4))),
                    "read": False,
                }
            )
        lead: dict[str, Any] = {
            "external_id": f"demo-{index + 1:05d}",
            "name": name,
            "phone": phone,
            "email": email,
            "vehicle": vehicle,
            "price": str(price),
            "source": source,
            "status": status,
            "assigned_to": assigned,
            "created_minutes_ago": created,
            "acted_minutes_ago": acted,
            "messages": messages,
        }
        if status == "awaiting_visit":
            # Visits from yesterday (overdue) to next week.
            lead["appointment"] = {
                "kind": "visit",
                "in_minutes": rng.choice((-26, -3, 2, 5, 20, 26, 50, 74, 150)) * 60
                + rng.choice((0, 30)),
            }
        elif status == "negotiating" and rng.random() < 0.2:
            lead["appointment"] = {"kind": "call_back", "in_minutes": rng.randint(30, 3000)}
        leads.append(lead)
    if mix is not None:
        _demo_timing(leads, random.Random(seed + 1))
    return leads


def _demo_timing(leads: list[dict[str, Any]], timing: random.Random) -> None:
    """Give the demo set a response-time story, without touching the main random stream.

    A few brand-new leads arrived minutes ago and wait inside a 5-minute SLA
    (or just past it); about half of the answered leads got their first
    response within 5 minutes, the rest later. Times stay "minutes ago"; the
    demo maps them onto plausible hours when it is opened (services/demo.py).
    """
    fresh = iter((1, 2, 4, 3, 7, 12, 25, 40))
    for lead in leads:
        messages = lead["messages"]
        if lead["status"] == "new" and (minutes := next(fresh, None)) is not None:
            lead["created_minutes_ago"] = minutes
            lead["acted_minutes_ago"] = None
            lead["messages"] = [dict(messages[0], minutes_ago=minutes)]
            continue
        if len(messages) > 1 and messages[1]["direction"] == "out" and timing.random() < 0.55:
            delay = messages[0]["minutes_ago"] - messages[1]["minutes_ago"]
            messages[1]["minutes_ago"] = messages[0]["minutes_ago"] - timing.randint(
                1, max(1, min(4, delay))
            )


def to_lead_creates(leads: list[dict[str, Any]], now: datetime) -> list[Any]:
    """Turn generated dicts into the domain's ``LeadCreate`` shapes at ``now``."""
    from cockpit_tui.services.demo import lead_create_from_json

    return [lead_create_from_json(lead, now) for lead in leads]


def build_store(db_path: str, count: int, *, seed: int = 2026) -> None:
    """Create (or extend) a SQLite store with ``count`` generated leads."""
    from cockpit_tui.domain.plans import Plan
    from cockpit_tui.services.clock import SystemClock
    from cockpit_tui.services.settings import SettingsService
    from cockpit_tui.store.bulk import insert_leads
    from cockpit_tui.store.handle import open_store

    now = datetime.now(UTC)
    store = open_store(f"sqlite:///{db_path}")
    try:
        specs = to_lead_creates(generate(count, seed=seed), now)
        insert_leads(store.engine, specs, actor="bench", now=now)
        SettingsService(store, actor="bench", clock=SystemClock()).set_plan(Plan.SMART_PLUS)
        with store.engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    """Command line of the generator."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("demo", help="print the demo set (JSON) on stdout")
    store = sub.add_parser("store", help="build a SQLite store of generated leads")
    store.add_argument("--leads", type=int, required=True)
    store.add_argument("--db", required=True, help="path of the SQLite file")
    store.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    if args.command == "demo":
        json.dump(generate(0, mix=DEMO_MIX), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        build_store(args.db, args.leads, seed=args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
