"""The audit table, read back: who exported or erased whom, retention runs, backups."""

from __future__ import annotations

from datetime import datetime

from cockpit_tui.domain.customers import AuditRecord
from cockpit_tui.store.handle import Store


def audit_records(store: Store, *, since: datetime | None = None) -> list[AuditRecord]:
    """The audit records from ``since`` on (all when None), oldest first."""
    from cockpit_tui.store.consent_audit import audit_rows
    from cockpit_tui.store.engine import read_session

    with read_session(store.engine) as session:
        rows = audit_rows(session, since=since)
    return [
        AuditRecord(
            id=row["id"],
            at=row["at"],
            actor=row["actor"],
            action=row["action"],
            customer_id=row["customer_id"],
            count=row["count"],
            detail=row["detail"],
        )
        for row in rows
    ]


def record_backup(store: Store, *, actor: str, at: datetime, destination: str) -> None:
    """Remember a backup's destination: it holds personal data that later erasures cannot reach."""
    from cockpit_tui.domain.customers import AuditAction
    from cockpit_tui.store.consent_audit import insert_audit
    from cockpit_tui.store.engine import write_session

    with write_session(store.engine) as session:
        insert_audit(session, action=AuditAction.BACKUP, actor=actor, at=at, detail=destination)
