"""API tokens for ``cockpit serve``: made, listed, revoked, checked.

A token is 32 random bytes (URL-safe text) shown once when made; the store
keeps only its SHA-256, so a copy of the database does not let anyone post.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import datetime

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.services.clock import Clock
from cockpit_tui.store.handle import Store

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,59}")


def token_hash(token: str) -> str:
    """The SHA-256 (hex) under which a token is stored."""
    return hashlib.sha256(token.encode("utf-8", "surrogateescape")).hexdigest()


class TokenService:
    """Makes and checks the tokens that authenticate ``POST /api/v1/events``.

    Args:
        store: The open store.
        actor: Who makes tokens (recorded with each).
        clock: Time source.
    """

    def __init__(self, store: Store, *, actor: str, clock: Clock) -> None:
        self._store = store
        self._actor = actor
        self._clock = clock

    def add(self, name: str) -> str:
        """Make a token named ``name`` and return it (the only time it is seen).

        Raises:
            InvalidInputError: a bad name, or an active token already has it.
        """
        from cockpit_tui.store.api_tokens import insert_token
        from cockpit_tui.store.engine import write_connection

        checked = _checked_name(name)
        token = secrets.token_urlsafe(32)
        with write_connection(self._store.engine) as connection:
            if not insert_token(
                connection,
                name=checked,
                token_hash=token_hash(token),
                created_by=self._actor,
                at=self._clock.now(),
            ):
                raise InvalidInputError("token.exists", name=checked)
        return token

    def list(self) -> list[tuple[str, str, datetime]]:
        """The active tokens as (name, made by, made at), by name."""
        from cockpit_tui.store.api_tokens import active_tokens

        with self._store.engine.execution_options(cockpit_read_only=True).begin() as connection:
            return [(row.name, row.created_by, row.created_at) for row in active_tokens(connection)]

    def revoke(self, name: str) -> None:
        """Revoke token ``name``; requests carrying it are refused from the next one on.

        Raises:
            InvalidInputError: no active token has that name.
        """
        from cockpit_tui.store.api_tokens import revoke_token
        from cockpit_tui.store.engine import write_connection

        checked = _checked_name(name)
        with write_connection(self._store.engine) as connection:
            if not revoke_token(connection, name=checked, at=self._clock.now()):
                raise InvalidInputError("token.unknown", name=checked)

    def authenticate(self, token: str) -> str | None:
        """The name of the active token ``token``, or None (unknown or revoked)."""
        from cockpit_tui.store.api_tokens import token_name_for_hash

        if not token or len(token) > 200:
            return None
        with self._store.engine.execution_options(cockpit_read_only=True).begin() as connection:
            return token_name_for_hash(connection, token_hash=token_hash(token))


def _checked_name(name: str) -> str:
    text = name.strip()
    if not _NAME.fullmatch(text):
        raise InvalidInputError("token.bad_name")
    return text
