"""Applies the versioned migrations at start-up, after an online backup.

Each migration runs in its own transaction together with the row that
records its version, so a migration that fails leaves the schema and the
data exactly as the previous version had them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa

from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.store.backup import ProgressCallback, backup_sqlite_file
from cockpit_tui.store.codec import to_micros
from cockpit_tui.store.limits import PG_WRITE_LOCK
from cockpit_tui.store.migrations import LATEST_VERSION
from cockpit_tui.store.urls import StoreUrl

_MODULES = (
    "m0001_initial",
    "m0002_board_indexes",
    "m0003_superseded_moves",
    "m0004_appointment_index",
    "m0005_intake",
    "m0006_lead_record",
    "m0007_list_index",
    "m0008_search_index",
    "m0009_unmatched_messages",
    "m0010_duty",
    "m0011_connectors",
    "m0012_customer_rights",
    "m0013_day_tools",
    "m0014_response_clock",
    "m0015_undo_restores",
    "m0016_report_indexes",
    "m0017_rescue_previous",
    "m0018_report_responses",
    "m0019_template_replies",
    "m0020_undo_every_kind",
    "m0021_lead_status_check",
    "m0022_search_without_positions",
    "m0023_fingerprint_key",
)


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step: a version number and the function that applies it."""

    version: int
    description: str
    upgrade: Callable[[sa.Connection], None]
    foreign_keys_off: bool = False


@dataclass(frozen=True, slots=True)
class MigrationReport:
    """What :func:`migrate` did.

    Attributes:
        from_version: Schema version found (0 for an empty database).
        to_version: Schema version now.
        backup_path: The copy made before migrating, if one was made.
    """

    from_version: int
    to_version: int
    backup_path: Path | None


def _load(name: str) -> Migration:
    module: ModuleType = importlib.import_module(f"cockpit_tui.store.migrations.{name}")
    return Migration(
        module.VERSION,
        module.DESCRIPTION,
        module.upgrade,
        getattr(module, "FOREIGN_KEYS_OFF", False),
    )


def all_migrations() -> tuple[Migration, ...]:
    """Every migration shipped with this version of cockpit-tui, in order."""
    steps = tuple(_load(name) for name in _MODULES)
    assert steps[-1].version == LATEST_VERSION, "update migrations.LATEST_VERSION"
    return steps


_VERSION_TABLE = (
    "CREATE TABLE IF NOT EXISTS schema_version "
    "(version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)"
)


def current_version(connection: sa.Connection) -> int:
    """The schema version of a database, 0 when it has no schema yet."""
    inspector = sa.inspect(connection)
    if not inspector.has_table("schema_version"):
        return 0
    found = connection.exec_driver_sql("SELECT MAX(version) FROM schema_version").scalar()
    return int(found or 0)


def migrate(
    engine: sa.Engine,
    store_url: StoreUrl,
    *,
    migrations: Sequence[Migration] | None = None,
    on_progress: ProgressCallback | None = None,
) -> MigrationReport:
    """Bring the store's schema to the latest version.

    A SQLite store that already holds a schema is first copied next to itself
    (``<file>.pre-v<N>-<timestamp>.bak``) with the online backup API.
    ``on_progress`` gets the backup's pages copied, then (for a store that
    had a schema) the steps done out of those pending.

    Raises:
        CockpitError: ``error.schema_too_new`` when the store was written by a
            newer cockpit-tui; ``error.migration_failed`` when a step fails (the
            previous schema and data are kept).
    """
    steps = tuple(migrations) if migrations is not None else all_migrations()
    target = steps[-1].version if steps else 0
    with engine.execution_options(cockpit_read_only=True).connect() as connection:
        found = current_version(connection)
        connection.rollback()
    if found > target:
        raise CockpitError("error.schema_too_new", found=found, supported=target)
    pending = [step for step in steps if step.version > found]
    if not pending:
        return MigrationReport(found, found, None)

    backup_path: Path | None = None
    if found > 0 and store_url.is_sqlite:
        assert store_url.sqlite_path is not None
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        backup_path = store_url.sqlite_path.with_name(
            f"{store_url.sqlite_path.name}.pre-v{target}-{stamp}.bak"
        )
        backup_sqlite_file(store_url.sqlite_path, backup_path, on_progress=on_progress)

    # After the backup's pages, the bar counts the steps: one can rebuild a table for a while.
    report_step = on_progress if found > 0 else None
    version = found
    for done, step in enumerate(pending):
        if report_step is not None:
            report_step(done, len(pending))
        try:
            with _step_connection(engine, step) as connection, connection.begin():
                if engine.dialect.name == "postgresql":
                    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_WRITE_LOCK})")
                connection.exec_driver_sql(_VERSION_TABLE)
                # Another process may have migrated while we waited for the lock.
                if current_version(connection) >= step.version:
                    version = step.version
                    continue
                step.upgrade(connection)
                if step.foreign_keys_off and engine.dialect.name == "sqlite":
                    _check_foreign_keys(connection, step.version)
                connection.execute(
                    sa.text("INSERT INTO schema_version (version, applied_at) VALUES (:v, :at)"),
                    {"v": step.version, "at": to_micros(datetime.now(UTC))},
                )
        except sa.exc.SQLAlchemyError as error:
            raise CockpitError(
                "error.migration_failed", version=step.version, kept=version
            ) from error
        version = step.version
    if report_step is not None:
        report_step(len(pending), len(pending))
    return MigrationReport(found, version, backup_path)


@contextmanager
def _step_connection(engine: sa.Engine, step: Migration) -> Iterator[sa.Connection]:
    """A connection for one step; on SQLite without foreign keys if the step rebuilds a table.

    SQLite ignores ``PRAGMA foreign_keys`` inside a transaction, so it is set
    on the driver's connection before the step's transaction begins, and set
    back on after it ends, whatever happened.
    """
    with engine.connect() as connection:
        if not (step.foreign_keys_off and engine.dialect.name == "sqlite"):
            yield connection
            return
        driver = connection.connection.driver_connection
        assert driver is not None
        driver.execute("PRAGMA foreign_keys = OFF")
        try:
            yield connection
        finally:
            driver.execute("PRAGMA foreign_keys = ON")


def _check_foreign_keys(connection: sa.Connection, version: int) -> None:
    """Fail the step (rolled back) if it left a reference to a missing row."""
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
    if broken is not None:
        raise sa.exc.IntegrityError(
            f"migration {version} left a broken reference in {broken[0]}", None, ValueError()
        )
