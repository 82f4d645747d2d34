"""Errors the services raise for things a user can fix or should know about.

Each carries a message id of the i18n catalog plus the values that fill it,
so the UI and CLI show it in the user's language. No customer data goes in
the values, only ids, statuses and salespeople's names.
"""

from __future__ import annotations

from typing import Any


class CockpitError(Exception):
    """Base for errors shown to the user as one clear sentence.

    Attributes:
        message_id: Key of the sentence in the i18n catalog.
        values: Values that fill the sentence's placeholders.
    """

    message_id = "error.generic"

    def __init__(self, message_id: str | None = None, **values: Any) -> None:
        self.message_id = message_id or type(self).message_id
        self.values = values
        super().__init__(self.message_id, values)


class LeadNotFoundError(CockpitError):
    """No lead has that id."""

    message_id = "error.lead_not_found"


class MoveConflictError(CockpitError):
    """The lead changed since the user saw it: someone else moved it first.

    Values: lead_id, seen_version, current_version, status (code now),
    moved_by (who made the last move, or None).
    """

    message_id = "error.move_conflict"


class NothingToUndoError(CockpitError):
    """The user has no move left to undo."""

    message_id = "error.nothing_to_undo"


class InvalidInputError(CockpitError):
    """A value the user typed is not acceptable (empty reply, bad status, …)."""

    message_id = "error.invalid_input"


class StoreUnavailableError(CockpitError):
    """The database cannot be opened or is damaged; nothing was changed."""

    message_id = "error.store_unavailable"


class InvalidSettingError(InvalidInputError):
    """A store setting's key is unknown or its value is not acceptable.

    The values never echo the typed value (it may be a token or a secret).
    """

    message_id = "error.setting.invalid"


class Interrupted(KeyboardInterrupt):
    """Ctrl-C stopped the work where it leaves the store whole; the sentence says how far it got.

    A :class:`KeyboardInterrupt`, so whatever does not know it treats it as any Ctrl-C.

    Attributes:
        message_id: Key of the sentence in the i18n catalog.
        values: Values that fill the sentence's placeholders.
    """

    def __init__(self, message_id: str, **values: Any) -> None:
        self.message_id = message_id
        self.values = values
        super().__init__(message_id, values)
