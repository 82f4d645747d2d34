"""Looking up and filling the sentences of the catalogs."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import PurePath
from typing import Any

from cockpit_tui.domain.errors import CockpitError, MoveConflictError
from cockpit_tui.domain.sanitize import clean_text
from cockpit_tui.domain.statuses import parse_status, status_label
from cockpit_tui.i18n import catalog_en, catalog_pt

LANGUAGES: dict[str, Mapping[str, str]] = {"pt": catalog_pt.MESSAGES, "en": catalog_en.MESSAGES}
DEFAULT_LANGUAGE = "pt"
#: Longest value echoed inside a sentence (a pasted argument, a feed's event name…).
MAX_ECHOED_VALUE = 400


def resolve_language(
    explicit: str | None = None, environ: Mapping[str, str] | None = None
) -> str | None:
    """Pick the language: ``--lang``, then ``COCKPIT_LANG``, then the locale, then pt.

    Returns:
        "pt" or "en"; None when an explicit choice (flag or variable) is unknown.
    """
    env = os.environ if environ is None else environ
    for choice in (explicit, env.get("COCKPIT_LANG")):
        if choice:
            folded = choice.strip().lower().replace("_", "-")
            if folded in ("pt", "pt-br"):
                return "pt"
            if folded in ("en", "en-us", "en-gb"):
                return "en"
            return None
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "")
        if value:
            return "en" if value.lower().startswith("en") else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


class Translator:
    """Fills catalog sentences in one language.

    Args:
        lang: "pt" or "en".
    """

    def __init__(self, lang: str = DEFAULT_LANGUAGE) -> None:
        self.lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
        self._messages = LANGUAGES[self.lang]

    def has(self, message_id: str) -> bool:
        """Whether the catalogs know ``message_id``."""
        return message_id in self._messages or message_id in LANGUAGES[DEFAULT_LANGUAGE]

    def __call__(self, message_id: str, **values: Any) -> str:
        """The sentence ``message_id`` with its placeholders filled.

        An id missing from the catalog falls back to pt, then to the id itself,
        so a missing translation never crashes the app (a test keeps them complete).
        With ``count=1`` the sentence ``<message_id>.one`` is used when the
        catalog has one (the singular).
        Text values (arguments, file names, what a feed sent) go through the
        same sanitiser as stored lead text and are cut to
        :data:`MAX_ECHOED_VALUE` characters: a sentence never carries a
        terminal escape to whoever reads it.
        """
        count = values.get("count")
        if count == 1 or count == "1":  # an int, or a count already formatted
            # "1 lead", not "1 leads": a catalog may hold the singular as "<id>.one".
            singular = f"{message_id}.one"
            if singular in self._messages or singular in LANGUAGES[DEFAULT_LANGUAGE]:
                message_id = singular
        template = self._messages.get(message_id) or LANGUAGES[DEFAULT_LANGUAGE].get(message_id)
        if template is None:
            return message_id
        safe = {name: _echoed(value) for name, value in values.items()}
        try:
            return template.format(**safe)
        except (KeyError, IndexError, ValueError):
            return template


def _echoed(value: Any) -> Any:
    """A value as it may appear inside a sentence: text cleaned and cut, the rest as it is."""
    if isinstance(value, str | PurePath):
        return clean_text(str(value), max_length=MAX_ECHOED_VALUE)
    return value


def describe_error(error: CockpitError, translate: Translator) -> str:
    """One clear sentence for an error, in the translator's language."""
    values = dict(error.values)
    cause = values.get("cause")
    if isinstance(cause, CockpitError):
        values["cause"] = describe_error(cause, translate)
    status_code = values.get("status")
    if isinstance(status_code, str):
        status = parse_status(status_code)
        values["status_label"] = status_label(status, translate.lang) if status else status_code
    if isinstance(error, MoveConflictError):
        moved_by = values.get("moved_by")
        values["moved_by_text"] = (
            translate("error.move_conflict.moved_by", moved_by=moved_by)
            if moved_by
            else translate("error.move_conflict.someone")
        )
    return translate(error.message_id, **values)
