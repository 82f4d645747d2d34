"""Reply templates: the placeholders they may use, their checks, and filling one for a lead.

Pure functions: the reply dialog and ``cockpit templates`` call them through
the template service; nothing here reads the store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.filters import fold
from cockpit_tui.domain.sanitize import clean_message, clean_text

#: Placeholders, in the order they are listed to the user.
PLACEHOLDERS = ("nome", "veiculo", "valor", "vendedor", "loja")
MAX_NAME = 60
MAX_TEXT = 2000
_TOKEN = re.compile(r"\{([^{}]*)\}")
_WA_LANGUAGE = re.compile(r"[a-z]{2,3}(_[A-Z]{2})?")
_WA_NAME = re.compile(r"[a-z0-9_]{1,100}")


@dataclass(frozen=True, slots=True)
class ReplyTemplate:
    """A reply the store keeps ready.

    Attributes:
        id: The template's id.
        name: Its name, unique in the store ("Primeiro contato").
        text: The text with placeholders ("Olá, {nome}! …").
        marketing: A marketing message (needs the customer's consent to be sent).
        whatsapp_template: The name of the WhatsApp-approved template it matches, if any.
        whatsapp_language: That template's language code ("pt_BR").
    """

    id: int
    name: str
    text: str
    marketing: bool = False
    whatsapp_template: str | None = None
    whatsapp_language: str | None = None


@dataclass(frozen=True, slots=True)
class TemplateValues:
    """What fills the placeholders (None: left as typed, for the salesperson to complete).

    Attributes:
        nome: The customer's first name.
        veiculo: The vehicle of interest.
        valor: The price, already formatted ("R$ 139.900,00").
        vendedor: The salesperson writing the reply.
        loja: The store's name (setting ``store_name``).
    """

    nome: str | None = None
    veiculo: str | None = None
    valor: str | None = None
    vendedor: str | None = None
    loja: str | None = None


def known_placeholders() -> str:
    """The placeholders as a person writes them: "{nome}, {veiculo}, …"."""
    return ", ".join("{" + name + "}" for name in PLACEHOLDERS)


def check_name(raw: str) -> str:
    """A template's name, cleaned.

    Raises:
        InvalidInputError: "template.empty_name" or "template.name_too_long".
    """
    name = clean_text(raw, max_length=MAX_NAME + 1)
    if not name:
        raise InvalidInputError("template.empty_name")
    if len(name) > MAX_NAME:
        raise InvalidInputError("template.name_too_long", limit=MAX_NAME)
    return name


def check_text(raw: str) -> str:
    """A template's text, cleaned, with its placeholders in their canonical spelling.

    ``{Nome}`` and ``{veículo}`` are accepted as ``{nome}`` and ``{veiculo}``.

    Raises:
        InvalidInputError: "template.empty_text", "template.text_too_long", or
            "template.unknown_placeholder" naming the first unknown one and
            listing the known ones.
    """
    text = clean_message(raw)
    if not text:
        raise InvalidInputError("template.empty_text")
    if len(text) > MAX_TEXT:
        raise InvalidInputError("template.text_too_long", limit=MAX_TEXT)

    def canonical(match: re.Match[str]) -> str:
        key = fold(match.group(1).strip())
        if key not in PLACEHOLDERS:
            raise InvalidInputError(
                "template.unknown_placeholder",
                placeholder=clean_text(match.group(0), max_length=40),
                known=known_placeholders(),
            )
        return "{" + key + "}"

    return _TOKEN.sub(canonical, text)


def check_whatsapp(name: str | None, language: str | None) -> tuple[str | None, str | None]:
    """The WhatsApp-approved template name and language code, both or neither.

    Raises:
        InvalidInputError: "template.bad_whatsapp" for a malformed or half-given pair.
    """
    name = (name or "").strip() or None
    language = (language or "").strip() or None
    if name is None and language is None:
        return None, None
    if (
        name is None
        or language is None
        or not _WA_NAME.fullmatch(name)
        or not _WA_LANGUAGE.fullmatch(language)
    ):
        raise InvalidInputError("template.bad_whatsapp")
    return name, language


def first_name(full_name: str) -> str | None:
    """The first word of a name ("Carlos" of "Carlos Pereira")."""
    words = clean_text(full_name).split()
    return words[0] if words else None


def fill(text: str, values: TemplateValues) -> str:
    """The template's text with its placeholders replaced.

    A placeholder whose value is unknown stays as written, so the salesperson
    sees it in the reply and completes it before sending.
    """

    def value_of(match: re.Match[str]) -> str:
        key = match.group(1)
        found = getattr(values, key, None) if key in PLACEHOLDERS else None
        return clean_text(found) if found else match.group(0)

    return _TOKEN.sub(value_of, text)


@dataclass(frozen=True, slots=True)
class TemplateSend:
    """A reply sent as an approved WhatsApp template (outside the 24-hour window).

    Attributes:
        name: The template's name at WhatsApp ("primeiro_contato").
        language: Its language code ("pt_BR").
        parameters: The body's ``{{1}}``, ``{{2}}`` … values, in order.
    """

    name: str
    language: str
    parameters: tuple[str, ...] = ()


def whatsapp_parameters(text: str, values: TemplateValues) -> tuple[str, ...]:
    """The values of a template's placeholders in the order they appear: its body parameters.

    The store's text ``Olá, {nome}! O {veiculo} …`` matches the approved
    WhatsApp template ``Olá, {{1}}! O {{2}} …``. WhatsApp refuses a parameter
    with a line break, a tab or more than four spaces in a row, so each value
    is one line with single spaces.

    Raises:
        InvalidInputError: "reply.template_missing_value" naming a placeholder
            this lead has no value for (WhatsApp cannot send it half filled).
    """
    parameters = []
    for match in _TOKEN.finditer(text):
        key = fold(match.group(1).strip())
        found = getattr(values, key, None) if key in PLACEHOLDERS else None
        value = " ".join(clean_text(found or "").split())
        if not value:
            raise InvalidInputError("reply.template_missing_value", placeholder="{" + key + "}")
        parameters.append(value)
    return tuple(parameters)
