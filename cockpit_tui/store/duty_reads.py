"""The duty roster on the board's plain DB-API reader (the header's "na loja: …", issue 15)."""

from __future__ import annotations

from cockpit_tui.store.reader import StoreReader


def on_duty_names(reader: StoreReader) -> list[str]:
    """Who is on duty, in the order the next leads go to them (the roster is a few rows)."""
    return [str(name) for (name,) in reader.fetchall("SELECT name FROM duty ORDER BY turn, name")]
