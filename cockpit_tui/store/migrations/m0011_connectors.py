"""Migration 11: what ``cockpit serve`` keeps in the store.

- ``api_token``: who may post events (the SHA-256 of each token, never the token).
- ``whatsapp_delivery``: one row per outbound reply the server handles: its
  state (queued, sending, retry, sent, delivered, read, failed), the claim
  taken before each send attempt, the retry schedule, WhatsApp's message id
  and the API's error text.
- ``server_lease``: which ``cockpit serve`` process delivers the outbox now.
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 11
DESCRIPTION = "connectors: API tokens, WhatsApp delivery, server lease"


def upgrade(connection: sa.Connection) -> None:
    """Create the three tables and their indexes."""
    connection.exec_driver_sql(
        "CREATE TABLE api_token ("
        "name VARCHAR(100) PRIMARY KEY, token_hash VARCHAR(64) NOT NULL UNIQUE, "
        "created_by VARCHAR(100) NOT NULL, created_at BIGINT NOT NULL, revoked_at BIGINT)"
    )
    connection.exec_driver_sql(
        "CREATE TABLE whatsapp_delivery ("
        "message_id INTEGER PRIMARY KEY REFERENCES message(id), "
        "state VARCHAR(12) NOT NULL, state_at BIGINT NOT NULL, "
        "attempts INTEGER NOT NULL DEFAULT 0, first_attempt_at BIGINT, next_attempt_at BIGINT, "
        "claim_token VARCHAR(64), claimed_by VARCHAR(200), claimed_at BIGINT, "
        "wa_message_id VARCHAR(200) UNIQUE, error VARCHAR(400))"
    )
    connection.exec_driver_sql(
        "CREATE INDEX ix_whatsapp_delivery_state ON whatsapp_delivery (state, next_attempt_at)"
    )
    connection.exec_driver_sql(
        "CREATE TABLE server_lease ("
        "name VARCHAR(40) PRIMARY KEY, holder VARCHAR(200) NOT NULL, expires_at BIGINT NOT NULL)"
    )
