"""Migration 13: the salesperson's day — corrected fields, moved appointments, reply templates.

- ``lead_edit``: every correction of a lead's field (who, when, old and new value);
- ``appointment.ended`` / ``end_reason`` / ``replaces_id``: an appointment
  rescheduled (replaced by a new one) or cancelled (with an optional reason);
  an index on ``appointment.at`` for the day's agenda;
- ``reply_template``: the store's reply templates, with a ``marketing`` flag
  (consent rules) and the WhatsApp-approved template name and language they
  match (the 24-hour rule).
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 13
DESCRIPTION = "lead edits, rescheduled and cancelled appointments, reply templates"

_metadata = sa.MetaData()
sa.Table("lead", _metadata, sa.Column("id", sa.Integer, primary_key=True))
sa.Table(
    "lead_edit",
    _metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("lead_id", sa.Integer, sa.ForeignKey("lead.id"), nullable=False),
    sa.Column("field", sa.String(20), nullable=False),
    sa.Column("old_value", sa.String(200)),
    sa.Column("new_value", sa.String(200)),
    sa.Column("actor", sa.String(100), nullable=False),
    sa.Column("at", sa.BigInteger, nullable=False),
    sa.Index("ix_lead_edit_lead", "lead_id", "id"),
)
sa.Table(
    "reply_template",
    _metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(60), nullable=False, unique=True),
    sa.Column("body", sa.String(2000), nullable=False),
    sa.Column("marketing", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("whatsapp_template", sa.String(100)),
    sa.Column("whatsapp_language", sa.String(10)),
    sa.Column("updated_by", sa.String(100), nullable=False),
    sa.Column("updated_at", sa.BigInteger, nullable=False),
)


def upgrade(connection: sa.Connection) -> None:
    """Create the two tables, add the appointment columns and the agenda's index."""
    for name in ("lead_edit", "reply_template"):
        _metadata.tables[name].create(connection)
    connection.exec_driver_sql("ALTER TABLE appointment ADD COLUMN ended VARCHAR(20)")
    connection.exec_driver_sql("ALTER TABLE appointment ADD COLUMN end_reason VARCHAR(200)")
    connection.exec_driver_sql("ALTER TABLE appointment ADD COLUMN replaces_id INTEGER")
    connection.exec_driver_sql("CREATE INDEX ix_appointment_at ON appointment (at)")
