"""Constants shared by the ORM engine and the plain reader (no SQLAlchemy import)."""

#: How long a writer (or reader) waits for SQLite's lock before giving up, in milliseconds.
BUSY_TIMEOUT_MS = 15_000
#: Key of the transaction-level advisory lock that serialises writers on PostgreSQL,
#: so change-log ids become visible in the order they were taken.
PG_WRITE_LOCK = 0x0C0C_7017
#: Bytes per database page of a SQLite store created from now on (an existing store keeps its
#: own: the size is fixed by the first write, and WAL mode cannot change it). SQLite's default
#: is 4,096; at 16,384 an import's writer finds, changes and logs a fourth of the pages per
#: chunk (its statements and commits: 0.2-0.5 s less CPU at 100,000 rows, bench/README.md
#: round 7); a small write logs more bytes (a move: 317 KB instead of 88 KB).
PAGE_SIZE = 16_384
