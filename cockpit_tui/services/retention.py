"""Retention: personal data kept only as long as the store decided (``retention_months``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from cockpit_tui.domain.customers import AuditAction
from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.services.clock import Clock
from cockpit_tui.store.handle import Store

ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class RetentionResult:
    """What a retention run did (or, dry, would do).

    Attributes:
        months: The setting in effect.
        inactive_before: Customers idle since before this instant qualified.
        due: Customers that qualified.
        erased: Customers anonymised (0 on a dry run).
        skipped_in_flight: Customers left for the next run: a reply to them awaits delivery.
    """

    months: int
    inactive_before: datetime
    due: int
    erased: int
    skipped_in_flight: int


def months_before(instant: datetime, months: int) -> datetime:
    """The same day and time ``months`` calendar months earlier (clamped to the month's end)."""
    import calendar

    index = instant.year * 12 + instant.month - 1 - months
    year, month = divmod(index, 12)
    day = min(instant.day, calendar.monthrange(year, month + 1)[1])
    return instant.replace(year=year, month=month + 1, day=day)


class RetentionService:
    """Anonymises customers whose negotiations all ended and went quiet long enough.

    Args:
        store: The open store.
        actor: Who runs it (recorded in the audit table).
        clock: Time source.
    """

    def __init__(self, store: Store, *, actor: str, clock: Clock) -> None:
        self._store = store
        self._actor = actor
        self._clock = clock

    def run(
        self, *, dry_run: bool = False, on_progress: ProgressCallback | None = None
    ) -> RetentionResult:
        """Anonymise every due customer, one transaction each; record the run.

        A customer qualifies when they were not erased yet, every negotiation
        is sold or lost, and none had activity in the last ``retention_months``.

        Raises:
            InvalidInputError: ``retention_months`` is off.
        """
        from cockpit_tui.services.customers import DeliveryInFlightError, erase_in
        from cockpit_tui.services.settings import SettingsService
        from cockpit_tui.store.consent_audit import insert_audit
        from cockpit_tui.store.customer_data import retention_candidates
        from cockpit_tui.store.engine import read_session, write_session
        from cockpit_tui.store.scrub import overwriting_freed_space, truncate_wal

        setting = SettingsService(self._store, actor=self._actor, clock=self._clock).value(
            "retention_months"
        )
        if setting is None:
            raise InvalidInputError("error.retention_off")
        months = int(setting)
        now = self._clock.now()
        cutoff = months_before(now, months)
        with read_session(self._store.engine) as session:
            due = retention_candidates(session, inactive_before=cutoff)
        erased = skipped = 0
        if not dry_run:
            for done, customer_id in enumerate(due, start=1):
                try:
                    with (
                        write_session(self._store.engine) as session,
                        overwriting_freed_space(session),
                    ):
                        erase_in(
                            session, customer_id, actor=self._actor, at=now, detail="retention"
                        )
                    erased += 1
                except DeliveryInFlightError:
                    skipped += 1
                if on_progress is not None:
                    on_progress(done, len(due))
        with write_session(self._store.engine) as session:
            insert_audit(
                session,
                action=AuditAction.RETENTION,
                actor=self._actor,
                at=now,
                count=len(due) if dry_run else erased,
                detail=f"dry-run, {months} months" if dry_run else f"{months} months",
            )
        if erased:
            truncate_wal(self._store.engine)
        return RetentionResult(months, cutoff, len(due), erased, skipped)
