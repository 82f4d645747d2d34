"""The store's settings: every key, its default, how a typed value is read.

A setting is stored as text in ``store_setting``. Each :class:`SettingSpec`
turns what a person typed into the canonical text that is stored, or raises
:class:`~cockpit_tui.domain.errors.InvalidSettingError` with the reason.
Features read settings through ``services.settings`` and never parse the raw
text themselves, so a value in the store is always one that was accepted here.

To add a setting: one :class:`SettingSpec` in :data:`SETTINGS` (with its
parser), one ``setting.<key>`` sentence in each catalog describing the values.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

from cockpit_tui.domain.business_hours import DEFAULT_BUSINESS_HOURS, canonical_business_hours
from cockpit_tui.domain.errors import InvalidSettingError
from cockpit_tui.domain.holiday_rules import (
    DEFAULT_HOLIDAY_REGION,
    canonical_extra_holidays,
    parse_holiday_region,
)
from cockpit_tui.domain.records import Record, set_field
from cockpit_tui.domain.sanitize import clean_text

#: Meta's Graph API; the version is pinned here and nowhere else.
WHATSAPP_API_BASE = "https://graph.facebook.com/v21.0"

#: Longest value any setting accepts (a token is ~250 characters).
_MAX_VALUE = 1000

Parser = Callable[[str], str | None]


class SettingSpec(Record):
    """One store setting.

    Attributes:
        key: The name used by ``cockpit settings KEY``.
        default: The canonical value when the store never set one (None: unset / off).
        parse: Reads a typed value; returns the canonical text, or None for "unset".
        secret: Never printed back (shown as "definido" / "set").
    """

    __slots__ = ("default", "key", "parse", "secret")
    key: str
    default: str | None
    parse: Parser
    secret: bool

    def __init__(self, key: str, default: str | None, parse: Parser, secret: bool = False) -> None:
        set_field(self, "key", key)
        set_field(self, "default", default)
        set_field(self, "parse", parse)
        set_field(self, "secret", secret)


def _bounded_int(low: int, high: int, *, off_word: bool = False) -> Parser:
    def parse(raw: str) -> str | None:
        text = raw.strip().casefold()
        if off_word and text in ("off", "desligado", "0"):
            return None
        if not re.fullmatch(r"\d{1,6}", text) or not low <= int(text) <= high:
            raise InvalidSettingError("error.setting.int_range", low=low, high=high)
        return str(int(text))

    return parse


def _minutes_or_never(raw: str) -> str | None:
    text = raw.strip()
    if not re.fullmatch(r"\d{1,6}", text) or int(text) > 7 * 24 * 60:
        raise InvalidSettingError("error.setting.int_range", low=0, high=7 * 24 * 60)
    return str(int(text))


def _one_of(*choices: str) -> Parser:
    def parse(raw: str) -> str | None:
        text = raw.strip().casefold()
        if text not in choices:
            raise InvalidSettingError("error.setting.choices", choices=", ".join(choices))
        return text

    return parse


def _free_text(max_length: int) -> Parser:
    def parse(raw: str) -> str | None:
        text = clean_text(raw)
        if not text:
            return None
        if len(text) > max_length:
            raise InvalidSettingError("error.setting.too_long", limit=max_length)
        return text

    return parse


def _token(raw: str) -> str | None:
    text = raw.strip()
    if not text:
        return None
    if len(text) > _MAX_VALUE or not re.fullmatch(r"[\x21-\x7e]+", text):
        raise InvalidSettingError("error.setting.token")
    return text


def _digits(raw: str) -> str | None:
    text = raw.strip()
    if not text:
        return None
    if not re.fullmatch(r"\d{1,30}", text):
        raise InvalidSettingError("error.setting.digits")
    return text


def _timezone(raw: str) -> str | None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # lazy: reads tzdata

    text = raw.strip()
    try:
        if not text or len(text) > 64 or ".." in text:
            raise ValueError(text)
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidSettingError("error.setting.timezone") from None
    return text


def _http_url(raw: str) -> str | None:
    text = raw.strip().rstrip("/")
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or len(text) > 300:
        raise InvalidSettingError("error.setting.url")
    return text


SETTINGS: dict[str, SettingSpec] = {
    spec.key: spec
    for spec in (
        SettingSpec("store_name", None, _free_text(80)),
        SettingSpec("timezone", "America/Sao_Paulo", _timezone),
        SettingSpec("sla_minutes", "5", _bounded_int(1, 24 * 60)),
        SettingSpec("business_hours", DEFAULT_BUSINESS_HOURS, canonical_business_hours),
        SettingSpec("holidays", DEFAULT_HOLIDAY_REGION, parse_holiday_region),
        SettingSpec("extra_holidays", None, canonical_extra_holidays),
        SettingSpec("distribution", "off", _one_of("off", "round-robin")),
        SettingSpec("rescue_minutes", "30", _minutes_or_never),
        SettingSpec("retention_months", None, _bounded_int(1, 240, off_word=True)),
        SettingSpec("whatsapp_phone_number_id", None, _digits),
        SettingSpec("whatsapp_access_token", None, _token, secret=True),
        SettingSpec("whatsapp_app_secret", None, _token, secret=True),
        SettingSpec("whatsapp_verify_token", None, _token, secret=True),
        SettingSpec("whatsapp_api_base", WHATSAPP_API_BASE, _http_url),
    )
}


def setting_spec(key: str) -> SettingSpec:
    """The spec of ``key``.

    Raises:
        InvalidSettingError: The key is unknown (the message lists the known ones).
    """
    spec = SETTINGS.get(key.strip().casefold())
    if spec is None:
        raise InvalidSettingError(
            "error.setting.unknown", key=clean_text(key)[:40], keys=", ".join(SETTINGS)
        )
    return spec


def parse_setting(key: str, raw: str) -> str | None:
    """The canonical text for ``raw`` typed for ``key`` (None: back to unset)."""
    spec = setting_spec(key)
    try:
        if len(raw) > _MAX_VALUE:
            raise InvalidSettingError("error.setting.too_long", limit=_MAX_VALUE)
        return spec.parse(raw)
    except InvalidSettingError as error:
        error.values.setdefault("key", spec.key)
        raise
