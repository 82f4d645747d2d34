"""Constants shared by the ORM engine and the plain reader (no SQLAlchemy import)."""

#: How long a writer (or reader) waits for SQLite's lock before giving up, in milliseconds.
BUSY_TIMEOUT_MS = 15_000
#: Key of the transaction-level advisory lock that serialises writers on PostgreSQL,
#: so change-log ids become visible in the order they were taken.
PG_WRITE_LOCK = 0x0C0C_7017
