"""Consent under the LGPD: per channel, granted or revoked, with where it came from.

Pure rules: which channels exist, how an import column or an ingest field
says "yes" or "no", and whether a marketing message may go out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from cockpit_tui.domain.sanitize import fold_header


class Channel(StrEnum):
    """A way of reaching a customer."""

    WHATSAPP = "whatsapp"
    SMS = "sms"
    EMAIL = "email"
    PHONE = "phone"


class ConsentState(StrEnum):
    """Consent given or taken back."""

    GRANTED = "granted"
    REVOKED = "revoked"


class ConsentSource(StrEnum):
    """Where a consent record came from."""

    IMPORT = "import"
    INGEST = "ingest"
    LEAD_SCREEN = "lead_screen"
    WHATSAPP = "whatsapp"
    COMMAND = "command"


@dataclass(frozen=True, slots=True)
class ConsentRecord:
    """One change of a customer's consent on a channel.

    Attributes:
        customer_id: The customer.
        channel: The channel.
        state: Granted or revoked.
        source: Where it came from.
        actor: Who recorded it (a salesperson, "import", the webhook).
        at: When.
    """

    customer_id: int
    channel: Channel
    state: ConsentState
    source: ConsentSource
    actor: str
    at: datetime


#: Yes and no as people write them (folded: no case, accents, spaces or dashes).
_YES = {"sim", "s", "yes", "y", "true", "1", "granted", "concedido", "autorizado", "optin"}
_NO = {"nao", "n", "no", "false", "0", "revoked", "revogado", "negado", "optout"}
_CHANNELS = {
    "whatsapp": Channel.WHATSAPP,
    "zap": Channel.WHATSAPP,
    "sms": Channel.SMS,
    "email": Channel.EMAIL,
    "phone": Channel.PHONE,
    "telefone": Channel.PHONE,
    "ligacao": Channel.PHONE,
}


def _state_of(value: object) -> ConsentState | None:
    if isinstance(value, bool):
        return ConsentState.GRANTED if value else ConsentState.REVOKED
    folded = fold_header(str(value))
    if folded in _YES:
        return ConsentState.GRANTED
    if folded in _NO:
        return ConsentState.REVOKED
    return None


def parse_consent(raw: str) -> tuple[tuple[Channel, ConsentState], ...] | None:
    """What an import column or ingest field ``consent`` says, per channel.

    Accepted: a yes/no word ("sim", "não", "yes", "true", "1", …) for every
    channel; a list of channels ("whatsapp, email") granted on those; a JSON
    object ``{"whatsapp": true, "email": false}``. Empty text: nothing said.

    Returns:
        The (channel, state) pairs, ``()`` for an empty value, None when the
        text means nothing (the row is refused with a reason).
    """
    text = raw.strip()
    if not text:
        return ()
    if text.startswith("{"):
        try:
            document = json.loads(text)
        except json.JSONDecodeError:
            return None
        if not isinstance(document, dict):
            return None
        pairs = []
        for key, value in document.items():
            channel = _CHANNELS.get(fold_header(str(key)))
            state = _state_of(value)
            if channel is None or state is None:
                return None
            pairs.append((channel, state))
        return tuple(pairs)
    state = _state_of(text.removeprefix('"').removesuffix('"'))
    if state is not None:
        return tuple((channel, state) for channel in Channel)
    pairs = []
    for part in text.replace(";", ",").replace("|", ",").split(","):
        channel = _CHANNELS.get(fold_header(part))
        if channel is None:
            return None
        pairs.append((channel, ConsentState.GRANTED))
    return tuple(dict.fromkeys(pairs))


def may_send_marketing(records: list[ConsentRecord], channel: Channel) -> bool:
    """A marketing message may go out on ``channel`` only with consent granted there.

    ``records`` are the customer's records in the order they were made; the
    latest one on the channel counts. No record at all means no consent.
    """
    state = None
    for record in records:
        if record.channel is channel:
            state = record.state
    return state is ConsentState.GRANTED


#: What a customer writes to stop WhatsApp messages (folded: case and accents ignored).
OPT_OUT_WORDS = frozenset({"parar", "sair", "stop"})


def is_opt_out(text: str) -> bool:
    """Whether a customer's message is an opt-out ("PARAR", "Sair.", "stop!")."""
    word = fold_header(text).strip("!.?¡¿,;:'\"")
    return word in OPT_OUT_WORDS
