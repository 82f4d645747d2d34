"""The duty roster and its round-robin turn, on a connection inside the caller's transaction.

Plain SQL on a Core connection, so the bulk intake path (no ORM) and the
services' sessions (``session.connection()``) share it. Callers hold the
store's write transaction: ``BEGIN IMMEDIATE`` on SQLite; on PostgreSQL the
write lock, and :func:`take_turn` also locks the roster rows it reads.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, text

from cockpit_tui.store.codec import from_micros, to_micros


def on_duty(connection: Connection) -> list[tuple[str, datetime]]:
    """Who is on duty and since when, in the order the next leads go to them."""
    rows = connection.execute(text("SELECT name, since_at FROM duty ORDER BY turn, name"))
    return [(str(name), from_micros(int(since))) for name, since in rows]


def is_on_duty(connection: Connection, *, name: str) -> bool:
    """Whether ``name`` is on duty."""
    found = connection.scalar(text("SELECT name FROM duty WHERE name = :name"), {"name": name})
    return found is not None


def _last_turn(connection: Connection) -> int:
    return int(connection.scalar(text("SELECT MAX(turn) FROM duty")) or 0)


def start_duty(connection: Connection, *, name: str, at: datetime) -> bool:
    """Put a team member on duty, at the end of the turn; False if they already were."""
    if is_on_duty(connection, name=name):
        return False
    connection.execute(
        text("INSERT INTO duty (name, since_at, turn) VALUES (:name, :at, :turn)"),
        {"name": name, "at": to_micros(at), "turn": _last_turn(connection) + 1},
    )
    return True


def end_duty(connection: Connection, *, name: str) -> bool:
    """Take someone off duty; False if they were not on it."""
    result = connection.execute(text("DELETE FROM duty WHERE name = :name"), {"name": name})
    return bool(result.rowcount)


def take_turns(connection: Connection, count: int) -> list[str]:
    """The next ``count`` turns at once (a batch of new leads), the roster rotated past them.

    Same result as ``count`` calls of :func:`take_turn`, in three statements.

    Returns:
        One name per turn, in order; empty when nobody is on duty.
    """
    lock = " FOR UPDATE" if connection.dialect.name == "postgresql" else ""
    names = [
        str(name)
        for (name,) in connection.execute(text(f"SELECT name FROM duty ORDER BY turn, name{lock}"))
    ]
    if not names or count <= 0:
        return []
    turns = [names[index % len(names)] for index in range(count)]
    shift = count % len(names)
    rotated = names[shift:] + names[:shift]
    last = _last_turn(connection)
    connection.execute(
        text("UPDATE duty SET turn = :turn WHERE name = :name"),
        [{"turn": last + 1 + place, "name": name} for place, name in enumerate(rotated)],
    )
    return turns


def take_turn(connection: Connection, *, skip: str | None = None) -> str | None:
    """The salesperson whose turn it is, moved to the end of the turn.

    Args:
        connection: Inside the caller's write transaction.
        skip: Someone who must not get it (the salesperson a lead is rescued from).

    Returns:
        Their name; None when nobody (but ``skip``) is on duty.
    """
    lock = " FOR UPDATE" if connection.dialect.name == "postgresql" else ""
    names = [
        str(name)
        for (name,) in connection.execute(text(f"SELECT name FROM duty ORDER BY turn, name{lock}"))
    ]
    if not names:
        return None
    chosen = next((name for name in names if name != skip), None)
    if chosen is None:
        return None
    connection.execute(
        text("UPDATE duty SET turn = :turn WHERE name = :name"),
        {"turn": _last_turn(connection) + 1, "name": chosen},
    )
    return chosen
