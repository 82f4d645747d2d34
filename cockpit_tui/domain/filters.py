"""What narrows the board and the list: a search text and quick filters.

Pure rules: folding text for accent-free search, reading phone-like queries
as digits, and how long a lead may sit in each status before it is stale.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

from cockpit_tui.domain.records import Record, set_field
from cockpit_tui.domain.statuses import Status

_PHONE_LIKE = re.compile(r"[\d\s()+.\-]+")
#: Fewest digits for a query to be read as (part of) a phone number.
_PHONE_DIGITS = 4


class QuickFilter(StrEnum):
    """The one-key filters of ``f``."""

    MINE = "mine"
    UNASSIGNED = "unassigned"
    ATTENTION = "attention"
    UNREAD = "unread"
    OVERDUE = "overdue"
    STALE = "stale"


#: Days without activity after which a lead is stale, per status.
STALE_DAYS: dict[Status, int] = {
    Status.NEW: 2,
    Status.NEGOTIATING: 5,
    Status.AWAITING_VISIT: 3,
    Status.VISITED: 3,
    Status.SOLD: 30,
    Status.LOST: 30,
}


#: What folding keeps of text that decomposes into ASCII letters and combining marks (the
#: accents of Portuguese and most Latin-script names): ASCII and the marks of
#: U+0300–U+036F that :func:`unicodedata.combining` drops (all but the grapheme joiner).
_LATIN_DECOMPOSED = frozenset(map(chr, range(128))) | frozenset(
    mark for mark in map(chr, range(0x300, 0x370)) if unicodedata.combining(mark)
)


def fold(text: str) -> str:
    """Lower case without accents: "João Conceição" → "joao conceicao".

    The text is case-folded, decomposed (NFKD) and its combining marks are
    dropped. Latin text, whose decomposition is ASCII plus accents, drops them
    in one encoding step (every name and message of an import is folded).
    """
    lowered = text.casefold()
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    if _LATIN_DECOMPOSED.issuperset(decomposed):
        return decomposed.encode("ascii", "ignore").decode("ascii")
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def search_terms(text: str) -> tuple[str, ...]:
    """The terms a search text asks for, each to be found somewhere in a lead.

    A phone-like text ("(11) 98765-4321", "+55 11 9876") is one term of its
    digits; anything else is split on spaces and folded.
    """
    stripped = text.strip()
    digits = re.sub(r"\D", "", stripped)
    if stripped and _PHONE_LIKE.fullmatch(stripped) and len(digits) >= _PHONE_DIGITS:
        return (digits,)
    return tuple(term for term in fold(stripped).split() if term)


class LeadFilter(Record):
    """Everything that narrows what the board shows.

    Attributes:
        search: The search text as typed.
        quick: Quick filters, all of which must hold.
        source: Only leads from this source.
        salesperson: Only leads assigned to this salesperson.
    """

    __slots__ = ("quick", "salesperson", "search", "source")
    search: str
    quick: frozenset[QuickFilter]
    source: str | None
    salesperson: str | None

    def __init__(
        self,
        search: str = "",
        quick: frozenset[QuickFilter] = frozenset(),
        source: str | None = None,
        salesperson: str | None = None,
    ) -> None:
        set_field(self, "search", search)
        set_field(self, "quick", quick)
        set_field(self, "source", source)
        set_field(self, "salesperson", salesperson)

    @property
    def active(self) -> bool:
        """Whether anything is filtered out."""
        return bool(search_terms(self.search) or self.quick or self.source or self.salesperson)

    @property
    def has_quick_filters(self) -> bool:
        """Whether a quick filter (anything but the search) is on."""
        return bool(self.quick or self.source or self.salesperson)

    def with_search(self, text: str) -> LeadFilter:
        """The same filters with another search text."""
        return LeadFilter(text, self.quick, self.source, self.salesperson)

    def toggled(self, quick: QuickFilter) -> LeadFilter:
        """The filters with ``quick`` on or off (mine and unassigned exclude each other)."""
        chosen = set(self.quick)
        if quick in chosen:
            chosen.discard(quick)
        else:
            chosen.add(quick)
            exclusive = {QuickFilter.MINE, QuickFilter.UNASSIGNED}
            if quick in exclusive:
                chosen -= exclusive - {quick}
        return LeadFilter(self.search, frozenset(chosen), self.source, self.salesperson)

    def without_quick_filters(self) -> LeadFilter:
        """Only the search stays."""
        return LeadFilter(search=self.search)
