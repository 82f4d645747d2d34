"""Board queries: counts, pages of a column in board order, and what changed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from cockpit_tui.domain.cards import Change, ColumnPage, LeadCard
from cockpit_tui.domain.filters import LeadFilter
from cockpit_tui.domain.statuses import STATUS_ORDER, Status
from cockpit_tui.services.card_rows import card_from_row, change_from_row
from cockpit_tui.services.clock import Clock, SystemClock
from cockpit_tui.services.filtering import LeadScope, Where, build_scope, clause_of
from cockpit_tui.store.board_keys import board_key, board_key_of_row
from cockpit_tui.store.codec import to_micros
from cockpit_tui.store.handle import Store
from cockpit_tui.store.reader import BoardKey, Clause, Row, StoreReader

if TYPE_CHECKING:
    from cockpit_tui.domain.business_time import BusinessCalendar
    from cockpit_tui.services.lead_list import ListQuery, ListSource
    from cockpit_tui.services.next_lead import NextReason


#: Cards per page when a caller does not say.
DEFAULT_PAGE_SIZE = 50
#: Most matches a search ranks in one read (see :meth:`BoardService.first_pages`).
WINDOWED_MATCHES = 5000


class BoardService:
    """Read side of the board, over the store's plain DB-API reader (no ORM).

    Safe to call from one worker thread at a time besides the UI thread: the
    reader serialises its queries, and the only state kept is the poll's
    last seen data version.

    Args:
        store: The open store.
        actor: The salesperson ("only mine" filters on them).
        clock: The time source (overdue and stale filters).
    """

    def __init__(self, store: Store, *, actor: str = "", clock: Clock | None = None) -> None:
        self._store = store
        self._reader = store.reader
        self._actor = actor
        self._clock = clock or SystemClock()
        self._seen_data_version: int | None = None
        self._loaded_calendar: BusinessCalendar | None = None

    def scope(self, lead_filter: LeadFilter) -> LeadScope | None:
        """What ``lead_filter`` keeps, to pass to the board and list queries; None keeps all.

        Built once per filter change: "overdue" and "stale" are fixed at this moment.
        """
        if not lead_filter.active:
            return None
        spellings: list[str] = []
        if lead_filter.source:
            from cockpit_tui.domain.sources import spellings_of
            from cockpit_tui.store.source_reads import recorded_sources

            spellings = spellings_of(lead_filter.source, recorded_sources(self._reader))
        return build_scope(
            lead_filter,
            actor=self._actor,
            now=self._clock.now(),
            sqlite=self._store.url.is_sqlite,
            source_spellings=spellings,
        )

    def list_source(self, query: ListQuery, where: Where = None) -> ListSource:
        """The list view's leads for ``query``, narrowed by ``where``, for a page cache."""
        from cockpit_tui.services.lead_list import ListSource  # lazy: the list's first use

        return ListSource(self._store, query, where)

    def counts(self, where: Where = None) -> dict[Status, int]:
        """Leads per column, every status present (zero when empty); one GROUP BY.

        Args:
            where: Count only the leads a search or filter keeps.
        """
        found = self._reader.counts(clause_of(where))
        return {status: found.get(status.value, 0) for status in STATUS_ORDER}

    def asking_totals(self, where: Where = None) -> dict[Status, Decimal]:
        """Total asking price (R$) per column, every status present; one GROUP BY.

        Args:
            where: Add up only the leads a search or filter keeps.
        """
        found = self._reader.asking_totals(clause_of(where))
        return {status: Decimal(found.get(status.value, 0)) / 100 for status in STATUS_ORDER}

    def first_pages(self, where: LeadScope, *, limit: int) -> dict[Status, ColumnPage]:
        """Every column's first ``limit`` cards and count under ``where``.

        What a search shows when it is typed: the same cards and counts as
        :meth:`counts` and :meth:`cards_at` at offset 0 give, read on the
        store's search reader (see :meth:`interrupt_search`). Up to
        :data:`WINDOWED_MATCHES` matches it is one read (one match instead of
        seven). A broader match (a common term) is counted and then read
        column by column, where each column's first page comes early in the
        board's index. A search of short terms only (one or two letters: no
        trigram look-up, every document is read) is counted first, and a
        broad one then reads each column's first page by walking the board's
        index and checking each lead's document, which stops after a page
        instead of listing every match first.
        """
        reader, clause = self._store.search_reader, where.clause
        cards: dict[str, list[LeadCard]] = {}
        # Short terms are counted first: the count tells whether ranking would pay.
        counted = reader.counts(clause) if clause.scans else None
        totals = counted or {}
        broad = sum(totals.values()) > WINDOWED_MATCHES
        if counted != {} and not broad:  # (a counted match that kept nothing has no page)
            for total, row in reader.first_rows(clause, limit=limit + 1, cap=WINDOWED_MATCHES):
                card = card_from_row(row)
                totals[card.status.value] = total
                cards.setdefault(card.status.value, []).append(card)
            if sum(totals.values()) > WINDOWED_MATCHES:
                broad, totals = True, reader.counts(clause)
        if broad:
            walk = Clause(clause.walk_sql or clause.sql, clause.params)
            cards = {
                status: [
                    card_from_row(row)
                    for row in reader.column_rows(status, limit=limit + 1, where=walk)
                ]
                for status, count in totals.items()
                if count
            }
        pages = {}
        for status in STATUS_ORDER:
            found = cards.get(status.value, [])
            pages[status] = ColumnPage(
                status=status,
                total=totals.get(status.value, 0),
                cards=tuple(found[:limit]),
                has_more=len(found) > limit,
            )
        return pages

    def interrupt_search(self) -> None:
        """Stop the search read running now, if any (more keys were typed: it is stale).

        The interrupted :meth:`first_pages` raises
        :class:`~cockpit_tui.domain.errors.StoreUnavailableError` in its
        thread; only the search reader is touched, so the poll and the
        columns' reads go on. On PostgreSQL a cancel request is sent from a
        thread of its own (the read stops when the server takes it).
        """
        self._store.interrupt_search()

    def find(self, where: LeadScope, *, limit: int = 8) -> list[LeadCard]:
        """Leads ``where`` keeps (a search), the ones needing attention first."""
        rows = self._reader.matching_rows(where.clause, limit=limit)
        return [card_from_row(row) for row in rows]

    def shows(self, lead_id: int, where: Where) -> bool:
        """Whether a lead exists and ``where`` keeps it."""
        return self._reader.card_row(lead_id, clause_of(where)) is not None

    def sources(self) -> list[str]:
        """The sources leads came from (Webmotors, OLX, …), for the source filter: each once,
        however it was spelled ("Telefone", "telefone"), as first recorded."""
        from cockpit_tui.store.source_reads import known_sources

        return known_sources(self._reader)

    def attention_count(self) -> int:
        """How many leads need an interaction (the header's "N precisam de atenção")."""
        return self._reader.attention_count()

    def column_page(
        self,
        status: Status,
        *,
        offset: int = 0,
        limit: int = DEFAULT_PAGE_SIZE,
        after: LeadCard | None = None,
        total: int | None = None,
    ) -> ColumnPage:
        """A window of one column in board order.

        Args:
            status: The column.
            offset: Cards to skip (jumps such as End); ignored with ``after``.
            limit: Most cards to return.
            after: Continue after this card as the caller saw it (keyset paging).
            total: The column's count, if the caller already has it.
        """
        key = board_key(after) if after is not None else None
        rows = self._reader.column_rows(status.value, limit=limit + 1, offset=offset, after=key)
        cards = tuple(card_from_row(row) for row in rows[:limit])
        if total is None:
            total = self._reader.counts().get(status.value, 0)
        return ColumnPage(status=status, total=total, cards=cards, has_more=len(rows) > limit)

    def cards_after(
        self, status: Status, card: LeadCard, *, limit: int, where: Where = None
    ) -> list[LeadCard]:
        """Up to ``limit`` cards that follow ``card`` (as the caller saw it) in its column."""
        rows = self._reader.column_rows(
            status.value, limit=limit, after=board_key(card), where=clause_of(where)
        )
        return [card_from_row(row) for row in rows]

    def cards_before(
        self, status: Status, card: LeadCard, *, limit: int, where: Where = None
    ) -> list[LeadCard]:
        """Up to ``limit`` cards that precede ``card`` in its column, in board order."""
        rows = self._reader.column_rows(
            status.value, limit=limit, before=board_key(card), where=clause_of(where)
        )
        return [card_from_row(row) for row in rows]

    def cards_at(
        self, status: Status, *, offset: int, limit: int, where: Where = None
    ) -> list[LeadCard]:
        """Up to ``limit`` cards from position ``offset`` of a column (cost grows with offset)."""
        rows = self._reader.column_rows(
            status.value, limit=limit, offset=offset, where=clause_of(where)
        )
        return [card_from_row(row) for row in rows]

    def last_cards(self, status: Status, *, limit: int, where: Where = None) -> list[LeadCard]:
        """The last ``limit`` cards of a column, in board order (as cheap as the first page)."""
        rows = self._reader.column_tail(status.value, limit=limit, where=clause_of(where))
        return [card_from_row(row) for row in rows]

    def rank_of(self, card: LeadCard, where: Where = None) -> int:
        """How many cards precede ``card`` (as the caller saw it) in its column."""
        return self._reader.rank_in_column(card.status.value, board_key(card), clause_of(where))

    def urgent_leads(
        self, now: datetime, *, limit: int = 200, where: Where = None
    ) -> list[LeadCard]:
        """Leads in the order a salesperson should take them up (``space``).

        First the leads waiting for a response still inside their SLA, the
        nearest deadline first (a new lead or a customer's reply, each on its
        own clock); then those past it, the most recently breached first;
        then appointments overdue and due today; then the rest (on top for
        attention first, then the one waiting longest).

        Args:
            now: The present.
            limit: Most leads of each group; the groups after the one that
                brings the list to ``limit`` are not read.
            where: Only the leads a search or filter keeps.
        """
        return self._urgent_on(self._reader, now, limit=limit, where=where)

    def next_lead_under(self, now: datetime, where: Where) -> int | None:
        """The lead ``space`` would pick first under ``where`` (the board's "▶ próximo").

        Read on the store's search reader, right after a search's
        :meth:`first_pages`, so that the search's frame shows the mark with
        its cards, and a newer search interrupts this read too
        (:meth:`interrupt_search`): under a search of one letter it reads
        every document, as the search does.
        """
        urgent = self._urgent_on(self._store.search_reader, now, limit=1, where=where)
        return urgent[0].id if urgent else None

    def _urgent_on(
        self, reader: StoreReader, now: datetime, *, limit: int, where: Where
    ) -> list[LeadCard]:
        seen: set[int] = set()
        ordered: list[LeadCard] = []
        clause = clause_of(where)
        now_us = to_micros(now)
        end_of_day = to_micros(
            now.astimezone().replace(hour=23, minute=59, second=59, microsecond=0)
        )

        def due() -> list[Row]:
            return reader.due_appointment_rows(until=end_of_day, limit=limit, where=clause)

        groups: tuple[Callable[[], list[Row]], ...] = (
            lambda: reader.in_time_rows(now=now_us, limit=limit, where=clause),
            lambda: reader.breached_rows(now=now_us, limit=limit, where=clause),
            due,
            lambda: reader.urgent_rows(limit=limit, where=clause),
            lambda: reader.waiting_rows(limit=limit, where=clause),
        )
        for group in groups:
            # Issue 15's bench: once ``limit`` leads are in hand nobody walks past them with
            # ``space``, and the later groups sort every lead on top (1 s at 100,000 leads).
            if len(ordered) >= limit:
                break
            for row in group():
                card = card_from_row(row)
                if group is due and card.status.is_closed:
                    continue  # a sold or lost lead's pending visit is moot, not due
                if card.id not in seen:
                    seen.add(card.id)
                    ordered.append(card)
        return ordered

    def now(self) -> datetime:
        """The present, by the service's clock."""
        return self._clock.now()

    def breached_count(self, now: datetime) -> int:
        """How many leads wait past their SLA at ``now`` (the header's "N fora do prazo")."""
        return self._reader.breached_count(now=to_micros(now))

    def why_next(self, card: LeadCard, now: datetime) -> NextReason:
        """Why ``space`` picked ``card`` at ``now`` (minutes in business time)."""
        from cockpit_tui.services.next_lead import reason_for

        return reason_for(card, now, self._calendar())

    def minutes_waited(self, since: datetime, now: datetime) -> int | None:
        """Business minutes from ``since`` to ``now``; None until :meth:`load_calendar` ran."""
        calendar = self._loaded_calendar
        if calendar is None:
            return None
        return int(calendar.seconds_between(since, now)) // 60 if now > since else 0

    def load_calendar(self, now: datetime) -> None:
        """Load the store's calendar and this year's holidays (~1 s once: run it in a worker)."""
        calendar = self._calendar()
        calendar.seconds_between(now - timedelta(days=1), now)
        self._loaded_calendar = calendar

    def _calendar(self) -> BusinessCalendar:
        from cockpit_tui.domain.calendar_values import calendar_from_values
        from cockpit_tui.domain.store_settings import setting_spec

        def value(key: str) -> str | None:
            stored = self._reader.setting(key)
            return setting_spec(key).default if stored is None else (stored or None)

        return calendar_from_values(
            business_hours=value("business_hours"),
            timezone=value("timezone"),
            holidays=value("holidays"),
            extra_holidays=value("extra_holidays"),
        )

    def position_of(self, lead_id: int, where: Where = None) -> tuple[Status, int] | None:
        """Which column a lead is in and its index there; None if ``where`` leaves it out."""
        row = self._reader.card_row(lead_id, clause_of(where))
        if row is None:
            return None
        card = card_from_row(row)
        key: BoardKey = board_key_of_row(row)
        return card.status, self._reader.rank_in_column(card.status.value, key, clause_of(where))

    def on_duty_names(self) -> list[str]:
        """Who is on duty ("na loja"), in the order the next leads go to them (issue 15)."""
        from cockpit_tui.store.duty_reads import on_duty_names

        return on_duty_names(self._reader)

    def last_mover(self, lead_id: int) -> str | None:
        """Who made the lead's latest move (None: it was never moved)."""
        return self._reader.last_mover(lead_id)

    def leads_in_board_order(self, status: Status | None = None) -> list[LeadCard]:
        """Every lead, column by column in DESIGN order, each column in board order."""
        rows = self._reader.all_rows_in_board_order(status.value if status else None)
        return [card_from_row(row) for row in rows]

    def last_change_id(self) -> int:
        """The newest change-log id (a board remembers it to ask what changed since)."""
        return self._reader.last_change_id()

    def changes_since(self, change_id: int, *, limit: int = 1000) -> list[Change]:
        """Changes committed after ``change_id``, oldest first."""
        return [change_from_row(row) for row in self._reader.changes_since(change_id, limit=limit)]

    def acknowledge_own_change(self, change_id: int) -> None:
        """Tell the poll that this user's own write is already on screen.

        Only when nothing was committed after it: the poll then has no reason
        to re-read the board, while anybody else's later commit still shows.
        """
        version = self._reader.data_version()
        if self._reader.last_change_id() == change_id:
            self._seen_data_version = version

    def has_new_commits(self) -> bool:
        """Cheap poll: True when someone committed since the last call.

        On SQLite this reads ``PRAGMA data_version`` (microseconds, no table
        touched); the first call only records the starting point.
        """
        version = self._reader.data_version()
        changed = self._seen_data_version is not None and version != self._seen_data_version
        self._seen_data_version = version
        return changed
