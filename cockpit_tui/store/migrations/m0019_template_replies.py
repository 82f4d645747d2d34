"""Migration 19: replies sent as approved WhatsApp templates (issue 17).

Outside WhatsApp's 24-hour window only a template the business had approved
may be sent. ``whatsapp_template_reply`` holds, for each outbound message
queued that way, the template's name, its language code and the values of
its body parameters (a JSON list of strings, ``{{1}}``, ``{{2}}`` … in order);
the message's own ``body`` keeps the filled text the conversation shows.
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 19
DESCRIPTION = "replies sent as WhatsApp templates"


def upgrade(connection: sa.Connection) -> None:
    """Create the table."""
    connection.exec_driver_sql(
        "CREATE TABLE whatsapp_template_reply ("
        "message_id INTEGER PRIMARY KEY REFERENCES message(id), "
        "template_name VARCHAR(100) NOT NULL, language VARCHAR(10) NOT NULL, "
        "parameters VARCHAR(4000) NOT NULL)"
    )
