"""A lead's search document: its folded values, the text the search index holds for it.

Pure functions (no SQL): the import's validation workers build each new
lead's document without loading the store's SQL toolkit;
:mod:`cockpit_tui.store.search_index` writes and reads them.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from cockpit_tui.domain.filters import fold

if TYPE_CHECKING:
    from cockpit_tui.domain.intake import RecordValues

#: Characters of a lead's newest messages kept in its document (older ones are not searched).
MAX_DOC_MESSAGE_CHARS = 8000

#: Vehicles, sources and short messages repeat from lead to lead (an import folds each once).
_fold_repeated = lru_cache(maxsize=4096)(fold)


def document_text(
    name: str | None,
    phone: str | None,
    email: str | None,
    vehicle: str | None,
    source: str | None,
    bodies: Sequence[str],
) -> str:
    """A lead's search document from its customer's and its own values, messages oldest first."""
    messages = " ".join(bodies)
    # An import's messages are often a portal's template: folded once each when short.
    folded = _fold_repeated(messages) if len(messages) <= 500 else fold(messages)
    parts = (
        fold(name or ""),
        (phone or "").lstrip("+"),
        (email or "").lower(),
        _fold_repeated(vehicle or ""),
        _fold_repeated(source or ""),
        folded[-MAX_DOC_MESSAGE_CHARS:],
    )
    return " ".join(filter(None, parts))


def values_document(values: RecordValues) -> str:
    """The document of a lead made of one record alone, given as its values (an import's rows)."""
    name, phone, email, vehicle, _price, source, message = values[:7]
    return document_text(name, phone, email, vehicle, source, [message] if message else [])
