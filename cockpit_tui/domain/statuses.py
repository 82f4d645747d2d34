"""The six lead statuses of the board, in board order, with stable codes."""

from __future__ import annotations

import unicodedata
from enum import StrEnum


class Status(StrEnum):
    """A lead's place on the board. The value is the stable code stored and typed in scripts."""

    NEW = "new"
    NEGOTIATING = "negotiating"
    AWAITING_VISIT = "awaiting_visit"
    VISITED = "visited"
    SOLD = "sold"
    LOST = "lost"

    @property
    def position(self) -> int:
        """The 1-based column number (the key that focuses the column)."""
        return STATUS_ORDER.index(self) + 1

    @property
    def is_closed(self) -> bool:
        """True for sold and not sold: the negotiation ended."""
        return self in CLOSED_STATUSES

    def next(self) -> Status | None:
        """The status one column to the right, or None at the last column."""
        index = STATUS_ORDER.index(self)
        return STATUS_ORDER[index + 1] if index + 1 < len(STATUS_ORDER) else None

    def previous(self) -> Status | None:
        """The status one column to the left, or None at the first column."""
        index = STATUS_ORDER.index(self)
        return STATUS_ORDER[index - 1] if index > 0 else None


STATUS_ORDER: tuple[Status, ...] = tuple(Status)
CLOSED_STATUSES: frozenset[Status] = frozenset({Status.SOLD, Status.LOST})

STATUS_LABELS: dict[str, dict[Status, str]] = {
    "pt": {
        Status.NEW: "Nova proposta",
        Status.NEGOTIATING: "Em negociação",
        Status.AWAITING_VISIT: "Aguardando visita",
        Status.VISITED: "Visita realizada",
        Status.SOLD: "Vendidos",
        Status.LOST: "Não vendidos",
    },
    "en": {
        Status.NEW: "New proposal",
        Status.NEGOTIATING: "Negotiating",
        Status.AWAITING_VISIT: "Awaiting visit",
        Status.VISITED: "Visit done",
        Status.SOLD: "Sold",
        Status.LOST: "Not sold",
    },
}


def status_label(status: Status, lang: str = "pt") -> str:
    """The column label of a status in a language ("pt" or "en")."""
    return STATUS_LABELS.get(lang, STATUS_LABELS["pt"])[status]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("-", "_")


_LOOKUP: dict[str, Status] = {}
for _status in STATUS_ORDER:
    _LOOKUP[_fold(_status.value)] = _status
    _LOOKUP[str(_status.position)] = _status
    for _labels in STATUS_LABELS.values():
        _LOOKUP[_fold(_labels[_status])] = _status


def parse_status(text: str) -> Status | None:
    """Read a status from its code, its column number or a pt/en label.

    Case, accents and surrounding blanks are ignored: "nao vendidos", "LOST" and
    "6" all give ``Status.LOST``.

    Returns:
        The status, or None when the text names none.
    """
    return _LOOKUP.get(_fold(text))
