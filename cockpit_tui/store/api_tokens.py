"""The ``api_token`` table: who may post events to ``cockpit serve``.

Only the SHA-256 of a token is stored; the token itself is shown once when
it is made. Every function runs inside the caller's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, text

from cockpit_tui.store.codec import from_micros, to_micros


@dataclass(frozen=True, slots=True)
class TokenRow:
    """A token as listed: its name, who made it and when (never the token)."""

    name: str
    created_by: str
    created_at: datetime


def insert_token(
    connection: Connection, *, name: str, token_hash: str, created_by: str, at: datetime
) -> bool:
    """Add a token named ``name``; False when an active token has that name.

    A revoked token's name can be given to a new token (the old row goes).
    """
    found = connection.execute(
        text("SELECT revoked_at FROM api_token WHERE name = :name"), {"name": name}
    ).first()
    if found is not None and found[0] is None:
        return False
    if found is not None:
        connection.execute(text("DELETE FROM api_token WHERE name = :name"), {"name": name})
    connection.execute(
        text(
            "INSERT INTO api_token (name, token_hash, created_by, created_at) "
            "VALUES (:name, :hash, :by, :at)"
        ),
        {"name": name, "hash": token_hash, "by": created_by, "at": to_micros(at)},
    )
    return True


def active_tokens(connection: Connection) -> list[TokenRow]:
    """The tokens not revoked, by name."""
    rows = connection.execute(
        text(
            "SELECT name, created_by, created_at FROM api_token "
            "WHERE revoked_at IS NULL ORDER BY name"
        )
    )
    return [TokenRow(name, by, from_micros(at)) for name, by, at in rows]


def revoke_token(connection: Connection, *, name: str, at: datetime) -> bool:
    """Revoke the active token ``name``; False when there is none."""
    result = connection.execute(
        text("UPDATE api_token SET revoked_at = :at WHERE name = :name AND revoked_at IS NULL"),
        {"name": name, "at": to_micros(at)},
    )
    return bool(result.rowcount)


def token_name_for_hash(connection: Connection, *, token_hash: str) -> str | None:
    """The name of the active token with this hash, or None."""
    found = connection.execute(
        text("SELECT name FROM api_token WHERE token_hash = :hash AND revoked_at IS NULL"),
        {"hash": token_hash},
    ).first()
    return None if found is None else str(found[0])
