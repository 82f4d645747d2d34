"""Opening a store: the fast read path at once, the ORM engine when first written to."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from cockpit_tui.domain.errors import StoreUnavailableError
from cockpit_tui.store.migrations import LATEST_VERSION
from cockpit_tui.store.reader import StoreReader
from cockpit_tui.store.urls import StoreUrl, parse_store_url

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from cockpit_tui.store.backup import ProgressCallback
    from cockpit_tui.store.migrations.runner import MigrationReport


class Store:
    """One store (a dealership's database): its URL, its reader and its engine.

    Attributes:
        url: The parsed store URL.
        reader: The DB-API reader the board paints from.
        migration: What opening the store migrated, if anything.
        created: True when opening it created a new, empty SQLite file.
        joins_team: True when whoever changes a lead through this handle joins
            the team with that change (a salesperson named by ``--user``).
    """

    def __init__(self, url: StoreUrl, reader: StoreReader) -> None:
        self.url = url
        self.reader = reader
        self.migration: MigrationReport | None = None
        self.created = False
        self.joins_team = False
        self._engine: Engine | None = None
        self._engine_lock = threading.Lock()
        self._search_reader: StoreReader | None = None

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine for writes, created (and SQLAlchemy imported) on first use."""
        with self._engine_lock:
            if self._engine is None:
                from cockpit_tui.store.engine import create_store_engine

                self._engine = create_store_engine(self.url)
            return self._engine

    @property
    def search_reader(self) -> StoreReader:
        """A second reader for the board's search reads (opened on first use).

        A search typed on reads of its own can be interrupted when more keys
        come (:meth:`StoreReader.interrupt`) without stopping the poll's or a
        column's read, and never waits behind them.
        """
        with self._engine_lock:
            if self._search_reader is None:
                self._search_reader = self.reader.sibling()
            return self._search_reader

    def interrupt_search(self) -> None:
        """Interrupt the search reader's running query, if it was ever opened."""
        reader = self._search_reader
        if reader is not None:
            reader.interrupt()

    def close(self) -> None:
        """Release the readers' connections and the engine's pool."""
        self.reader.close()
        if self._search_reader is not None:
            self._search_reader.close()
        if self._engine is not None:
            self._engine.dispose()


def open_store(
    url: str, *, on_progress: ProgressCallback | None = None, must_exist: bool = False
) -> Store:
    """Open a store, creating or migrating its schema when needed.

    Args:
        url: The store's URL.
        on_progress: Progress of a migration.
        must_exist: Refuse a SQLite file that does not exist instead of creating
            it (commands that only read: an empty new store would answer "no leads").

    A store already at the latest schema version opens without importing
    SQLAlchemy; a new or older one is migrated first (with a backup of an
    older SQLite file, see :func:`cockpit_tui.store.migrations.runner.migrate`).

    Raises:
        CockpitError: a bad URL, an unreachable or damaged database, a failed
            migration, or a schema newer than this release.
    """
    store_url = parse_store_url(url)
    created = False
    if store_url.is_sqlite:
        assert store_url.sqlite_path is not None
        if not store_url.sqlite_path.exists():
            if must_exist:
                raise StoreUnavailableError("error.store_missing", path=str(store_url.sqlite_path))
            from cockpit_tui.store.fileperms import ensure_private_file

            try:
                ensure_private_file(store_url.sqlite_path)
            except OSError as error:
                raise StoreUnavailableError(
                    "error.store_cannot_create", path=str(store_url.sqlite_path)
                ) from error
            created = True
    reader = StoreReader(store_url)
    store = Store(store_url, reader)
    store.created = created
    try:
        found = reader.schema_version()
        if found != LATEST_VERSION:
            from cockpit_tui.store.migrations.runner import migrate

            store.migration = migrate(store.engine, store_url, on_progress=on_progress)
        else:
            _finish_abandoned_import(store)
    except BaseException:
        store.close()
        raise
    return store


def _finish_abandoned_import(store: Store) -> None:
    """Build the indexes an import deferred and never restored (it crashed or was killed).

    One primary-key read when there is nothing to do; a store that cannot be
    written now (read-only file, busy) opens as it is: its reads are right
    without those indexes, only slower, and the next open tries again.
    """
    deferred = store.reader.fetchone("SELECT owner_pid FROM bulk_deferred LIMIT 1")
    if deferred is None:
        return
    import sqlalchemy

    from cockpit_tui.store.import_deferral import restore_if_abandoned

    try:
        restore_if_abandoned(store.engine, int(deferred[0]))
    except sqlalchemy.exc.SQLAlchemyError:
        return
