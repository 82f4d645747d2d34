"""Migration 12: what the LGPD rights need (issue 19).

- ``consent``: a customer's consent per channel (granted or revoked), when and
  where it came from; a new record per change, the latest one counts;
- ``audit``: who exported or erased which customer, retention runs and
  backups written, never the personal data itself;
- ``customer.erased_at``: when a customer was anonymised (retention skips them).
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 12
DESCRIPTION = "consent records, audit log, erased customers"

_metadata = sa.MetaData()
sa.Table("customer", _metadata, sa.Column("id", sa.Integer, primary_key=True))
sa.Table(
    "consent",
    _metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("customer_id", sa.Integer, sa.ForeignKey("customer.id"), nullable=False),
    sa.Column("channel", sa.String(10), nullable=False),
    sa.Column("state", sa.String(10), nullable=False),
    sa.Column("source", sa.String(20), nullable=False),
    sa.Column("actor", sa.String(100), nullable=False),
    sa.Column("at", sa.BigInteger, nullable=False),
    sa.Index("ix_consent_customer", "customer_id", "channel", "id"),
)
sa.Table(
    "audit",
    _metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("at", sa.BigInteger, nullable=False),
    sa.Column("actor", sa.String(100), nullable=False),
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("customer_id", sa.Integer, sa.ForeignKey("customer.id")),
    sa.Column("count", sa.Integer),
    sa.Column("detail", sa.String(1000)),
    sa.Index("ix_audit_at", "at"),
)


def upgrade(connection: sa.Connection) -> None:
    """Create the two tables and add ``customer.erased_at``."""
    for name in ("consent", "audit"):
        _metadata.tables[name].create(connection)
    connection.exec_driver_sql("ALTER TABLE customer ADD COLUMN erased_at BIGINT")
