"""Migration 1: the initial schema (customers, leads, messages, history, change log).

A frozen copy of the tables as they were at version 1: later migrations
change the schema with their own statements, never by editing this one.
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 1
DESCRIPTION = "initial schema"

_metadata = sa.MetaData()

sa.Table(
    "store_setting",
    _metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.String(200), nullable=False),
)
sa.Table(
    "customer",
    _metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("phone", sa.String(32)),
    sa.Column("email", sa.String(200)),
    sa.Column("created_at", sa.BigInteger, nullable=False),
)
sa.Table(
    "lead",
    _metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("customer_id", sa.Integer, sa.ForeignKey("customer.id"), nullable=False),
    sa.Column("previous_lead_id", sa.Integer, sa.ForeignKey("lead.id")),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("assigned_to", sa.String(100)),
    sa.Column("vehicle", sa.String(200)),
    sa.Column("price", sa.BigInteger),
    sa.Column("source", sa.String(200)),
    sa.Column("external_id", sa.String(200)),
    sa.Column("created_at", sa.BigInteger, nullable=False),
    sa.Column("last_activity_at", sa.BigInteger, nullable=False),
    sa.Column("attention_at", sa.BigInteger),
    sa.Column("unread_count", sa.Integer, nullable=False),
    sa.Column("needs_attention", sa.Integer, nullable=False),
    sa.Column("sort_at", sa.BigInteger, nullable=False),
    sa.Column("next_appointment_at", sa.BigInteger),
    sa.CheckConstraint(
        "status IN ('new','negotiating','awaiting_visit','visited','sold','lost')",
        name="ck_lead_status",
    ),
)
sa.Table(
    "message",
    _metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("lead_id", sa.Integer, sa.ForeignKey("lead.id"), nullable=False),
    sa.Column("direction", sa.String(3), nullable=False),
    sa.Column("body", sa.String(4000), nullable=False),
    sa.Column("at", sa.BigInteger, nullable=False),
    sa.Column("author", sa.String(100)),
    sa.Column("read_at", sa.BigInteger),
    sa.Column("delivered_at", sa.BigInteger),
)
sa.Table(
    "status_change",
    _metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("lead_id", sa.Integer, sa.ForeignKey("lead.id"), nullable=False),
    sa.Column("from_status", sa.String(20), nullable=False),
    sa.Column("to_status", sa.String(20), nullable=False),
    sa.Column("actor", sa.String(100), nullable=False),
    sa.Column("at", sa.BigInteger, nullable=False),
    sa.Column("version_after", sa.Integer, nullable=False),
    sa.Column("undo_of", sa.Integer, sa.ForeignKey("status_change.id")),
    sa.Column("undone_at", sa.BigInteger),
)
sa.Table(
    "appointment",
    _metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("lead_id", sa.Integer, sa.ForeignKey("lead.id"), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("at", sa.BigInteger, nullable=False),
    sa.Column("occurred", sa.Boolean),
    sa.Column("created_by", sa.String(100), nullable=False),
    sa.Column("created_at", sa.BigInteger, nullable=False),
)
sa.Table(
    "outcome",
    _metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("lead_id", sa.Integer, sa.ForeignKey("lead.id"), nullable=False),
    sa.Column("kind", sa.String(10), nullable=False),
    sa.Column("price", sa.BigInteger),
    sa.Column("payment_method", sa.String(20)),
    sa.Column("trade_in", sa.String(200)),
    sa.Column("lost_reason", sa.String(30)),
    sa.Column("note", sa.String(4000)),
    sa.Column("actor", sa.String(100), nullable=False),
    sa.Column("at", sa.BigInteger, nullable=False),
)
sa.Table(
    "change_log",
    _metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("at", sa.BigInteger, nullable=False),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("lead_id", sa.Integer),
    sa.Column("actor", sa.String(100), nullable=False),
)


def upgrade(connection: sa.Connection) -> None:
    """Create the version-1 tables."""
    _metadata.create_all(connection)
